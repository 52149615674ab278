//! What each column of a responses file holds, read from its header: who answered, their role
//! and group, a question, a comment on a question, or the columns of the long format.
//! Headers are compared without regard to case, accents or spacing.

use tcm_core::{QuestionId, Questionnaire};

use crate::names::{fold, strip_prefix_ignoring_case};

/// Headers naming the respondent, best first: several may be present (a form's name and
/// e-mail), and the best one wins.
const RESPONDENT_HEADERS: [&[&str]; 4] = [
    &["respondent", "repondant", "repondante"],
    &["participant", "participante"],
    &[
        "nom",
        "name",
        "nom et prenom",
        "prenom et nom",
        "nom complet",
        "full name",
    ],
    &[
        "e-mail",
        "email",
        "adresse e-mail",
        "adresse email",
        "adresse de messagerie",
        "courriel",
        "email address",
        "e-mail address",
    ],
];
const ROLE_HEADERS: [&str; 3] = ["role", "fonction", "poste"];
const GROUP_HEADERS: [&str; 7] = [
    "group",
    "groupe",
    "service",
    "departement",
    "department",
    "equipe",
    "team",
];
const QUESTION_HEADERS: [&str; 1] = ["question"];
const ANSWER_HEADERS: [&str; 2] = ["answer", "reponse"];
const COMMENT_HEADERS: [&str; 2] = ["comment", "commentaire"];

/// Characters that may follow a question id at the start of a header, before the question's
/// text, as form tools write it: `cre-01 - Vos segments…`, `cre-01: …`, `cre-01) …`.
const AFTER_QUESTION_ID: [char; 7] = [':', '-', '.', ')', '–', '—', '\t'];

/// What one column holds, judged from its header alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    /// The respondent's name or e-mail; a lower rank is a better name.
    Respondent {
        rank: usize,
    },
    Role,
    Group,
    /// Answers to one question (wide format).
    Question(QuestionId),
    /// Comments on one question (wide format): `commentaire cre-01`.
    Comment(QuestionId),
    /// The long format's `question` column.
    QuestionIds,
    /// The long format's `answer` column.
    Answers,
    /// The long format's `comment` column.
    Comments,
    /// Anything else: a timestamp, a score a form computed, a free remark.
    Other,
}

/// Reads one header.
pub(crate) fn classify(header: &str, questionnaire: &Questionnaire) -> Column {
    let folded = fold(header);
    if let Some(rank) = RESPONDENT_HEADERS
        .iter()
        .position(|names| names.contains(&folded.as_str()))
    {
        return Column::Respondent { rank };
    }
    let is = |names: &[&str]| names.contains(&folded.as_str());
    if is(&ROLE_HEADERS) {
        Column::Role
    } else if is(&GROUP_HEADERS) {
        Column::Group
    } else if is(&QUESTION_HEADERS) {
        Column::QuestionIds
    } else if is(&ANSWER_HEADERS) {
        Column::Answers
    } else if is(&COMMENT_HEADERS) {
        Column::Comments
    } else if let Some(question) = question_at_start(header, questionnaire) {
        Column::Question(question)
    } else if let Some(question) = comment_on(header, questionnaire) {
        Column::Comment(question)
    } else {
        Column::Other
    }
}

/// The question whose id starts `header`, alone or followed by a space or one of
/// [`AFTER_QUESTION_ID`]. When several ids fit (`cre-01` and `cre-01.2`), the longest wins.
pub(crate) fn question_at_start(header: &str, questionnaire: &Questionnaire) -> Option<QuestionId> {
    let header = header.trim().trim_start_matches('\u{feff}').trim_start();
    questionnaire
        .questions()
        .iter()
        .filter(|question| {
            strip_prefix_ignoring_case(header, question.id.as_str()).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|next| next.is_whitespace() || AFTER_QUESTION_ID.contains(&next))
            })
        })
        .max_by_key(|question| question.id.as_str().len())
        .map(|question| question.id.clone())
}

/// The question a comment column is about: `commentaire cre-01`, `Comment: cre-01 - …`.
fn comment_on(header: &str, questionnaire: &Questionnaire) -> Option<QuestionId> {
    let header = header.trim().trim_start_matches('\u{feff}').trim_start();
    let rest = strip_prefix_ignoring_case(header, "commentaire")
        .or_else(|| strip_prefix_ignoring_case(header, "comment"))?;
    let question = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '-');
    if question.len() == rest.len() {
        return None;
    }
    question_at_start(question, questionnaire)
}

#[cfg(test)]
mod tests {
    use tcm_core::{QuestionId, Questionnaire};

    use super::{Column, classify};

    const SAMPLE: &str = include_str!("../../../../questionnaires/sample.toml");

    #[test]
    fn headers_say_what_their_column_holds() {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let question = |id: &str| Column::Question(QuestionId::new(id));
        let comment = |id: &str| Column::Comment(QuestionId::new(id));
        for (header, column) in [
            ("Répondant", Column::Respondent { rank: 0 }),
            ("REPONDANT", Column::Respondent { rank: 0 }),
            ("respondent", Column::Respondent { rank: 0 }),
            ("Participant", Column::Respondent { rank: 1 }),
            ("Nom", Column::Respondent { rank: 2 }),
            ("Name", Column::Respondent { rank: 2 }),
            ("Adresse e-mail", Column::Respondent { rank: 3 }),
            ("Email", Column::Respondent { rank: 3 }),
            ("E-mail", Column::Respondent { rank: 3 }),
            ("Rôle", Column::Role),
            ("Fonction", Column::Role),
            ("Département", Column::Group),
            ("Groupe", Column::Group),
            ("Service", Column::Group),
            ("question", Column::QuestionIds),
            ("Réponse", Column::Answers),
            ("Commentaire", Column::Comments),
            ("sample-cre-01", question("sample-cre-01")),
            ("SAMPLE-CRE-01", question("sample-cre-01")),
            ("sample-cre-01 - Vos segments", question("sample-cre-01")),
            ("sample-cre-01: Vos segments", question("sample-cre-01")),
            ("sample-cre-01. Vos segments", question("sample-cre-01")),
            ("sample-cre-01) Vos segments", question("sample-cre-01")),
            ("sample-cre-01 – Vos segments", question("sample-cre-01")),
            (
                "sample-cre-01\u{a0}: Vos segments",
                question("sample-cre-01"),
            ),
            ("commentaire sample-act-02", comment("sample-act-02")),
            (
                "Comment: sample-act-02 - Satisfaction",
                comment("sample-act-02"),
            ),
            ("Horodateur", Column::Other),
            ("Timestamp", Column::Other),
            ("sample-cre-011", Column::Other),
            ("sample-cre-01x Vos segments", Column::Other),
            ("Vos segments (sample-cre-01)", Column::Other),
            ("commentaires généraux", Column::Other),
            ("commentairesample-act-02", Column::Other),
            ("", Column::Other),
        ] {
            assert_eq!(classify(header, &questionnaire), column, "{header:?}");
        }
    }
}
