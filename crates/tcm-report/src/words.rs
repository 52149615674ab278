//! The fixed words of the report and of the blank grid, in French and in English. French
//! typography: no-break spaces before `:` and inside « », narrow ones before `;` `?` `!`.

use tcm_core::{Language, vocabulary};

pub struct Words {
    pub report_kind: &'static str,
    pub page: &'static str,
    pub page_separator: &'static str,
    pub date: &'static str,
    pub mode: &'static str,
    pub respondents: &'static str,
    pub questionnaire: &'static str,
    pub version: &'static str,
    /// After a questionnaire's version when its content differs from the known one's.
    pub modified: &'static str,
    pub sector: &'static str,
    pub size: &'static str,
    pub summary: &'static str,
    /// The consultant's own summary, shown first.
    pub management_summary: &'static str,
    pub prepared_by: &'static str,
    pub prepared_for: &'static str,
    pub overall_index: &'static str,
    pub maturity: &'static str,
    pub coverage: &'static str,
    pub coverage_sentence: &'static str,
    pub strongest: &'static str,
    pub weakest: &'static str,
    pub top_actions: &'static str,
    pub no_action: &'static str,
    pub stage: &'static str,
    pub score: &'static str,
    pub level: &'static str,
    pub target: &'static str,
    pub previous: &'static str,
    pub charts: &'static str,
    pub radar_title: &'static str,
    pub stage_bars_title: &'static str,
    pub theme_bars_title: &'static str,
    pub heatmap_title: &'static str,
    pub heatmap_note: &'static str,
    pub dispersion_title: &'static str,
    pub dispersion_note: &'static str,
    pub plan: &'static str,
    pub plan_intro: &'static str,
    /// How the plan's counts are put together: `{open}, … {dismissed}`, each a [`Counted`].
    pub plan_counts: &'static str,
    pub plan_open: Counted,
    pub plan_quick: Counted,
    pub plan_structural: Counted,
    pub plan_done: Counted,
    pub plan_dismissed: Counted,
    pub action: &'static str,
    pub questions: &'static str,
    pub gap: &'static str,
    pub impact: &'static str,
    pub effort: &'static str,
    pub priority: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub proposal: &'static str,
    pub kept: &'static str,
    pub whole_stage: &'static str,
    pub details: &'static str,
    pub details_intro: &'static str,
    pub question: &'static str,
    pub answers: &'static str,
    pub comments: &'static str,
    pub consensus: &'static str,
    pub mean: &'static str,
    pub no_value: &'static str,
    pub not_applicable: &'static str,
    pub dont_know: &'static str,
    pub appendix: &'static str,
    pub scale: &'static str,
    pub scoring_formula: &'static str,
    pub plan_formula: &'static str,
    pub maturity_levels: &'static str,
    pub sources: &'static str,
    pub sources_intro: &'static str,
    pub grid_title: &'static str,
    pub grid_instructions: &'static str,
    pub participant: &'static str,
    pub company: &'static str,
    pub comment_lines: &'static str,
    /// A stage's title, `{name}` replaced by its name.
    pub stage_title: &'static str,
}

