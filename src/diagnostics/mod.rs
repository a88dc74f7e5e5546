//! The one diagnostic type and the message catalog (every text, in English and Chinese). Imports syntax and model.

pub mod diagnostic;
pub mod messages;
