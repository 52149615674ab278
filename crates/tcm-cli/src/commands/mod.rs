//! One module per subcommand.

pub mod answer;
pub mod assessment;
pub mod backup;
pub mod case;
pub mod class;
pub mod form;
pub mod grid;
pub mod live;
pub mod org;
pub mod report;
pub mod respondent;
pub mod score;
pub mod transfer;
pub mod trend;
pub mod validate;
