//! Whole assessments in and out, for portable `.tcm` files: one unit of work each way,
//! local ids remapped, and the assessment's global id (uuid) recognised so that importing
//! the same file twice does not duplicate it.
//!
//! An import never deletes work silently. When this database already holds the assessment
//! and holds work the file does not contain (see
//! [`tcm_interchange::portable::reconcile`]), the import is refused unless the caller chose
//! what to do: import as a separate copy, replace (after a backup), or merge answer by answer
//! (after a backup). Replacing or merging always takes a backup first.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use tcm_core::{Questionnaire, RespondentProfile};
use tcm_interchange::portable::reconcile::{self, Comparison, Conflict, Item};
use tcm_interchange::portable::{AgreedValue, PortableAssessment, RecordedAnswer, ScoreSnapshot};

use crate::backup::BackupKind;
use crate::error::{Result, StoreError};
use crate::records::{AssessmentId, NewAssessment, RespondentId, ScoreSnapshot as StoredSnapshot};
use crate::unit::Tx;
use crate::{Store, time};

/// What to do with a file whose assessment is already here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportChoice {
    /// Bring the file's content only when nothing of this computer's would be lost;
    /// otherwise refuse with [`StoreError::ImportConflict`].
    #[default]
    Safe,
    /// Import as a separate assessment (a new global id), leaving this one untouched.
    AsCopy,
    /// Replace this computer's content by the file's, after a backup.
    Replace,
    /// Merge answer by answer (the later change wins; conflicts listed), after a backup.
    Merge,
}

/// What importing a portable assessment did.
#[derive(Debug, Clone, PartialEq)]
pub enum PortableImport {
    /// The assessment was new here.
    Created(AssessmentId),
    /// It was here already with the same content: nothing changed.
    AlreadyPresent(AssessmentId),
    /// It was here already; the file brought newer content and this computer held nothing
    /// the file lacks. The content before is in `backup`.
    Updated {
        assessment: AssessmentId,
        backup: PathBuf,
    },
    /// Imported as a separate assessment.
    Copied(AssessmentId),
    /// Replaced by the file's content; `lost` lists what this computer held that the file
    /// did not (kept in `backup`).
    Replaced {
        assessment: AssessmentId,
        backup: PathBuf,
        lost: Vec<Item>,
    },
    /// Merged: `brought` items came from the file; `conflicts` lists the items both held
    /// differently, with the side kept. The content before is in `backup`.
    Merged {
        assessment: AssessmentId,
        backup: PathBuf,
        brought: usize,
        conflicts: Vec<Conflict>,
    },
}

impl PortableImport {
    pub fn assessment(&self) -> AssessmentId {
        match self {
            PortableImport::Created(id)
            | PortableImport::AlreadyPresent(id)
            | PortableImport::Copied(id)
            | PortableImport::Updated { assessment: id, .. }
            | PortableImport::Replaced { assessment: id, .. }
            | PortableImport::Merged { assessment: id, .. } => *id,
        }
    }
}

/// The words a copy's title gains, in the assessment's language.
fn copy_title(portable: &PortableAssessment) -> String {
    let suffix = match portable.assessment.language {
        tcm_core::Language::French => "copie importée",
        tcm_core::Language::English => "imported copy",
    };
    format!("{} ({suffix})", portable.assessment.title.trim())
}

/// The refusal when local work would be lost, naming what.
fn conflict_error(comparison: &Comparison) -> StoreError {
    let mut lines: Vec<String> = comparison
        .local_only
        .iter()
        .take(10)
        .map(|item| format!("- {item}"))
        .collect();
    if comparison.local_only.len() > 10 {
        lines.push(format!("- … and {} more", comparison.local_only.len() - 10));
    }
    StoreError::ImportConflict {
        local_only: comparison.local_only.len(),
        from_file: comparison.from_file.len(),
        future: comparison.file_dated_in_future,
        detail: lines.join("\n"),
    }
}

