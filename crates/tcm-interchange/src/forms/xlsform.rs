//! The XLSForm of a questionnaire (the XLSX form definition KoboToolbox and ODK load): a
//! `survey` sheet (name and group, then one group per stage, a `select_one` and a comment per
//! question), a `choices` sheet (the scale, don't know, not applicable) and a `settings`
//! sheet. Names use letters, digits and `_` only (`cre_01`, `cre_01_comment`), which every
//! form builder keeps; the import finds the id in them again, group path or not
//! (`grp_creative/cre_01`), and reads the choice names (`3`, `nsp`, `na`) or labels.

use rust_xlsxwriter::{Workbook, XlsxError};
use tcm_core::{Language, Questionnaire, StageId};

use super::FormError;
use super::choices::choices;

/// The list of the scale's choices in the `choices` sheet.
const LIST: &str = "tcm_scale";

/// An XLSForm name: letters, digits and `_`, starting with a letter.
pub(crate) fn name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name
    } else {
        format!("q_{name}")
    }
}

/// The group name of a stage: `grp_creative`.
pub(crate) fn group_name(stage: StageId) -> String {
    format!("grp_{}", stage.as_str())
}

pub(super) fn write(
    questionnaire: &Questionnaire,
    language: Language,
) -> Result<Vec<u8>, FormError> {
    build(questionnaire, language).map_err(|error| FormError {
        what: "XLSForm",
        message: error.to_string(),
    })
}

fn build(questionnaire: &Questionnaire, language: Language) -> Result<Vec<u8>, XlsxError> {
    let (name_label, group_label, comment_label) = match language {
        Language::French => ("Nom", "Groupe", "Commentaire (facultatif)"),
        Language::English => ("Name", "Group", "Comment (optional)"),
    };
    let mut rows: Vec<[String; 5]> = vec![[
        "type".into(),
        "name".into(),
        "label".into(),
        "hint".into(),
        "required".into(),
    ]];
    let row = |kind: &str, name: &str, label: &str, hint: &str, required: &str| {
        [
            kind.to_owned(),
            name.to_owned(),
            label.to_owned(),
            hint.to_owned(),
            required.to_owned(),
        ]
    };
    let (respondent, group) = match language {
        Language::French => ("nom", "groupe"),
        Language::English => ("name", "group"),
    };
    rows.push(row("text", respondent, name_label, "", "yes"));
    rows.push(row("text", group, group_label, "", ""));
    for stage in questionnaire.stages() {
        let questions: Vec<_> = questionnaire.questions_of(stage.id).collect();
        if questions.is_empty() {
            continue;
        }
        rows.push(row(
            "begin_group",
            &group_name(stage.id),
            stage.name.get(language),
            "",
            "",
        ));
        for question in questions {
            let name = name(question.id.as_str());
            rows.push(row(
                &format!("select_one {LIST}"),
                &name,
                &super::question_title(question.id.as_str(), question.text.get(language)),
                question.help.get(language),
                "",
            ));
            rows.push(row(
                "text",
                &format!("{name}_comment"),
                comment_label,
                "",
                "",
            ));
        }
        rows.push(row("end_group", "", "", "", ""));
    }

    let mut workbook = Workbook::new();
    let survey = workbook.add_worksheet();
    survey.set_name("survey")?;
    for (r, cells) in (0u32..).zip(&rows) {
        for (c, cell) in (0u16..).zip(cells) {
            if !cell.is_empty() {
                survey.write_string(r, c, cell)?;
            }
        }
    }
    let list = workbook.add_worksheet();
    list.set_name("choices")?;
    for (c, title) in (0u16..).zip(["list_name", "name", "label"]) {
        list.write_string(0, c, title)?;
    }
    for (r, choice) in (1u32..).zip(choices(questionnaire, language)) {
        list.write_string(r, 0, LIST)?;
        list.write_string(r, 1, &choice.code)?;
        list.write_string(r, 2, &choice.label)?;
    }
    let settings = workbook.add_worksheet();
    settings.set_name("settings")?;
    for (c, (title, value)) in (0u16..).zip([
        ("form_title", questionnaire.title().get(language).to_owned()),
        ("form_id", name(questionnaire.id())),
        ("version", questionnaire.version().to_string()),
        ("default_language", language.code().to_owned()),
    ]) {
        settings.write_string(0, c, title)?;
        settings.write_string(1, c, value)?;
    }
    workbook.save_to_buffer()
}
