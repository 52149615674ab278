//! Class exercises: which case study a classroom assessment audits. The assessment holds the
//! groups (its respondents) and their answers; this table only names the case, by the id and
//! version its file gives, so that the case text and the teacher's key are found again.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use crate::error::Result;
use crate::records::AssessmentId;
use crate::unit::Tx;
use crate::{Store, time};

/// The case an assessment audits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassExercise {
    pub assessment: AssessmentId,
    pub case_id: String,
    pub case_version: String,
    pub created_at: DateTime<Utc>,
}

impl Tx<'_> {
    /// Records that `assessment` is a class exercise on the case `case_id` (`case_version`).
    pub fn link_case(
        &mut self,
        assessment: AssessmentId,
        case_id: &str,
        case_version: &str,
    ) -> Result<()> {
        self.connection()
            .execute(
                "INSERT INTO class_exercise (assessment_id, case_id, case_version, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![assessment.0, case_id.trim(), case_version, self.now_text()],
            )
            .map_err(self.fail("saving the class exercise"))?;
        Ok(())
    }
}

impl Tx<'_> {
    /// Records the case of an assessment imported from a file, or the case its newer file
    /// names: linked or relinked, never refused because a link exists.
    pub(crate) fn set_case(
        &mut self,
        assessment: AssessmentId,
        case_id: &str,
        case_version: &str,
    ) -> Result<()> {
        self.connection()
            .execute(
                "INSERT INTO class_exercise (assessment_id, case_id, case_version, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (assessment_id) DO UPDATE SET case_id = excluded.case_id, case_version = excluded.case_version",
                params![assessment.0, case_id.trim(), case_version, self.now_text()],
            )
            .map_err(self.fail("saving the class exercise"))?;
        Ok(())
    }
}

fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<ClassExercise> {
    Ok(ClassExercise {
        assessment: AssessmentId(row.get(0)?),
        case_id: row.get(1)?,
        case_version: row.get(2)?,
        created_at: time::parse(&row.get::<_, String>(3)?),
    })
}

impl Store {
    /// The case `assessment` audits, when it is a class exercise.
    pub fn class_exercise(&self, assessment: AssessmentId) -> Result<Option<ClassExercise>> {
        self.connection
            .query_row(
                "SELECT assessment_id, case_id, case_version, created_at FROM class_exercise WHERE assessment_id = ?1",
                [assessment.0],
                read,
            )
            .optional()
            .map_err(self.fail("reading the class exercise"))
    }

    /// Every class exercise, the most recent first.
    pub fn list_class_exercises(&self) -> Result<Vec<ClassExercise>> {
        self.connection
            .prepare(
                "SELECT c.assessment_id, c.case_id, c.case_version, c.created_at
                   FROM class_exercise c JOIN assessment a ON a.id = c.assessment_id
                  ORDER BY a.updated_at DESC, c.assessment_id DESC",
            )
            .and_then(|mut statement| {
                statement
                    .query_map([], read)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(self.fail("listing the class exercises"))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use tcm_core::{Assessment, AssessmentStatus, Language, Mode, Organisation, Sector, Targets};

    use super::*;
    use crate::NewAssessment;

    #[test]
    fn a_class_exercise_names_its_case_and_goes_with_its_assessment() {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = Utc
            .with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
            .single()
            .expect("date");
        let mut store = Store::open(&dir.path().join("t.sqlite"), now).expect("open");
        let questionnaire = tcm_core::Questionnaire::from_toml(
            include_str!("../../../questionnaires/tcm-92.toml"),
            "tcm-92.toml",
        )
        .expect("grid");
        let id = store
            .write(now, "test", |tx| {
                let organisation = tx.create_organisation(&Organisation {
                    name: "Classe de M2".into(),
                    sector: Sector::Other,
                    size: None,
                    notes: String::new(),
                })?;
                let id = tx.create_assessment(&NewAssessment {
                    organisation,
                    questionnaire: &questionnaire,
                    assessment: Assessment {
                        title: "Blédina « pas à pas »".into(),
                        mode: Mode::Classroom,
                        language: Language::French,
                        targets: Targets::default(),
                        status: AssessmentStatus::InProgress,
                    },
                })?;
                tx.link_case(id, "bledina-pas-a-pas", "1.0.0")?;
                Ok(id)
            })
            .expect("created");
        let exercise = store.class_exercise(id).expect("read").expect("linked");
        assert_eq!(
            (exercise.case_id.as_str(), exercise.case_version.as_str()),
            ("bledina-pas-a-pas", "1.0.0")
        );
        assert_eq!(store.list_class_exercises().expect("list"), vec![exercise]);
        let again = store.write(now, "test", |tx| tx.link_case(id, "autre", "1.0.0"));
        assert!(again.is_err(), "one case per assessment");
        store.delete_assessment(id, now).expect("deleted");
        assert_eq!(store.class_exercise(id).expect("read"), None);
        assert!(store.list_class_exercises().expect("list").is_empty());
    }
}
