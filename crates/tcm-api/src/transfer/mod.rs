//! Transfer types: plain data shaped for the UI, converted from domain and store types. Each
//! has a generated TypeScript twin in `ui/src/lib/bindings`.

pub mod assessment;
pub mod benchmark;
pub mod classroom;
pub mod follow_up;
pub mod live;
pub mod operation;
pub mod plan;
pub mod questionnaire;
pub mod reaudit;
pub mod report_settings;
pub mod results;
pub mod settings;
pub mod strategy;
pub mod values;

pub use assessment::*;
pub use benchmark::*;
pub use classroom::*;
pub use follow_up::*;
pub use live::*;
pub use operation::*;
pub use plan::*;
pub use questionnaire::*;
pub use reaudit::*;
pub use report_settings::*;
pub use results::*;
pub use settings::*;
pub use strategy::*;
pub use values::*;

/// Counts shown to the UI fit easily in 32 bits.
pub(crate) fn count(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
