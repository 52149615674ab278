//! The domain's fixed words in French and English, written once for every output: the PDF
//! report, the Markdown grid, the XLSX workbook and the CLI's tables all take their shared
//! terms from here, so the overall index cannot be named differently from one file to the next.
//! Texts that belong to a single output (a report's introduction, a sheet name) stay with it.

use crate::text::{Language, Localized};

/// A fixed word or short phrase in both languages, usable in constant tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Term {
    /// The term in `language`.
    pub const fn get(self, language: Language) -> &'static str {
        match language {
            Language::French => self.fr,
            Language::English => self.en,
        }
    }

    pub fn localized(self) -> Localized {
        Localized::new(self.fr, self.en)
    }
}

const fn term(fr: &'static str, en: &'static str) -> Term {
    Term { fr, en }
}

/// The mean of the stage scores.
pub const OVERALL_INDEX: Term = term("Indice TCM global", "Overall TCM index");
pub const STAGE: Term = term("Étape", "Stage");
pub const THEME: Term = term("Thème", "Theme");
pub const THEMES: Term = term("Thèmes", "Themes");
pub const SCORE: Term = term("Score", "Score");
pub const LEVEL: Term = term("Niveau", "Level");
pub const COVERAGE: Term = term("Couverture", "Coverage");
pub const QUESTIONNAIRE: Term = term("Questionnaire", "Questionnaire");
pub const QUESTION: Term = term("Question", "Question");
pub const RESPONDENT: Term = term("Répondant", "Respondent");
pub const RESPONDENTS: Term = term("Répondants", "Respondents");
pub const DATE: Term = term("Date", "Date");
pub const ANSWER_SCALE: Term = term("Échelle de réponse", "Answer scale");
pub const ACTION: Term = term("Action", "Action");
pub const ACTION_PLAN: Term = term("Plan d’action", "Action plan");
/// Target of a stage − value of a question, in levels.
pub const GAP: Term = term("Écart", "Gap");
pub const IMPACT: Term = term("Impact", "Impact");
pub const EFFORT: Term = term("Effort", "Effort");
/// Gap × weight × impact ÷ effort.
pub const PRIORITY: Term = term("Priorité", "Priority");
pub const OWNER: Term = term("Responsable", "Owner");
pub const DUE: Term = term("Échéance", "Due");
pub const STATUS: Term = term("Statut", "Status");
pub const TARGET: Term = term("Cible", "Target");
pub const PREVIOUS_AUDIT: Term = term("Audit précédent", "Previous audit");
pub const COMMENTS: Term = term("Commentaires", "Comments");
/// Shown in a table cell where there is no score, never 0.
pub const NO_VALUE_MARK: &str = "—";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_reads_in_the_language_asked() {
        assert_eq!(STAGE.get(Language::French), "Étape");
        assert_eq!(STAGE.get(Language::English), "Stage");
        assert_eq!(PRIORITY.localized(), Localized::new("Priorité", "Priority"));
    }
}
