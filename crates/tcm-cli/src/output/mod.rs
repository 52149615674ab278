//! What commands print.

pub mod emit;
pub mod score_json;
pub mod score_table;
pub mod table;
