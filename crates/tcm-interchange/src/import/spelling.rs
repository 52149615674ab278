//! How answers are spelled in the spreadsheets and forms people export, beyond the canonical
//! `0`–`4`, `NA` and `?`: `3.0`, `NSP` (ne sait pas), `N.A.`, or a level followed by its
//! label as a form's choice (`3 - Déployé et mesuré`). Only spellings that cannot mean
//! anything else are read; `2.5`, `oui` or `3 - Absent` are refused.

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

/// Reads an answer as a spreadsheet or a form may spell it.
pub(crate) fn read_answer(text: &str, questionnaire: &Questionnaire) -> Option<Answer> {
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
    whole_number(&folded)
        .or_else(|| level_with_label(text, questionnaire))
        .map(Answer::Level)
}

/// `3.0`, `3,00`: a level written as a decimal number with only zeros after the point.
fn whole_number(text: &str) -> Option<Level> {
    let (digit, decimals) = text.split_once(['.', ','])?;
    if decimals.is_empty() || !decimals.bytes().all(|byte| byte == b'0') {
        return None;
    }
    level_digit(digit)
}

/// `3 - Déployé et mesuré`: a level, a separator, and that level's label in the
/// questionnaire's scale (French or English).
fn level_with_label(text: &str, questionnaire: &Questionnaire) -> Option<Level> {
    let text = text.trim();
    let digit = text.get(..1)?;
    let level = level_digit(digit)?;
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

fn level_digit(digit: &str) -> Option<Level> {
    (digit.len() == 1)
        .then(|| digit.parse::<u8>().ok())
        .flatten()
        .and_then(Level::new)
}

#[cfg(test)]
mod tests {
    use tcm_core::{Answer, Level, Questionnaire};

    use super::read_answer;

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
            assert_eq!(read_answer(text, &questionnaire), expected, "{text:?}");
        }
    }
}
