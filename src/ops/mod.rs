//! What each verb does to the World, returning typed results for the printers: apply/create,
//! get (resource resolution), delete, scale, cluster creation.

pub mod apply;
pub mod cluster;
pub mod delete;
pub mod generate;
pub mod get;
pub mod import;
pub mod label;
pub mod manifest;
pub mod patch;
pub mod rollout;
pub mod scale;
pub mod set;
pub mod yaml11;
