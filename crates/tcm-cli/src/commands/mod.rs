//! One module per subcommand.

pub mod score;
pub mod validate;
