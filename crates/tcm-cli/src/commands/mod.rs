//! One module per subcommand.

pub mod grid;
pub mod score;
pub mod validate;
