//! The choices every generated form offers for a question: the scale's levels with their
//! labels, then "don't know" and "not applicable", each spelled as the import reads it.

use tcm_core::{Answer, Language, Questionnaire};

/// One choice: what the respondent sees, and a short code for tools that store codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// `3 - Déployé et mesuré`, `Ne sait pas`, `Non applicable`.
    pub label: String,
    /// Letters and digits only: `3`, `nsp`, `na`.
    pub code: String,
    /// What the choice means.
    pub answer: Answer,
}

/// The choices for `questionnaire` in `language`, levels first.
pub fn choices(questionnaire: &Questionnaire, language: Language) -> Vec<Choice> {
    let mut choices: Vec<Choice> = questionnaire
        .scale()
        .iter()
        .map(|level| Choice {
            label: format!("{} - {}", level.level.value(), level.label.get(language)),
            code: level.level.value().to_string(),
            answer: Answer::Level(level.level),
        })
        .collect();
    let (dont_know, not_applicable) = match language {
        Language::French => ("Ne sait pas", "Non applicable"),
        Language::English => ("Don't know", "Not applicable"),
    };
    choices.push(Choice {
        label: dont_know.to_owned(),
        code: "nsp".to_owned(),
        answer: Answer::DontKnow,
    });
    choices.push(Choice {
        label: not_applicable.to_owned(),
        code: "na".to_owned(),
        answer: Answer::NotApplicable,
    });
    choices
}

/// The choice labels, one a line, to paste into a form tool.
pub(super) fn text(questionnaire: &Questionnaire, language: Language) -> String {
    let mut text: String = choices(questionnaire, language)
        .iter()
        .map(|choice| format!("{}\n", choice.label))
        .collect();
    if text.is_empty() {
        text.push('\n');
    }
    text
}