impl Store {
    /// Everything about one assessment, as a portable `.tcm` file holds it.
    pub fn export_portable(&mut self, id: AssessmentId) -> Result<PortableAssessment> {
        let stored = self.assessment(id)?;
        let organisation = self.organisation(stored.organisation)?.organisation;
        let questionnaire = self.questionnaire(id)?;
        let respondents = self.list_respondents(id)?;
        let labels: HashMap<i64, String> = respondents
            .iter()
            .map(|respondent| (respondent.id.0, respondent.profile.label.clone()))
            .collect();
        let mut answers = std::collections::BTreeMap::new();
        {
            let mut statement = self
                .connection
                .prepare(
                    "SELECT a.respondent_id, a.question_id, a.value, a.comment, a.updated_at
                       FROM answer a JOIN respondent r ON r.id = a.respondent_id WHERE r.assessment_id = ?1",
                )
                .map_err(self.fail("reading the answers"))?;
            let rows = statement
                .query_map([id.0], |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                    ))
                })
                .map_err(self.fail("reading the answers"))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(self.fail("reading the answers"))?;
            for (respondent, question, value, comment, updated_at) in rows {
                let (Some(label), Ok(answer)) = (labels.get(&respondent), value.parse()) else {
                    continue;
                };
                answers.insert(
                    (
                        tcm_core::Respondent::new(label.clone()),
                        tcm_core::QuestionId::new(question),
                    ),
                    RecordedAnswer {
                        answer,
                        comment: (!comment.is_empty()).then_some(comment),
                        updated_at: time::parse(&updated_at),
                    },
                );
            }
        }
        let consensus = self
            .consensus_notes(id)?
            .into_iter()
            .map(|note| {
                (
                    note.question,
                    AgreedValue {
                        value: note.value,
                        note: note.note,
                    },
                )
            })
            .collect();
        let actions = self
            .list_actions(id)?
            .into_iter()
            .map(|stored| stored.action)
            .collect();
        let score_snapshots = self
            .score_snapshots(id)?
            .into_iter()
            .map(|snapshot| ScoreSnapshot {
                taken_at: snapshot.taken_at,
                overall: snapshot.overall,
                stages: snapshot.stages,
            })
            .collect();
        Ok(PortableAssessment {
            uuid: stored.uuid,
            organisation,
            assessment: stored.assessment,
            created_at: stored.created_at,
            updated_at: stored.updated_at,
            questionnaire_id: questionnaire.id().to_owned(),
            questionnaire_version: questionnaire.version().to_string(),
            questionnaire_snapshot: questionnaire.to_toml(),
            case: self
                .class_exercise(id)?
                .map(|exercise| tcm_interchange::portable::CaseLink {
                    id: exercise.case_id,
                    version: exercise.case_version,
                }),
            respondents: respondents
                .into_iter()
                .map(|respondent| respondent.profile)
                .collect(),
            answers,
            consensus,
            actions,
            score_snapshots,
            wave_overrides: Some(self.wave_overrides(id)?),
        })
    }

    /// Imports a portable assessment in one unit of work, as `choice` says when the
    /// assessment is already here (see [`ImportChoice`]). Its organisation is matched by
    /// name (or added).
    pub fn import_portable(
        &mut self,
        portable: &PortableAssessment,
        choice: ImportChoice,
        now: DateTime<Utc>,
    ) -> Result<PortableImport> {
        self.import_portable_watched(portable, choice, now, &mut |_, _| true)
    }

    /// [`Store::import_portable`], `watch` told how many answers are written and able to
    /// stop the import, which then writes nothing (see [`Store::write_watched`]). A backup
    /// taken before replacing or merging stays: it holds what was here.
    pub fn import_portable_watched(
        &mut self,
        portable: &PortableAssessment,
        choice: ImportChoice,
        now: DateTime<Utc>,
        watch: &mut crate::unit::Watch<'_>,
    ) -> Result<PortableImport> {
        let questionnaire: Questionnaire = portable.questionnaire().map_err(|invalid| {
            StoreError::Invalid(format!(
                "the file's questionnaire does not read: {}",
                invalid.report()
            ))
        })?;
        let Some(existing) = self.find_assessment_by_uuid(&portable.uuid)? else {
            let id = self.write_watched(now, "importing the assessment", watch, |tx| {
                tx.add_portable(
                    portable,
                    &questionnaire,
                    &portable.uuid,
                    &portable.assessment.title,
                )
            })?;
            return Ok(PortableImport::Created(id));
        };
        if choice == ImportChoice::AsCopy {
            let uuid = uuid::Uuid::new_v4().to_string();
            let title = copy_title(portable);
            let id =
                self.write_watched(now, "importing the assessment as a copy", watch, |tx| {
                    tx.add_portable(portable, &questionnaire, &uuid, &title)
                })?;
            return Ok(PortableImport::Copied(id));
        }
        let local = self.export_portable(existing)?;
        // One walk over both copies gives the comparison every choice needs and the merge.
        let (merged, comparison) = reconcile::merge(&local, portable, now);
        let same_questionnaire = local.questionnaire_snapshot == portable.questionnaire_snapshot;
        if choice == ImportChoice::Safe {
            if comparison.is_same() && same_questionnaire {
                return Ok(PortableImport::AlreadyPresent(existing));
            }
            if !comparison.local_only.is_empty() {
                return Err(conflict_error(&comparison));
            }
        }
        if choice == ImportChoice::Merge && !same_questionnaire {
            return Err(StoreError::Invalid(format!(
                "the file's assessment was run with another questionnaire ({} {}) than this \
                 one's ({} {}): answers cannot be merged. Import it as a copy, or replace this \
                 one.",
                portable.questionnaire_id,
                portable.questionnaire_version,
                local.questionnaire_id,
                local.questionnaire_version
            )));
        }
        let backup = self.backup_before_import(now)?;
        let written = if choice == ImportChoice::Merge {
            &merged
        } else {
            portable
        };
        self.write_watched(now, "importing the assessment", watch, |tx| {
            tx.replace_with_portable(existing, written, &questionnaire)
        })?;
        Ok(match choice {
            ImportChoice::Merge => PortableImport::Merged {
                assessment: existing,
                backup,
                brought: comparison.from_file.len(),
                conflicts: comparison.conflicts,
            },
            ImportChoice::Replace => PortableImport::Replaced {
                assessment: existing,
                backup,
                lost: comparison.local_only,
            },
            // Safe with nothing of this computer's to lose, or AsCopy (returned above).
            ImportChoice::Safe | ImportChoice::AsCopy => PortableImport::Updated {
                assessment: existing,
                backup,
            },
        })
    }

    fn backup_before_import(&self, now: DateTime<Utc>) -> Result<PathBuf> {
        if let Some(reason) = self.read_only() {
            // Said of the database, not of the backups folder beside it.
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                context: "importing the file".to_owned(),
                reason: reason.clone(),
            });
        }
        crate::backup::write_backup(&self.connection, &self.path, BackupKind::BeforeImport, now)
    }
}

