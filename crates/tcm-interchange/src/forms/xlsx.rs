//! The XLSX questionnaire a respondent fills in and e-mails back. Sheet « Réponses »
//! (« Answers »): the respondent's name and group at the top, then one row per question
//! (id, stage, text, help, answer, comment). The answer cell offers the scale's choices in a
//! drop-down (data validation over the « Choix » sheet); the sheets are protected, only the
//! name, group, answer and comment cells can be typed in. [`crate::import`] reads the filled
//! file as is (`form_sheet.rs`).

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, Formula, Workbook, Worksheet, XlsxError,
};
use tcm_core::{Language, Questionnaire};

use super::FormError;
use super::choices::choices;

/// The row (0-based) of the questions' header; questions follow it.
pub(crate) const HEADER_ROW: u32 = 5;

/// The words of the workbook in one language.
struct Words {
    sheet: &'static str,
    choices_sheet: &'static str,
    name: &'static str,
    group: &'static str,
    questionnaire: &'static str,
    how_to: &'static str,
    columns: [&'static str; 6],
    pick: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::French => Words {
            sheet: "Réponses",
            choices_sheet: "Choix",
            name: "Nom",
            group: "Groupe",
            questionnaire: "Questionnaire",
            how_to: "Indiquez votre nom et votre groupe, puis choisissez une réponse par question dans la liste de la colonne « réponse » ; le commentaire est facultatif. Renvoyez le fichier tel quel.",
            columns: [
                "question",
                "étape",
                "texte",
                "aide",
                "réponse",
                "commentaire",
            ],
            pick: "Choisissez une réponse dans la liste.",
        },
        Language::English => Words {
            sheet: "Answers",
            choices_sheet: "Choices",
            name: "Name",
            group: "Group",
            questionnaire: "Questionnaire",
            how_to: "Fill in your name and group, then pick one answer per question from the list in the \"answer\" column; the comment is optional. Send the file back as it is.",
            columns: ["question", "stage", "text", "help", "answer", "comment"],
            pick: "Pick an answer from the list.",
        },
    }
}

pub(super) fn write(
    questionnaire: &Questionnaire,
    language: Language,
) -> Result<Vec<u8>, FormError> {
    build(questionnaire, language).map_err(|error| FormError {
        what: "XLSX questionnaire",
        message: error.to_string(),
    })
}

fn build(questionnaire: &Questionnaire, language: Language) -> Result<Vec<u8>, XlsxError> {
    let words = words(language);
    let choices = choices(questionnaire, language);
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let input = Format::new()
        .set_unlocked()
        .set_background_color("#FFF8DC")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let input_wrap = input.clone().set_text_wrap();

    let sheet = workbook.add_worksheet();
    sheet.set_name(words.sheet)?;
    sheet.write_string_with_format(0, 0, words.name, &bold)?;
    sheet.write_blank(0, 1, &input)?;
    sheet.write_string_with_format(1, 0, words.group, &bold)?;
    sheet.write_blank(1, 1, &input)?;
    sheet.write_string_with_format(2, 0, words.questionnaire, &bold)?;
    sheet.write_string(
        2,
        1,
        format!(
            "{} ({} {})",
            questionnaire.title().get(language),
            questionnaire.id(),
            questionnaire.version()
        ),
    )?;
    sheet.write_string(3, 0, words.how_to)?;
    for (column, title) in (0u16..).zip(words.columns) {
        sheet.write_string_with_format(HEADER_ROW, column, title, &bold)?;
    }
    let mut row = HEADER_ROW;
    for question in questionnaire.questions() {
        row += 1;
        let stage = question.stage.name(language);
        sheet.write_string_with_format(row, 0, question.id.as_str(), &wrap)?;
        sheet.write_string_with_format(row, 1, stage, &wrap)?;
        sheet.write_string_with_format(row, 2, question.text.get(language), &wrap)?;
        sheet.write_string_with_format(row, 3, question.help.get(language), &wrap)?;
        sheet.write_blank(row, 4, &input)?;
        sheet.write_blank(row, 5, &input_wrap)?;
    }
    let last = row;
    if last > HEADER_ROW && !choices.is_empty() {
        let range = format!("='{}'!$A$1:$A${}", words.choices_sheet, choices.len());
        let validation = DataValidation::new()
            .allow_list_formula(Formula::new(range))
            .set_input_message(words.pick)?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(HEADER_ROW + 1, 4, last, 4, &validation)?;
    }
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 12)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 40)?;
    sheet.set_column_width(4, 26)?;
    sheet.set_column_width(5, 40)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.protect();

    let list: &mut Worksheet = workbook.add_worksheet();
    list.set_name(words.choices_sheet)?;
    for (row, choice) in (0u32..).zip(&choices) {
        list.write_string(row, 0, &choice.label)?;
    }
    list.set_column_width(0, 30)?;
    list.protect();
    workbook.save_to_buffer()
}
