//! Text and places in it: YAML with spans, sources and paths, and the closest-name suggestions. Imports nothing of the crate.

pub mod paths;
pub mod source;
pub mod suggest;
pub mod yaml;
