//! What commands print.

pub mod score_json;
pub mod score_table;
