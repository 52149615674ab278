//! Bilingual text: every user-facing string of a questionnaire exists in French and English.

use std::fmt;
use std::str::FromStr;

/// A language the product speaks. French is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Language {
    #[default]
    French,
    English,
}

impl Language {
    /// Both languages, French first.
    pub const ALL: [Language; 2] = [Language::French, Language::English];

    /// The ISO 639-1 code used in files and on the command line: `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
        }
    }

    /// The language's name in English, for messages ("French text", "English text").
    pub fn name_en(self) -> &'static str {
        match self {
            Language::French => "French",
            Language::English => "English",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The text given for a language code that is neither `fr` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected `fr` or `en`)")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "french" | "français" => Ok(Language::French),
            "en" | "eng" | "english" | "anglais" => Ok(Language::English),
            _ => Err(UnknownLanguage(code.to_owned())),
        }
    }
}

/// A text given in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized {
    pub fr: String,
    pub en: String,
}

impl Localized {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Localized {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::French => &self.fr,
            Language::English => &self.en,
        }
    }
}
