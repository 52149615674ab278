//! The LimeSurvey survey structure file (`.lss`) of a questionnaire, as LimeSurvey 5 and 6
//! import it (**Create survey → Import**): the XML document of LimeSurvey's export, with
//! its tables as `<fields>` and `<rows>` (`surveys`, `surveys_languagesettings`, `groups`,
//! `group_l10ns`, `questions`, `question_l10ns`, `answers`, `answer_l10ns`).
//!
//! A first group asks the respondent's name (required) and group; then one group per stage,
//! one "list with comment" question (type `O`) per question with the scale's choices as its
//! answer options (codes `0`…`4`, `nsp`, `na`) and its comment box. Question codes are the
//! id's letters and digits (`cre01`: LimeSurvey allows nothing else, a letter first, at most
//! 20 characters); the import finds the id in them again, and in the response export's
//! comment columns (`cre01[comment]`). Texts are HTML in LimeSurvey: they are escaped.

use std::fmt::Write as _;

use tcm_core::{Answer, Language, Questionnaire};

use super::FormError;
use super::choices::choices;
use super::docx::escape;

/// The LimeSurvey database version the document is laid out for (LimeSurvey 5's layout
/// with its `*_l10ns` tables, which LimeSurvey 6 imports as well).
const DB_VERSION: u32 = 480;
/// The longest question code LimeSurvey accepts.
const LONGEST_CODE: usize = 20;

/// The LimeSurvey question code of question `id`: its ASCII letters and digits, `q` first
/// when it starts with a digit (as LimeSurvey itself renames such codes).
pub(crate) fn code(id: &str) -> String {
    let code: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
    if code.starts_with(|c: char| c.is_ascii_digit()) {
        format!("q{code}")
    } else {
        code
    }
}

