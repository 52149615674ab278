//! How long each text a user types or imports may be, and which characters it may hold.
//! Written once here: the store enforces it, the importers report it by line or cell, the
//! UI sets each field's `maxlength` from it (through tcm-api's generated `limits.ts`).
//!
//! Control characters (NUL, BEL, ESC… and the C1 range) are stripped on input: they are never
//! meant, they break terminals and SQLite's text functions (a label of NUL characters has a
//! length of 0 there). Multi-line fields keep line breaks and tabs. For output to a terminal,
//! [`escape_controls`] shows what older data may still hold as visible `\u{1B}` escapes.

use std::borrow::Cow;

/// A text field of the data, with its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    OrganisationName,
    OrganisationNotes,
    AssessmentTitle,
    RespondentLabel,
    RespondentRole,
    RespondentGroup,
    Comment,
    ActionTitle,
    ActionDescription,
    ActionOwner,
    /// The consultant's firm, on the report's cover.
    FirmName,
    /// A line of the report's cover: its title, who prepared it, for whom, a confidentiality
    /// mention.
    CoverField,
    /// The executive summary the consultant writes, first in the report.
    ExecutiveSummary,
}

impl TextField {
    pub const ALL: [TextField; 13] = [
        TextField::OrganisationName,
        TextField::OrganisationNotes,
        TextField::AssessmentTitle,
        TextField::RespondentLabel,
        TextField::RespondentRole,
        TextField::RespondentGroup,
        TextField::Comment,
        TextField::ActionTitle,
        TextField::ActionDescription,
        TextField::ActionOwner,
        TextField::FirmName,
        TextField::CoverField,
        TextField::ExecutiveSummary,
    ];

    /// The most characters (Unicode scalar values) the field holds.
    pub const fn max_chars(self) -> usize {
        match self {
            TextField::OrganisationName | TextField::AssessmentTitle | TextField::FirmName => 200,
            TextField::CoverField => 300,
            TextField::ExecutiveSummary => 20_000,
            TextField::RespondentLabel
            | TextField::RespondentRole
            | TextField::RespondentGroup
            | TextField::ActionOwner => 100,
            TextField::ActionTitle => 300,
            // Under the 32,767 characters an XLSX cell holds: exports never cut a text.
            TextField::OrganisationNotes | TextField::Comment | TextField::ActionDescription => {
                10_000
            }
        }
    }

    /// Whether line breaks and tabs are part of the text.
    pub const fn multiline(self) -> bool {
        matches!(
            self,
            TextField::OrganisationNotes
                | TextField::Comment
                | TextField::ActionDescription
                | TextField::ExecutiveSummary
        )
    }

    /// The field's name in messages.
    pub const fn name(self) -> &'static str {
        match self {
            TextField::OrganisationName => "the organisation's name",
            TextField::OrganisationNotes => "the organisation's notes",
            TextField::AssessmentTitle => "the assessment's title",
            TextField::RespondentLabel => "the respondent's name or label",
            TextField::RespondentRole => "the respondent's role",
            TextField::RespondentGroup => "the respondent's group",
            TextField::Comment => "the comment",
            TextField::ActionTitle => "the action's title",
            TextField::ActionDescription => "the action's description",
            TextField::ActionOwner => "the action's owner",
            TextField::FirmName => "the firm's name",
            TextField::CoverField => "the cover's line",
            TextField::ExecutiveSummary => "the executive summary",
        }
    }

    /// The field's key in the generated `limits.ts` of the UI.
    pub const fn key(self) -> &'static str {
        match self {
            TextField::OrganisationName => "organisationName",
            TextField::OrganisationNotes => "organisationNotes",
            TextField::AssessmentTitle => "assessmentTitle",
            TextField::RespondentLabel => "respondentLabel",
            TextField::RespondentRole => "respondentRole",
            TextField::RespondentGroup => "respondentGroup",
            TextField::Comment => "comment",
            TextField::ActionTitle => "actionTitle",
            TextField::ActionDescription => "actionDescription",
            TextField::ActionOwner => "actionOwner",
            TextField::FirmName => "firmName",
            TextField::CoverField => "coverField",
            TextField::ExecutiveSummary => "executiveSummary",
        }
    }
}

/// A text a field refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextRefusal {
    #[error(
        "{} is {length} characters long; it holds at most {max}: shorten it",
        .field.name()
    )]
    TooLong {
        field: TextField,
        length: usize,
        max: usize,
    },
    #[error(
        "{} is empty once its control characters (such as NUL) are removed: type a visible name",
        .field.name()
    )]
    OnlyControlCharacters { field: TextField },
}

