//! The commands besides check: init, status, plan, server, test. Imports the layers below.

pub mod catalog;
pub mod fixture_test;
pub mod init;
pub mod server;
