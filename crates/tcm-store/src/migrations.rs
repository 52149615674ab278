//! The schema's migrations, numbered and embedded in the binary. The database's
//! `user_version` is the number of migrations applied.

use rusqlite_migration::{M, Migrations};

/// Each migration, in order; never edit one that has shipped, add a new one.
const STEPS: &[&str] = &[
    include_str!("../migrations/001_initial.sql"),
    include_str!("../migrations/002_resume_position.sql"),
    include_str!("../migrations/003_question_tally.sql"),
    include_str!("../migrations/004_live_participants.sql"),
    include_str!("../migrations/005_class_exercise.sql"),
    include_str!("../migrations/006_wave_overrides.sql"),
    include_str!("../migrations/007_report_settings.sql"),
    include_str!("../migrations/008_database_settings.sql"),
];

/// The schema version this code reads and writes.
pub const LATEST: usize = STEPS.len();

pub fn all() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_migrations_are_valid() {
        assert!(super::all().validate().is_ok());
    }
}