fn unwanted(character: char, multiline: bool) -> bool {
    character.is_control() && !(multiline && matches!(character, '\n' | '\t' | '\r'))
}

/// `text` without the control characters `field` does not keep (all of them, or all but line
/// breaks and tabs for a multi-line field). Borrowed when there is none.
pub fn strip_controls(field: TextField, text: &str) -> Cow<'_, str> {
    let multiline = field.multiline();
    if text.chars().any(|character| unwanted(character, multiline)) {
        Cow::Owned(
            text.chars()
                .filter(|character| !unwanted(*character, multiline))
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// The text `field` stores for `text`: control characters stripped, then checked against the
/// field's length. A text that held only control characters is refused (an empty text that
/// was typed empty is the caller's to accept or refuse).
pub fn clean_text(field: TextField, text: &str) -> Result<Cow<'_, str>, TextRefusal> {
    let cleaned = strip_controls(field, text);
    if cleaned.trim().is_empty() && !text.trim().is_empty() {
        return Err(TextRefusal::OnlyControlCharacters { field });
    }
    // Counted lazily: the count stops one past the limit, so a 1 GB text costs no more.
    let max = field.max_chars();
    if cleaned.len() > max && cleaned.chars().nth(max).is_some() {
        return Err(TextRefusal::TooLong {
            field,
            length: cleaned.chars().count(),
            max,
        });
    }
    Ok(cleaned)
}

/// `text` with every control character other than line breaks and tabs shown as a visible
/// escape (`\u{1B}`), for terminals and logs. Borrowed when there is none.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    // A carriage return alone would let a text overwrite the terminal's line: escaped too.
    let shown = |character: char| !character.is_control() || matches!(character, '\n' | '\t');
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        if !shown(character) {
            escaped.push_str(&format!("\\u{{{:X}}}", u32::from(character)));
        } else {
            escaped.push(character);
        }
    }
    Cow::Owned(escaped)
}

/// At most `max` characters of `text`, followed by `…` when it was longer: for messages that
/// quote what a user gave (a 10 MB question id must not make a 10 MB error line).
pub fn quoted_excerpt(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_stripped_and_line_breaks_kept_where_they_belong() {
        assert_eq!(
            strip_controls(TextField::RespondentLabel, "An\u{1b}[31mne\u{7}\0"),
            "An[31mne"
        );
        assert_eq!(
            strip_controls(TextField::Comment, "ligne 1\r\nligne\t2\u{0}"),
            "ligne 1\r\nligne\t2"
        );
        assert_eq!(
            strip_controls(TextField::RespondentLabel, "Hélène\nDurand"),
            "HélèneDurand"
        );
        assert!(matches!(
            strip_controls(TextField::Comment, "« déjà vu »"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_label_of_nul_characters_is_refused_with_a_clear_message() {
        let refusal = clean_text(TextField::RespondentLabel, "\0\0\0").expect_err("refused");
        assert_eq!(
            refusal.to_string(),
            "the respondent's name or label is empty once its control characters (such as NUL) are removed: type a visible name"
        );
        assert_eq!(clean_text(TextField::RespondentRole, "").as_deref(), Ok(""));
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let max = TextField::OrganisationName.max_chars();
        let accented = "é".repeat(max);
        assert!(clean_text(TextField::OrganisationName, &accented).is_ok());
        let refusal =
            clean_text(TextField::OrganisationName, &format!("{accented}e")).expect_err("long");
        assert_eq!(
            refusal,
            TextRefusal::TooLong {
                field: TextField::OrganisationName,
                length: max + 1,
                max
            }
        );
        assert!(refusal.to_string().contains("at most 200"));
    }

    #[test]
    fn every_limit_fits_an_xlsx_cell() {
        for field in TextField::ALL {
            assert!(
                field.max_chars() > 0 && field.max_chars() <= 32_767,
                "{field:?}"
            );
        }
    }

    #[test]
    fn escapes_and_excerpts() {
        assert_eq!(escape_controls("a\u{1b}[2Jb\u{7}"), "a\\u{1B}[2Jb\\u{7}");
        assert_eq!(escape_controls("ligne\nsuite"), "ligne\nsuite");
        assert_eq!(escape_controls("caché\rvisible"), "caché\\u{D}visible");
        assert_eq!(quoted_excerpt("abcdef", 3), "abc…");
        assert_eq!(quoted_excerpt("abc", 3), "abc");
    }
}
