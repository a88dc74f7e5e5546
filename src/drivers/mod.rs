//! Runs of the engine over other inputs: a pull request's merge-base read from git. Imports the layers below.

pub mod git;
pub mod pull_request;