pub fn words(language: Language) -> Words {
    match language {
        Language::French => Words {
            report_kind: "Rapport d’audit de la relation client",
            page: "Page",
            page_separator: "/",
            date: vocabulary::DATE.fr,
            mode: "Mode",
            respondents: vocabulary::RESPONDENTS.fr,
            questionnaire: vocabulary::QUESTIONNAIRE.fr,
            version: "version",
            modified: "modifié",
            sector: "Secteur",
            size: "Taille",
            summary: "Synthèse",
            management_summary: "Résumé pour la direction",
            prepared_by: "Préparé par",
            prepared_for: "À l’attention de",
            overall_index: vocabulary::OVERALL_INDEX.fr,
            maturity: "Niveau de maturité",
            coverage: vocabulary::COVERAGE.fr,
            coverage_sentence: "{answered} questions ont une valeur sur {applicable} applicables ({share}), d’après {respondents} répondants.",
            strongest: "Étape la plus avancée",
            weakest: "Étape la moins avancée",
            top_actions: "Les cinq actions prioritaires",
            no_action: "Aucune action ouverte : chaque étape atteint sa cible.",
            stage: vocabulary::STAGE.fr,
            score: vocabulary::SCORE.fr,
            level: vocabulary::LEVEL.fr,
            target: vocabulary::TARGET.fr,
            previous: vocabulary::PREVIOUS_AUDIT.fr,
            charts: "Vue d’ensemble en graphiques",
            radar_title: "Maturité par étape : actuel, cible, audit précédent et projections",
            stage_bars_title: "Score par étape et niveaux de maturité",
            theme_bars_title: "Score par thème",
            heatmap_title: "Carte des questions par étape",
            heatmap_note: "Chaque case est une question, numérotée dans son étape ; sa couleur donne la valeur retenue (consensus ou moyenne des réponses).",
            dispersion_title: "Dispersion des réponses par question",
            dispersion_note: "Barre : du niveau le plus bas au plus haut donné par les répondants ; point : la moyenne.",
            plan: vocabulary::ACTION_PLAN.fr,
            plan_intro: "Chaque question dont la valeur est sous la cible de son étape propose son action recommandée. Priorité = écart × poids × impact ÷ effort. Les actions retenues, modifiées ou ajoutées par l’équipe remplacent les propositions ; une action écartée n’est plus proposée.",
            plan_counts: "{open}, dont {quick} et {structural}\u{202f}; {done}, {dismissed}.",
            plan_open: Counted::new("{n} action ouverte", "{n} actions ouvertes"),
            plan_quick: Counted::new("{n} gain rapide", "{n} gains rapides"),
            plan_structural: Counted::new("{n} projet structurant", "{n} projets structurants"),
            plan_done: Counted::new("{n} terminée", "{n} terminées"),
            plan_dismissed: Counted::new("{n} écartée", "{n} écartées"),
            action: vocabulary::ACTION.fr,
            questions: vocabulary::QUESTION.fr,
            gap: vocabulary::GAP.fr,
            impact: vocabulary::IMPACT.fr,
            effort: vocabulary::EFFORT.fr,
            priority: vocabulary::PRIORITY.fr,
            owner: vocabulary::OWNER.fr,
            due: vocabulary::DUE.fr,
            status: vocabulary::STATUS.fr,
            proposal: "Proposition",
            kept: "Retenue par l’équipe",
            whole_stage: "étape",
            details: "Détail par étape",
            details_intro: "Pour chaque question : la valeur retenue, les réponses de chacun et les commentaires. Répondants : {initials}.",
            question: vocabulary::QUESTION.fr,
            answers: "Réponses",
            comments: vocabulary::COMMENTS.fr,
            consensus: "consensus",
            mean: "moyenne",
            no_value: "sans valeur",
            not_applicable: "non applicable",
            dont_know: "ne sait pas",
            appendix: "Annexe",
            scale: vocabulary::ANSWER_SCALE.fr,
            scoring_formula: "Calcul des scores",
            plan_formula: "Calcul du plan d’action",
            maturity_levels: "Niveaux de maturité",
            sources: "Sources",
            sources_intro: "Les questions s’appuient sur les sources suivantes (nombre de questions entre parenthèses).",
            grid_title: "Grille d’audit à remplir",
            grid_instructions: "Pour chaque question, cochez une case : 0 à 4 selon l’échelle ci-dessous, NA si la pratique ne s’applique pas à votre entreprise, ? si vous ne savez pas. Notez vos remarques sur les lignes.",
            participant: "Participant",
            company: "Entreprise",
            comment_lines: "Remarques",
            stage_title: "Étape {name}",
        },
        Language::English => Words {
            report_kind: "Customer relationship audit report",
            page: "Page",
            page_separator: "/",
            date: vocabulary::DATE.en,
            mode: "Mode",
            respondents: vocabulary::RESPONDENTS.en,
            questionnaire: vocabulary::QUESTIONNAIRE.en,
            version: "version",
            modified: "modified",
            sector: "Sector",
            size: "Size",
            summary: "Executive summary",
            management_summary: "Summary for management",
            prepared_by: "Prepared by",
            prepared_for: "Prepared for",
            overall_index: vocabulary::OVERALL_INDEX.en,
            maturity: "Maturity level",
            coverage: vocabulary::COVERAGE.en,
            coverage_sentence: "{answered} questions have a value out of {applicable} applicable ({share}), from {respondents} respondents.",
            strongest: "Most advanced stage",
            weakest: "Least advanced stage",
            top_actions: "The five priority actions",
            no_action: "No open action: every stage reaches its target.",
            stage: vocabulary::STAGE.en,
            score: vocabulary::SCORE.en,
            level: vocabulary::LEVEL.en,
            target: vocabulary::TARGET.en,
            previous: vocabulary::PREVIOUS_AUDIT.en,
            charts: "Overview in charts",
            radar_title: "Maturity by stage: current, target, previous assessment and projections",
            stage_bars_title: "Score by stage and maturity levels",
            theme_bars_title: "Score by theme",
            heatmap_title: "Map of the questions by stage",
            heatmap_note: "Each cell is a question, numbered within its stage; its colour gives the value used (consensus or mean of the answers).",
            dispersion_title: "Spread of answers by question",
            dispersion_note: "Bar: from the lowest to the highest level respondents gave; dot: the mean.",
            plan: vocabulary::ACTION_PLAN.en,
            plan_intro: "Each question whose value is below its stage's target proposes its recommended action. Priority = gap × weight × impact ÷ effort. Actions the team kept, edited or added replace the proposals; a dismissed action is not proposed again.",
            plan_counts: "{open}, including {quick} and {structural}; {done}, {dismissed}.",
            plan_open: Counted::new("{n} open action", "{n} open actions"),
            plan_quick: Counted::new("{n} quick win", "{n} quick wins"),
            plan_structural: Counted::new("{n} structural project", "{n} structural projects"),
            plan_done: Counted::new("{n} done", "{n} done"),
            plan_dismissed: Counted::new("{n} dismissed", "{n} dismissed"),
            action: vocabulary::ACTION.en,
            questions: vocabulary::QUESTION.en,
            gap: vocabulary::GAP.en,
            impact: vocabulary::IMPACT.en,
            effort: vocabulary::EFFORT.en,
            priority: vocabulary::PRIORITY.en,
            owner: vocabulary::OWNER.en,
            due: vocabulary::DUE.en,
            status: vocabulary::STATUS.en,
            proposal: "Proposal",
            kept: "Kept by the team",
            whole_stage: "stage",
            details: "Detail by stage",
            details_intro: "For each question: the value used, each person's answer and the comments. Respondents: {initials}.",
            question: vocabulary::QUESTION.en,
            answers: "Answers",
            comments: vocabulary::COMMENTS.en,
            consensus: "consensus",
            mean: "mean",
            no_value: "no value",
            not_applicable: "not applicable",
            dont_know: "don't know",
            appendix: "Appendix",
            scale: vocabulary::ANSWER_SCALE.en,
            scoring_formula: "How scores are computed",
            plan_formula: "How the action plan is computed",
            maturity_levels: "Maturity levels",
            sources: "Sources",
            sources_intro: "The questions draw on the following sources (number of questions in brackets).",
            grid_title: "Audit grid to fill in",
            grid_instructions: "For each question, tick one box: 0 to 4 following the scale below, NA if the practice does not apply to your company, ? if you do not know. Write your remarks on the lines.",
            participant: "Participant",
            company: "Company",
            comment_lines: "Remarks",
            stage_title: "{name} stage",
        },
    }
}

