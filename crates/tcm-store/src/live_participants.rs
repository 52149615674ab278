//! Participants of live workshop sessions: the hash of the token a device holds, mapped to the
//! respondent it answers as, so that a device resumes after the app restarted. Tokens are
//! never stored, only their SHA-256 (hex); the respondent row keeps the name, group and the
//! question where the participant is.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use tcm_core::RespondentProfile;

use crate::error::Result;
use crate::records::{AssessmentId, RespondentId, StoredRespondent};
use crate::unit::Tx;
use crate::{Store, time};

/// A device that joined a live session of an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveParticipant {
    pub assessment: AssessmentId,
    pub respondent: RespondentId,
    pub issued_at: DateTime<Utc>,
}

/// Who a device joins a live session as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveJoin {
    /// A named session: the name the participant typed (unique in the assessment).
    Named(String),
    /// An anonymous session: labelled "Participant N", N one more than the highest such label.
    Anonymous,
}

/// The next free "Participant N" among these labels.
fn next_anonymous_label<'a>(labels: impl IntoIterator<Item = &'a str>) -> String {
    let highest = labels
        .into_iter()
        .filter_map(|label| label.strip_prefix("Participant "))
        .filter_map(|number| number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("Participant {}", highest.saturating_add(1))
}

impl Tx<'_> {
    /// Adds the joining device's respondent and remembers its token's hash, both in this
    /// transaction: a join happens whole or not at all.
    pub fn join_live_session(
        &mut self,
        assessment: AssessmentId,
        joining: &LiveJoin,
        group: &str,
        token_hash: &str,
    ) -> Result<RespondentId> {
        let label = match joining {
            LiveJoin::Named(name) => name.clone(),
            LiveJoin::Anonymous => {
                let labels = self.respondent_labels(assessment)?;
                next_anonymous_label(labels.iter().map(String::as_str))
            }
        };
        let respondent = self.add_respondent(
            assessment,
            &RespondentProfile {
                label,
                role: String::new(),
                group: group.to_owned(),
            },
        )?;
        self.add_live_participant(token_hash, assessment, respondent)?;
        Ok(respondent)
    }

    /// Forgets every device that answered as `respondent` in a live session.
    pub(crate) fn forget_live_participants(&mut self, respondent: RespondentId) -> Result<()> {
        self.connection()
            .execute(
                "DELETE FROM live_participant WHERE respondent_id = ?1",
                [respondent.0],
            )
            .map_err(self.fail("forgetting the respondent's live devices"))?;
        Ok(())
    }

    /// Remembers that the token with this hash answers as `respondent`.
    pub fn add_live_participant(
        &mut self,
        token_hash: &str,
        assessment: AssessmentId,
        respondent: RespondentId,
    ) -> Result<()> {
        self.connection()
            .execute(
                "INSERT INTO live_participant (token_hash, assessment_id, respondent_id, issued_at) VALUES (?1, ?2, ?3, ?4)",
                params![token_hash, assessment.0, respondent.0, self.now_text()],
            )
            .map_err(self.fail("saving a live participant"))?;
        Ok(())
    }
}

impl Store {
    /// A device joins a live session of `assessment`: its respondent and its token's hash
    /// are saved in one unit of work. Returns the respondent as saved.
    pub fn join_live_session(
        &mut self,
        assessment: AssessmentId,
        joining: &LiveJoin,
        group: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<StoredRespondent> {
        let id = self.write(now, "saving a live participant", |tx| {
            tx.join_live_session(assessment, joining, group, token_hash)
        })?;
        self.respondent(id)
    }

    /// Remembers that the token with this hash answers as `respondent`, in its own unit of
    /// work.
    pub fn add_live_participant(
        &mut self,
        token_hash: &str,
        assessment: AssessmentId,
        respondent: RespondentId,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(now, "saving a live participant", |tx| {
            tx.add_live_participant(token_hash, assessment, respondent)
        })
    }

    /// The participant whose token has this hash, if it joined a session of `assessment` and
    /// its respondent still exists.
    pub fn live_participant(
        &self,
        assessment: AssessmentId,
        token_hash: &str,
    ) -> Result<Option<LiveParticipant>> {
        self.connection
            .query_row(
                "SELECT respondent_id, issued_at FROM live_participant WHERE token_hash = ?1 AND assessment_id = ?2",
                params![token_hash, assessment.0],
                |row| {
                    Ok(LiveParticipant {
                        assessment,
                        respondent: RespondentId(row.get(0)?),
                        issued_at: time::parse(&row.get::<_, String>(1)?),
                    })
                },
            )
            .optional()
            .map_err(self.fail("reading a live participant"))
    }
}

#[cfg(test)]
mod tests {
    use super::next_anonymous_label;

    #[test]
    fn anonymous_labels_follow_the_highest_number() {
        assert_eq!(next_anonymous_label([]), "Participant 1");
        assert_eq!(
            next_anonymous_label(["Alice", "Participant 2", "Participant 10", "Participant x"]),
            "Participant 11"
        );
    }
}
