//! A Google Apps Script that builds the Google Form of a questionnaire (Google Forms has no
//! import): one page per stage, a multiple-choice item per question titled with its id and
//! text, the scale's choices, and an optional comment item titled `<id> — Commentaire`, plus
//! the respondent's name and group. Paste it at script.google.com and run `createForm`. Its
//! response export imports as is.

use tcm_core::{Language, Questionnaire};

use super::choices::choices;
use super::{comment_title, question_title};

/// `text` as a JavaScript string literal (JSON's escaping is JavaScript's).
fn literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

pub(super) fn write(questionnaire: &Questionnaire, language: Language) -> String {
    let (name, group) = match language {
        Language::French => ("Nom", "Groupe"),
        Language::English => ("Name", "Group"),
    };
    let labels: Vec<String> = choices(questionnaire, language)
        .iter()
        .map(|choice| literal(&choice.label))
        .collect();
    let mut script = String::new();
    script.push_str(&format!(
        "// Builds the Google Form « {} » ({} {}).\n\
         // Open script.google.com, create a project, paste this file and run createForm.\n\
         // Every question keeps its id in its title, so the responses import back as they are.\n",
        questionnaire.title().get(language),
        questionnaire.id(),
        questionnaire.version()
    ));
    script.push_str("function createForm() {\n");
    script.push_str(&format!(
        "  var form = FormApp.create({});\n",
        literal(questionnaire.title().get(language))
    ));
    script.push_str("  form.setCollectEmail(false);\n");
    script.push_str(&format!("  var choices = [{}];\n", labels.join(", ")));
    script.push_str(&format!(
        "  form.addTextItem().setTitle({}).setRequired(true);\n",
        literal(name)
    ));
    script.push_str(&format!(
        "  form.addTextItem().setTitle({});\n",
        literal(group)
    ));
    script.push_str("  function question(id, text, help) {\n");
    script.push_str("    form.addMultipleChoiceItem().setTitle(text).setHelpText(help).setChoiceValues(choices);\n");
    script.push_str("  }\n");
    script.push_str("  function comment(title) {\n");
    script.push_str("    form.addParagraphTextItem().setTitle(title);\n");
    script.push_str("  }\n");
    for stage in questionnaire.stages() {
        let questions: Vec<_> = questionnaire.questions_of(stage.id).collect();
        if questions.is_empty() {
            continue;
        }
        script.push_str(&format!(
            "  form.addPageBreakItem().setTitle({});\n",
            literal(stage.name.get(language))
        ));
        for question in questions {
            let id = question.id.as_str();
            script.push_str(&format!(
                "  question({}, {}, {});\n",
                literal(id),
                literal(&question_title(id, question.text.get(language))),
                literal(question.help.get(language))
            ));
            script.push_str(&format!(
                "  comment({});\n",
                literal(&comment_title(id, language))
            ));
        }
    }
    script.push_str("  Logger.log('Form: ' + form.getEditUrl());\n");
    script.push_str("}\n");
    script
}
