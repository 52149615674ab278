//! How answers are spelled in the spreadsheets and forms people export, beyond the canonical
//! `0`–`4`, `NA` and `?`: `3.0`, `NSP` (ne sait pas), `N.A.`, a level's label alone as a
//! form's choice (`Déployé et mesuré`), or a level followed by its label
//! (`3 - Déployé et mesuré`). Only spellings that cannot mean anything else are read; `2.5`,
//! `oui` or `3 - Absent` are refused. A form whose linear scale ran from 1 to 5 is read with
//! [`AnswerScale::OneToFive`], which the user asks for: 1 is level 0, 5 is level 4.

use tcm_core::{Answer, Level, Questionnaire};

use crate::names::fold;

/// Folded spellings of "don't know".
const DONT_KNOW: [&str; 5] = [
    "nsp",
    "ne sait pas",
    "je ne sais pas",
    "don't know",
    "do not know",
];

/// Folded spellings of "not applicable".
const NOT_APPLICABLE: [&str; 5] = [
    "n.a.",
    "n.a",
    "non applicable",
    "sans objet",
    "not applicable",
];

/// Characters between a level and its label in a form's choice.
const LABEL_SEPARATORS: [char; 6] = ['-', '–', '—', ':', '.', ')'];

/// How the numbers of a file's answers map to the questionnaire's levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnswerScale {
    /// The questionnaire's own levels, 0 to 4.
    #[default]
    ZeroToFour,
    /// A form's linear scale from 1 to 5, read as levels 0 to 4 (1 → 0 … 5 → 4). Chosen by
    /// the user (`--scale 1-5`), never guessed.
    OneToFive,
}

impl AnswerScale {
    /// The level a number of the file stands for.
    fn level(self, number: u8) -> Option<Level> {
        match self {
            AnswerScale::ZeroToFour => Level::new(number),
            AnswerScale::OneToFive => number.checked_sub(1).and_then(Level::new),
        }
    }
}

/// Reads an answer as a spreadsheet or a form may spell it.
pub(crate) fn read_answer(
    text: &str,
    questionnaire: &Questionnaire,
    scale: AnswerScale,
) -> Option<Answer> {
    let text = text.trim();
    if let Some(number) = bare_number(text) {
        return scale.level(number).map(Answer::Level);
    }
    if let Ok(answer) = text.parse::<Answer>() {
        return Some(answer);
    }
    let folded = fold(text);
    if DONT_KNOW.contains(&folded.as_str()) {
        return Some(Answer::DontKnow);
    }
    if NOT_APPLICABLE.contains(&folded.as_str()) {
        return Some(Answer::NotApplicable);
    }
    label_alone(&folded, questionnaire)
        .or_else(|| level_with_label(text, questionnaire, scale))
        .map(Answer::Level)
}

/// A whole number as a cell holds it: `3`, or `3.0`, `3,00` (only zeros after the point),
/// of one digit. `03`, `2.5` or `12` are not.
pub(crate) fn bare_number(text: &str) -> Option<u8> {
    let (digit, decimals) = text.split_once(['.', ',']).unwrap_or((text, "0"));
    if decimals.is_empty() || !decimals.bytes().all(|byte| byte == b'0') {
        return None;
    }
    one_digit(digit)
}

/// `Déployé et mesuré`: a level's label alone (French or English).
fn label_alone(folded: &str, questionnaire: &Questionnaire) -> Option<Level> {
    questionnaire
        .scale()
        .iter()
        .find(|scale| folded == fold(&scale.label.fr) || folded == fold(&scale.label.en))
        .map(|scale| scale.level)
}

/// `3 - Déployé et mesuré`: a level, a separator, and that level's label in the
/// questionnaire's scale (French or English).
fn level_with_label(
    text: &str,
    questionnaire: &Questionnaire,
    scale: AnswerScale,
) -> Option<Level> {
    let digit = text.get(..1)?;
    let level = scale.level(one_digit(digit)?)?;
    let rest = text[1..].trim_start();
    let label = rest.strip_prefix(LABEL_SEPARATORS)?;
    let label = fold(label);
    questionnaire
        .scale()
        .iter()
        .find(|scale| scale.level == level)
        .filter(|scale| label == fold(&scale.label.fr) || label == fold(&scale.label.en))
        .map(|_| level)
}