/// One table of the document: its field names, then its rows (one value per field).
struct Table {
    name: &'static str,
    fields: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(name: &'static str, fields: &'static [&'static str]) -> Table {
        Table {
            name,
            fields,
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.fields.len(), "{}", self.name);
        self.rows.push(row);
    }

    fn write(&self, xml: &mut String) {
        let _ = writeln!(xml, " <{}>", self.name);
        xml.push_str("  <fields>\n");
        for field in self.fields {
            let _ = writeln!(xml, "   <fieldname>{field}</fieldname>");
        }
        xml.push_str("  </fields>\n  <rows>\n");
        for row in &self.rows {
            xml.push_str("   <row>\n");
            for (field, value) in self.fields.iter().zip(row) {
                if value.is_empty() {
                    let _ = writeln!(xml, "    <{field}/>");
                } else {
                    let _ = writeln!(xml, "    <{field}>{}</{field}>", escape(value));
                }
            }
            xml.push_str("   </row>\n");
        }
        let _ = writeln!(xml, "  </rows>\n </{}>", self.name);
    }
}

/// Text as LimeSurvey shows it: HTML, so `<` and `&` escaped and line breaks as `<br />`.
fn html(text: &str) -> String {
    escape(text)
        .replace("\r\n", "\n")
        .replace(['\r', '\n'], "<br />")
}

/// A survey id for the document, the same for the same questionnaire and language (the
/// importing LimeSurvey keeps it when it is free and picks another otherwise).
fn survey_id(questionnaire: &Questionnaire, language: Language) -> u32 {
    // FNV-1a over the questionnaire's id, version and the language.
    let key = format!(
        "{}\u{0}{}\u{0}{}",
        questionnaire.id(),
        questionnaire.version(),
        language.code()
    );
    let hash = key.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    100_000 + hash % 900_000
}

pub(super) fn write(
    questionnaire: &Questionnaire,
    language: Language,
) -> Result<Vec<u8>, FormError> {
    let failed = |message: String| FormError {
        what: "LimeSurvey structure file",
        message,
    };
    let lang = language.code();
    let sid = survey_id(questionnaire, language).to_string();
    let (respondent_group, name_code, name_text, group_code, group_text) = match language {
        Language::French => ("Répondant", "nom", "Nom", "groupe", "Groupe"),
        Language::English => ("Respondent", "name", "Name", "group", "Group"),
    };

    // Codes first: every one valid and unique, or no file at all.
    let mut codes: Vec<(String, &str)> = vec![
        (name_code.to_owned(), "the respondent's name"),
        (group_code.to_owned(), "the respondent's group"),
    ];
    for question in questionnaire.questions() {
        let id = question.id.as_str();
        let code = code(id);
        if code.is_empty() || code.len() > LONGEST_CODE {
            return Err(failed(format!(
                "question `{id}` gives the code `{code}`, but LimeSurvey codes have 1 to \
                 {LONGEST_CODE} letters and digits"
            )));
        }
        if let Some((_, other)) = codes.iter().find(|(taken, _)| *taken == code) {
            return Err(failed(format!(
                "question `{id}` gives the code `{code}`, already taken by {other}"
            )));
        }
        codes.push((code, id));
    }

    let mut groups = Table::new(
        "groups",
        &[
            "gid",
            "sid",
            "group_order",
            "randomization_group",
            "grelevance",
        ],
    );
    let mut group_l10ns = Table::new(
        "group_l10ns",
        &["id", "gid", "group_name", "description", "language"],
    );
    let mut questions = Table::new(
        "questions",
        &[
            "qid",
            "parent_qid",
            "sid",
            "gid",
            "type",
            "title",
            "preg",
            "other",
            "mandatory",
            "encrypted",
            "question_order",
            "scale_id",
            "same_default",
            "relevance",
            "question_theme_name",
            "modulename",
        ],
    );
    let mut question_l10ns = Table::new(
        "question_l10ns",
        &["id", "qid", "question", "help", "language"],
    );
    let mut answers = Table::new(
        "answers",
        &[
            "aid",
            "qid",
            "code",
            "sortorder",
            "assessment_value",
            "scale_id",
        ],
    );
    let mut answer_l10ns = Table::new("answer_l10ns", &["id", "aid", "answer", "language"]);

    let mut gid = 0u32;
    let mut add_group = |name: &str, description: &str| {
        gid += 1;
        groups.push(vec![
            gid.to_string(),
            sid.clone(),
            gid.to_string(),
            String::new(),
            "1".to_owned(),
        ]);
        group_l10ns.push(vec![
            gid.to_string(),
            gid.to_string(),
            html(name),
            html(description),
            lang.to_owned(),
        ]);
        gid
    };
    let mut qid = 0u32;
    let mut add_question = |gid: u32,
                            order: usize,
                            kind: &str,
                            theme: &str,
                            code: &str,
                            mandatory: bool,
                            text: &str,
                            help: &str| {
        qid += 1;
        questions.push(vec![
            qid.to_string(),
            "0".to_owned(),
            sid.clone(),
            gid.to_string(),
            kind.to_owned(),
            code.to_owned(),
            String::new(),
            "N".to_owned(),
            if mandatory { "Y" } else { "N" }.to_owned(),
            "N".to_owned(),
            order.to_string(),
            "0".to_owned(),
            "0".to_owned(),
            "1".to_owned(),
            theme.to_owned(),
            String::new(),
        ]);
        question_l10ns.push(vec![
            qid.to_string(),
            qid.to_string(),
            html(text),
            html(help),
            lang.to_owned(),
        ]);
        qid
    };

    let first = add_group(respondent_group, "");
    add_question(
        first,
        1,
        "S",
        "shortfreetext",
        name_code,
        true,
        name_text,
        "",
    );
    add_question(
        first,
        2,
        "S",
        "shortfreetext",
        group_code,
        false,
        group_text,
        "",
    );

    let options = choices(questionnaire, language);
    let mut aid = 0u32;
    for stage in questionnaire.stages() {
        let in_stage: Vec<_> = questionnaire.questions_of(stage.id).collect();
        if in_stage.is_empty() {
            continue;
        }
        let gid = add_group(stage.name.get(language), "");
        for (order, question) in (1..).zip(in_stage) {
            let id = question.id.as_str();
            let qid = add_question(
                gid,
                order,
                "O",
                "list_with_comment",
                &code(id),
                false,
                &super::question_title(id, question.text.get(language)),
                question.help.get(language),
            );
            for (sortorder, choice) in (1..).zip(&options) {
                aid += 1;
                let assessment = match choice.answer {
                    Answer::Level(level) => level.value().to_string(),
                    Answer::DontKnow | Answer::NotApplicable => "0".to_owned(),
                };
                answers.push(vec![
                    aid.to_string(),
                    qid.to_string(),
                    choice.code.clone(),
                    sortorder.to_string(),
                    assessment,
                    "0".to_owned(),
                ]);
                answer_l10ns.push(vec![
                    aid.to_string(),
                    aid.to_string(),
                    html(&choice.label),
                    lang.to_owned(),
                ]);
            }
        }
    }

    let mut surveys = Table::new(
        "surveys",
        &[
            "sid",
            "gsid",
            "admin",
            "adminemail",
            "anonymized",
            "format",
            "template",
            "language",
            "additional_languages",
            "datestamp",
            "usecookie",
            "allowregister",
            "allowsave",
            "allowprev",
            "printanswers",
            "ipaddr",
            "refurl",
            "showxquestions",
            "showgroupinfo",
            "shownoanswer",
            "showqnumcode",
            "showwelcome",
            "showprogress",
            "questionindex",
            "navigationdelay",
            "nokeyboard",
            "alloweditaftercompletion",
            "usecaptcha",
            "usetokens",
            "tokenlength",
        ],
    );
    surveys.push(
        [
            sid.as_str(),
            "1",
            "inherit",
            "inherit",
            "N",
            "G",
            "inherit",
            lang,
            "",
            "Y",
            "I",
            "I",
            "I",
            "I",
            "I",
            "N",
            "N",
            "I",
            "I",
            "I",
            "I",
            "I",
            "I",
            "-1",
            "-1",
            "I",
            "I",
            "E",
            "N",
            "-1",
        ]
        .map(str::to_owned)
        .to_vec(),
    );
    let mut settings = Table::new(
        "surveys_languagesettings",
        &[
            "surveyls_survey_id",
            "surveyls_language",
            "surveyls_title",
            "surveyls_description",
            "surveyls_welcometext",
            "surveyls_endtext",
            "surveyls_dateformat",
            "surveyls_numberformat",
        ],
    );
    let (welcome, end, date_format, number_format) = match language {
        Language::French => (
            "Chaque question a un commentaire facultatif. «\u{a0}Ne sait pas\u{a0}» et «\u{a0}Non \
             applicable\u{a0}» sont des réponses à part entière.",
            "Merci\u{202f}! Vos réponses sont enregistrées.",
            // dd/mm/yyyy, decimal comma
            "5",
            "1",
        ),
        Language::English => (
            "Every question has an optional comment. \"Don't know\" and \"Not applicable\" are \
             answers in their own right.",
            "Thank you! Your answers are saved.",
            // yyyy-mm-dd, decimal point
            "9",
            "0",
        ),
    };
    settings.push(vec![
        sid.clone(),
        lang.to_owned(),
        html(questionnaire.title().get(language)),
        questionnaire
            .description()
            .map(|description| html(description.get(language)))
            .unwrap_or_default(),
        html(welcome),
        html(end),
        date_format.to_owned(),
        number_format.to_owned(),
    ]);

    let mut xml = String::with_capacity(512 * 1024);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n");
    xml.push_str(" <LimeSurveyDocType>Survey</LimeSurveyDocType>\n");
    let _ = writeln!(xml, " <DBVersion>{DB_VERSION}</DBVersion>");
    let _ = writeln!(
        xml,
        " <languages>\n  <language>{lang}</language>\n </languages>"
    );
    for table in [
        &answers,
        &answer_l10ns,
        &groups,
        &group_l10ns,
        &questions,
        &question_l10ns,
        &surveys,
        &settings,
    ] {
        table.write(&mut xml);
    }
    xml.push_str("</document>\n");
    Ok(xml.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn codes_keep_letters_and_digits_and_start_with_a_letter() {
        assert_eq!(code("cre-01"), "cre01");
        assert_eq!(code("act_12.b"), "act12b");
        assert_eq!(code("1.2"), "q12");
        assert_eq!(code("é-3"), "q3");
    }
}
