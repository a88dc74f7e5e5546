pub mod plan;
pub mod yaml;