fn one_digit(digit: &str) -> Option<u8> {
    (digit.len() == 1)
        .then(|| digit.parse::<u8>().ok())
        .flatten()
}

/// The spellings an answer may take, for a refusal's message: the levels, their labels,
/// a level with its label, and the ways to say "not applicable" or "don't know".
pub(crate) fn accepted_spellings(questionnaire: &Questionnaire, scale: AnswerScale) -> String {
    let (low, high) = match scale {
        AnswerScale::ZeroToFour => (0, 4),
        AnswerScale::OneToFive => (1, 5),
    };
    let scale_levels = questionnaire.scale();
    let first = scale_levels.first().map(|level| level.label.fr.as_str());
    let last = scale_levels.last().map(|level| level.label.fr.as_str());
    let labels = match (first, last) {
        (Some(first), Some(last)) => format!(", a level's label (`{first}` … `{last}`)"),
        _ => String::new(),
    };
    let example = scale_levels
        .iter()
        .find(|level| level.level.value() == 3)
        .map(|level| {
            let number = match scale {
                AnswerScale::ZeroToFour => 3,
                AnswerScale::OneToFive => 4,
            };
            format!(", a level with its label (`{number} - {}`)", level.label.fr)
        })
        .unwrap_or_default();
    format!("accepted: {low} to {high}{labels}{example}, NA, sans objet, ? or NSP")
}

#[cfg(test)]
mod tests {
    use tcm_core::{Answer, Level, Questionnaire};

    use super::{AnswerScale, read_answer};

    const SAMPLE: &str = include_str!("../../../../questionnaires/sample.toml");

    #[test]
    fn spreadsheet_and_form_spellings_are_read_and_ambiguous_ones_refused() {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let level = |value| Level::new(value).map(Answer::Level);
        for (text, expected) in [
            ("3", level(3)),
            (" 0 ", level(0)),
            ("3.0", level(3)),
            ("4,00", level(4)),
            ("NA", Some(Answer::NotApplicable)),
            ("n/a", Some(Answer::NotApplicable)),
            ("N.A.", Some(Answer::NotApplicable)),
            ("n.a", Some(Answer::NotApplicable)),
            ("Sans objet", Some(Answer::NotApplicable)),
            ("?", Some(Answer::DontKnow)),
            ("NSP", Some(Answer::DontKnow)),
            ("nsp", Some(Answer::DontKnow)),
            ("Ne sait pas", Some(Answer::DontKnow)),
            ("Don’t know", Some(Answer::DontKnow)),
            ("3 - Déployé et mesuré", level(3)),
            ("3 – deploye et mesure", level(3)),
            ("0: Absent", level(0)),
            ("4) Optimised with customers", level(4)),
            ("Déployé et mesuré", level(3)),
            ("deployed and MEASURED", level(3)),
            ("Absent", level(0)),
            ("3 - Absent", None),
            ("3 Déployé et mesuré", None),
            ("2.5", None),
            ("3.", None),
            ("5.0", None),
            ("03", None),
            ("-1", None),
            ("oui", None),
            ("N", None),
            ("", None),
            ("#N/A", None),
        ] {
            assert_eq!(
                read_answer(text, &questionnaire, AnswerScale::ZeroToFour),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_one_to_five_scale_shifts_numbers_and_only_numbers() {
        let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
        let level = |value| Level::new(value).map(Answer::Level);
        for (text, expected) in [
            ("1", level(0)),
            ("5", level(4)),
            ("5.0", level(4)),
            ("0", None),
            ("6", None),
            ("4 - Déployé et mesuré", level(3)),
            ("3 - Déployé et mesuré", None),
            ("Déployé et mesuré", level(3)),
            ("NA", Some(Answer::NotApplicable)),
            ("?", Some(Answer::DontKnow)),
        ] {
            assert_eq!(
                read_answer(text, &questionnaire, AnswerScale::OneToFive),
                expected,
                "{text:?}"
            );
        }
    }
}