/// The scoring model, in the report's words (as in the README).
pub fn scoring_model(language: Language) -> Vec<String> {
    let overall = vocabulary::OVERALL_INDEX.get(language);
    let lines: [&str; 7] = match language {
        Language::French => [
            "Valeur d’une question : la valeur de consensus si le groupe en a fixé une ; sinon la moyenne des niveaux donnés par les répondants, NA et ? exclus. Aucun niveau : la question n’a pas de valeur. Tous les répondants ont dit NA : elle n’est pas applicable.",
            "Score d’une étape (0–100) = 100 × Σ(poids × valeur) ÷ Σ(poids × 4), sur les questions de l’étape qui ont une valeur. Sans aucune valeur, l’étape n’a pas de score (—), jamais 0.",
            "Couverture d’une étape = questions ayant une valeur ÷ questions non NA.",
            "{overall} = moyenne des scores d’étape existants ; chaque étape compte autant.",
            "Score d’un thème : la formule de l’étape, sur les questions du thème.",
            "Dispersion d’une question : minimum, maximum et écart type des niveaux donnés.",
            "Les scores sont arrondis au dixième ; le niveau de maturité se lit sur le score arrondi.",
        ],
        Language::English => [
            "Question value: the consensus value when the group set one; otherwise the mean of the respondents' levels, NA and ? left out. No level at all: the question has no value. Every respondent said NA: it is not applicable.",
            "Stage score (0–100) = 100 × Σ(weight × value) / Σ(weight × 4), over the stage's questions that have a value. A stage where no question has a value has no score (—), never 0.",
            "Coverage of a stage = questions with a value / questions that are not NA.",
            "{overall} = the mean of the stage scores that exist; each stage counts equally.",
            "Theme score: the stage formula over the theme's questions.",
            "Dispersion of a question: minimum, maximum and standard deviation of the levels given.",
            "Scores are shown rounded to 0.1; the maturity level is read from the score as shown.",
        ],
    };
    lines
        .iter()
        .map(|line| fill(line, &[("overall", overall.to_owned())]))
        .collect()
}