impl Tx<'_> {
    /// Adds a portable assessment as a new one here, with `uuid` and `title`.
    fn add_portable(
        &mut self,
        portable: &PortableAssessment,
        questionnaire: &Questionnaire,
        uuid: &str,
        title: &str,
    ) -> Result<AssessmentId> {
        let organisation = self.organisation_named(&portable.organisation)?;
        let mut assessment = portable.assessment.clone();
        assessment.title = title.to_owned();
        let id = self.create_assessment_with_uuid(
            &NewAssessment {
                organisation,
                questionnaire,
                assessment,
            },
            uuid,
            portable.created_at,
            portable.updated_at,
        )?;
        self.fill_from_portable(id, portable)?;
        if let Some(case) = &portable.case {
            self.set_case(id, &case.id, &case.version)?;
        }
        Ok(id)
    }

    /// Empties an assessment and writes a portable assessment's content into it, keeping its
    /// id and uuid.
    fn replace_with_portable(
        &mut self,
        id: AssessmentId,
        portable: &PortableAssessment,
        questionnaire: &Questionnaire,
    ) -> Result<()> {
        let organisation = self.organisation_named(&portable.organisation)?;
        let snapshot = self.questionnaire_snapshot(questionnaire)?;
        self.empty_assessment(id, organisation, snapshot, questionnaire.questions().len())?;
        self.update_assessment(id, &portable.assessment)?;
        self.set_created_at(id, portable.created_at)?;
        self.fill_from_portable(id, portable)?;
        // A file that names no case (written before cases travelled) leaves the link alone.
        if let Some(case) = &portable.case {
            self.set_case(id, &case.id, &case.version)?;
        }
        Ok(())
    }

    /// Writes a portable assessment's respondents, answers, consensus values, actions,
    /// finalised scores and wave overrides into an empty assessment.
    fn fill_from_portable(
        &mut self,
        id: AssessmentId,
        portable: &PortableAssessment,
    ) -> Result<()> {
        let questionnaire = self.questionnaire(id)?;
        let created_at = time::format(portable.created_at);
        let mut respondents: HashMap<&str, RespondentId> = HashMap::new();
        for profile in &portable.respondents {
            let respondent = self.add_respondent_at(id, profile, &created_at)?;
            respondents.insert(profile.label.as_str(), respondent);
        }
        let total = portable.answers.len();
        for (index, ((respondent, question), recorded)) in portable.answers.iter().enumerate() {
            self.step(index, total)?;
            let Some(&respondent_id) = respondents.get(respondent.as_str()) else {
                return Err(StoreError::Invalid(format!(
                    "an answer names the unknown respondent « {respondent} »"
                )));
            };
            if questionnaire.question(question.as_str()).is_none() {
                return Err(StoreError::Invalid(format!(
                    "an answer names question `{question}`, which the file's questionnaire does not hold"
                )));
            }
            self.write_answer(
                respondent_id,
                question.as_str(),
                recorded.answer,
                recorded.comment.as_deref(),
                &time::format(recorded.updated_at.min(self.now())),
            )?;
        }
        self.step(total, total)?;
        // Counted once for the whole assessment, not answer by answer.
        self.recount(id)?;
        // A time later than now is not trusted: it is kept as now.
        let updated = portable.updated_at.min(self.now());
        let updated_at = time::format(updated);
        for (question, agreed) in &portable.consensus {
            self.set_consensus_at(
                id,
                question.as_str(),
                Some((agreed.value, &agreed.note)),
                &updated_at,
            )?;
        }
        for action in &portable.actions {
            self.add_action_at(id, action, &updated_at)?;
        }
        for snapshot in &portable.score_snapshots {
            self.add_score_snapshot(&stored_snapshot(id, snapshot, &portable.respondents))?;
        }
        // A file written before overrides travelled leaves those here alone.
        if let Some(overrides) = &portable.wave_overrides {
            self.clear_wave_overrides(id)?;
            for (initiative, value) in overrides {
                self.set_wave_override(id, initiative, *value)?;
            }
        }
        self.touch_at(id, updated);
        Ok(())
    }
}

fn stored_snapshot(
    assessment: AssessmentId,
    snapshot: &ScoreSnapshot,
    respondents: &[RespondentProfile],
) -> StoredSnapshot {
    StoredSnapshot {
        assessment,
        taken_at: snapshot.taken_at,
        respondents: respondents.len(),
        overall: snapshot.overall,
        stages: snapshot.stages,
    }
}
