//! What each column of a responses file holds, read from its header: who answered, their role
//! and group, a question, a comment on a question, or the columns of the long format.
//! Headers are compared without regard to case, accents or spacing.

use tcm_core::QuestionId;

use super::matching::{MatchedBy, QuestionMatcher};
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
pub(super) const GROUP_HEADERS: [&str; 7] = [
    "group",
    "groupe",
    "service",
    "departement",
    "department",
    "equipe",
    "team",
];
pub(super) const QUESTION_HEADERS: [&str; 1] = ["question"];
pub(super) const ANSWER_HEADERS: [&str; 2] = ["answer", "reponse"];
pub(super) const COMMENT_HEADERS: [&str; 2] = ["comment", "commentaire"];

/// Words after a question's id that make its column a comment: `cre01_comment`,
/// `cre01[comment]`, `cre-01 — Commentaire`.
const COMMENT_WORDS: [&str; 5] = [
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "remarque",
];

/// What one column holds, judged from its header alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    /// The respondent's name or e-mail; a lower rank is a better name.
    Respondent {
        rank: usize,
    },
    Role,
    Group,
    /// Answers to one question (wide format), found by its id or its text.
    Question(QuestionId, MatchedBy),
    /// Comments on one question (wide format): `commentaire cre-01`, `cre01_comment`.
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

/// Whether a folded header names the respondent (`nom`, `name`, `répondant`…).
pub(super) fn is_respondent_header(folded: &str) -> bool {
    RESPONDENT_HEADERS
        .iter()
        .any(|names| names.contains(&folded))
}

/// The names a folded header may go by: itself, and for LimeSurvey's "question code &
/// question text" headings (`nom. Nom`) the code and the text.
fn header_names(folded: &str) -> Vec<&str> {
    let mut names = vec![folded];
    if let Some((code, text)) = folded.split_once(". ")
        && !code.is_empty()
        && code.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        names.extend([code, text]);
    }
    names
}

/// Reads one header.
pub(crate) fn classify(header: &str, matcher: &QuestionMatcher<'_>) -> Column {
    let folded = fold(header);
    let names = header_names(&folded);
    if let Some(rank) = RESPONDENT_HEADERS
        .iter()
        .position(|respondent| names.iter().any(|name| respondent.contains(name)))
    {
        return Column::Respondent { rank };
    }
    let is = |list: &[&str]| names.iter().any(|name| list.contains(name));
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
    } else if let Some(question) = comment_on(header, matcher) {
        Column::Comment(question)
    } else if let Some((question, by)) = matcher.question_in(header) {
        Column::Question(question, by)
    } else {
        Column::Other
    }
}

/// The question a comment column is about: `commentaire cre-01`, `Comment: cre-01 - …`,
/// `Commentaire : <question text>`, or an id followed by a comment word only
/// (`grp/cre01_comment`, `cre01[comment]`, `cre-01 — Commentaire`), or a question followed
/// by a bracketed comment word (`cre01. <text> [Comment]`).
fn comment_on(header: &str, matcher: &QuestionMatcher<'_>) -> Option<QuestionId> {
    let header = header.trim().trim_start_matches('\u{feff}').trim_start();
    let prefixed = strip_prefix_ignoring_case(header, "commentaire")
        .or_else(|| strip_prefix_ignoring_case(header, "comment"));
    if let Some(rest) = prefixed {
        let question = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '-');
        if question.len() < rest.len() {
            return matcher.question_in(question).map(|(question, _)| question);
        }
    }
    // `<question> [Comment]`: LimeSurvey's heading of a "list with comment" comment column.
    if let Some((question, word)) = header
        .strip_suffix(']')
        .and_then(|rest| rest.rsplit_once('['))
        && COMMENT_WORDS.contains(&fold(word).as_str())
        && let Some((question, _)) = matcher.question_in(question.trim_end())
    {
        return Some(question);
    }
    let found = matcher.id_in(header)?;
    let after = header.get(found.end..)?;
    let word = fold(after.trim_matches(|c: char| !c.is_alphanumeric()));
    COMMENT_WORDS
        .contains(&word.as_str())
        .then_some(found.question)
}

#[cfg(test)]
mod tests {
    use tcm_core::{QuestionId, Questionnaire};

    use super::super::matching::{MatchedBy, QuestionMatcher};
    use super::{Column, classify};

    const SAMPLE: &str = include_str!("../../../../questionnaires/sample.toml");

    #[test]
    fn headers_say_what_their_column_holds() {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let matcher = QuestionMatcher::new(&questionnaire);
        let question = |id: &str| Column::Question(QuestionId::new(id), MatchedBy::Id);
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
            ("Vos segments (sample-cre-01)", question("sample-cre-01")),
            ("grp/sample_cre_01", question("sample-cre-01")),
            ("T01[samplecre01]", question("sample-cre-01")),
            ("grp/samplecre01_comment", comment("sample-cre-01")),
            ("samplecre01[comment]", comment("sample-cre-01")),
            ("sample-cre-01 — Commentaire", comment("sample-cre-01")),
            (
                "Vos segments de clientèle reposent-ils sur des critères de comportement d’achat ?",
                Column::Question(QuestionId::new("sample-cre-01"), MatchedBy::Text),
            ),
            (
                "Commentaire : Vos segments de clientèle reposent-ils sur des critères de comportement d’achat ?",
                comment("sample-cre-01"),
            ),
            ("nom. Nom", Column::Respondent { rank: 2 }),
            ("groupe. Groupe", Column::Group),
            ("samplecre01. Vos segments", question("sample-cre-01")),
            (
                "samplecre01[comment]. sample-cre-01 — Vos segments [Commentaire]",
                comment("sample-cre-01"),
            ),
            (
                "Vos segments de clientèle reposent-ils sur des critères de comportement d’achat ? [Comment]",
                comment("sample-cre-01"),
            ),
            ("Créative [Commentaire]", Column::Other),
            ("commentaires généraux", Column::Other),
            ("commentairesample-act-02", Column::Other),
            ("", Column::Other),
        ] {
            assert_eq!(classify(header, &matcher), column, "{header:?}");
        }
    }
}