/// The action-plan model, in the report's words (as in the README).
pub fn plan_model(language: Language) -> &'static [&'static str] {
    match language {
        Language::French => &[
            "Écart d’une question = cible de son étape − sa valeur, en niveaux de l’échelle 0–4 (cibles de 1 à 4, 4 par défaut).",
            "Chaque question sous la cible propose son action recommandée ; une question sans valeur ou non applicable n’en propose pas.",
            "Priorité = écart × poids × impact ÷ effort (impact et effort de 1 à 3).",
            "Ordre : priorité décroissante ; à égalité, ordre des étapes puis du questionnaire.",
            "Gain rapide : impact ≥ 2 et effort 1. Projet structurant : effort 3.",
            "Une action enregistrée par l’équipe sur une question remplace sa proposition, quel que soit son statut ; les actions ajoutées à une étape figurent toujours au plan.",
        ],
        Language::English => &[
            "Gap of a question = its stage's target − its value, in levels of the 0–4 scale (targets 1 to 4, 4 by default).",
            "Each question below target proposes its recommended action; a question with no value, or not applicable, proposes none.",
            "Priority = gap × weight × impact ÷ effort (impact and effort from 1 to 3).",
            "Order: highest priority first; ties by stage order, then questionnaire order.",
            "Quick win: impact ≥ 2 and effort 1. Structural project: effort 3.",
            "An action the team stored on a question replaces its proposal whatever its status; actions added to a stage are always in the plan.",
        ],
    }
}

/// ` :` with a no-break space in French, `:` in English.
pub fn colon(language: Language) -> &'static str {
    match language {
        Language::French => "\u{a0}:",
        Language::English => ":",
    }
}

/// A count and its noun, singular or plural: `{n}` stands for the number.
#[derive(Debug, Clone, Copy)]
pub struct Counted {
    one: &'static str,
    other: &'static str,
}

impl Counted {
    pub const fn new(one: &'static str, other: &'static str) -> Self {
        Self { one, other }
    }

    /// `n` with its noun in the singular or the plural as `language` wants it: French takes
    /// the singular for 0 and 1 (« 0 action terminée »), English for 1 only.
    pub fn say(&self, n: usize, language: Language) -> String {
        let singular = match language {
            Language::French => n <= 1,
            Language::English => n == 1,
        };
        let form = if singular { self.one } else { self.other };
        form.replace("{n}", &n.to_string())
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_takes_the_singular_or_plural_each_language_wants() {
        let done = words(Language::French).plan_done;
        assert_eq!(done.say(0, Language::French), "0 terminée");
        assert_eq!(done.say(1, Language::French), "1 terminée");
        assert_eq!(done.say(2, Language::French), "2 terminées");
        let open = words(Language::English).plan_open;
        assert_eq!(open.say(0, Language::English), "0 open actions");
        assert_eq!(open.say(1, Language::English), "1 open action");
        assert_eq!(open.say(12, Language::English), "12 open actions");
    }
}
