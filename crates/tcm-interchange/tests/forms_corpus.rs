//! The corpus of `tests/fixtures/forms/`: responses laid out as Google Forms, Microsoft Forms,
//! LimeSurvey and KoboToolbox export them (French and English, Excel re-saves, anonymous,
//! 1–5 scales, grids). Each file is imported against the TCM-92 grid and what it gives (the
//! report, the respondents, every answer and comment, or the refusal) must be its
//! `<file>.expected.txt`; `<file>.scale-1-5.expected.txt`, when there, is the import with the
//! 1–5 scale. `TCM_BLESS=1` rewrites the expected files (then read the diff).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tcm_core::Questionnaire;
use tcm_interchange::{
    AnswerScale, FileKind, ImportOptions, ImportedResponses, ResponseFormat, read_responses_with,
};

const TCM_92: &str = include_str!("../../../questionnaires/tcm-92.toml");

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/forms")
}

/// The corpus's response files, by name.
fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("the corpus folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "csv" || extension == "xlsx")
        })
        .collect();
    files.sort();
    files
}

/// An import's result as text, one fact a line.
fn render(result: Result<ImportedResponses, tcm_interchange::ImportError>) -> String {
    let imported = match result {
        Ok(imported) => imported,
        Err(error) => return format!("refused: {error}\n"),
    };
    let mut text = String::new();
    let format = match imported.format {
        ResponseFormat::Long => "long",
        ResponseFormat::Wide => "wide",
        ResponseFormat::Questionnaire => "questionnaire",
    };
    let _ = writeln!(text, "format: {format}");
    for line in imported.report.lines() {
        let _ = writeln!(text, "report: {line}");
    }
    for column in &imported.report.question_columns {
        let _ = writeln!(
            text,
            "column: {} ← `{}` (by {})",
            column.question, column.header, column.by
        );
    }
    if !imported.ignored_columns.is_empty() {
        let _ = writeln!(text, "ignored: {}", imported.ignored_columns.join(" | "));
    }
    for respondent in &imported.respondents {
        let _ = writeln!(
            text,
            "respondent: {} (role `{}`, group `{}`)",
            respondent.label, respondent.role, respondent.group
        );
    }
    for (respondent, question, response) in imported.sheet.responses() {
        let _ = write!(text, "answer: {respondent} {question} {}", response.answer);
        if let Some(comment) = &response.comment {
            let _ = write!(text, " « {comment} »");
        }
        text.push('\n');
    }
    text
}

fn check(file: &Path, expected: &Path, scale: AnswerScale) -> Option<String> {
    let questionnaire = Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid");
    let bytes = std::fs::read(file).expect("a fixture");
    let kind = if file
        .extension()
        .is_some_and(|extension| extension == "xlsx")
    {
        FileKind::Xlsx
    } else {
        FileKind::Csv
    };
    let got = render(read_responses_with(
        &bytes,
        kind,
        &questionnaire,
        ImportOptions { scale },
    ));
    if std::env::var_os("TCM_BLESS").is_some() {
        std::fs::write(expected, &got).expect("blessed");
        return None;
    }
    let want = std::fs::read_to_string(expected).unwrap_or_default();
    (got != want).then(|| format!("{}:\n--- expected\n{want}--- got\n{got}", file.display()))
}

#[test]
fn every_export_imports_to_what_its_expected_file_says() {
    let files = fixtures();
    assert!(files.len() >= 10, "the corpus has {} files", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        let expected = corpus().join(format!("{name}.expected.txt"));
        assert!(
            expected.exists() || std::env::var_os("TCM_BLESS").is_some(),
            "{name} has no expected file"
        );
        failures.extend(check(file, &expected, AnswerScale::ZeroToFour));
        let with_scale = corpus().join(format!("{name}.scale-1-5.expected.txt"));
        if with_scale.exists() {
            failures.extend(check(file, &with_scale, AnswerScale::OneToFive));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_readme_describes_every_file() {
    let readme = std::fs::read_to_string(corpus().join("README.md")).expect("a README");
    for file in fixtures() {
        let name = file
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default();
        assert!(
            readme.contains(&format!("`{name}`")),
            "{name} is not in the README"
        );
    }
}

/// Writes the Microsoft Forms workbooks of the corpus (Microsoft Forms exports only XLSX):
/// `cargo test -p tcm-interchange --test forms_corpus -- --ignored`.
#[test]
#[ignore = "writes the corpus's Microsoft Forms workbooks"]
fn write_microsoft_forms_workbooks() {
    let questionnaire = Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid");
    let text = |id: &str, english: bool| {
        let question = questionnaire.question(id).expect("a question");
        if english {
            question.text.en.clone()
        } else {
            question.text.fr.clone()
        }
    };
    let french: Vec<Vec<String>> = vec![
        vec![
            "ID".into(),
            "Heure de début".into(),
            "Heure de fin".into(),
            "Adresse de messagerie".into(),
            "Nom".into(),
            "Heure de la dernière modification".into(),
            text("cre-01", false),
            text("cre-02", false),
            text("act-01", false),
            "Commentaire : ".to_owned() + &text("act-01", false),
        ],
        vec![
            "1".into(),
            "11/20/26 10:02:11".into(),
            "11/20/26 10:09:54".into(),
            "claire.martin@durand.example".into(),
            "Claire Martin".into(),
            "".into(),
            "Déployé et mesuré".into(),
            "Ponctuel".into(),
            "Optimisé".into(),
            "Baromètre trimestriel depuis 2024".into(),
        ],
        vec![
            "2".into(),
            "11/20/26 10:12:40".into(),
            "11/20/26 10:18:03".into(),
            "marc.petit@durand.example".into(),
            "Marc Petit".into(),
            "".into(),
            "Formalisé".into(),
            "Non applicable".into(),
            "Absent".into(),
            "".into(),
        ],
    ];
    let changed = text("cre-02", true).replace("most profitable", "best");
    let anonymous: Vec<Vec<String>> = vec![
        vec![
            "ID".into(),
            "Start time".into(),
            "Completion time".into(),
            "Email".into(),
            "Name".into(),
            "Last modified time".into(),
            text("cre-01", true),
            changed,
            text("act-01", true),
        ],
        vec![
            "1".into(),
            "11/20/26 10:02:11".into(),
            "11/20/26 10:09:54".into(),
            "anonymous".into(),
            "".into(),
            "".into(),
            "Deployed and measured".into(),
            "Occasional".into(),
            "Don't know".into(),
        ],
        vec![
            "2".into(),
            "11/20/26 10:12:40".into(),
            "11/20/26 10:18:03".into(),
            "anonymous".into(),
            "".into(),
            "".into(),
            "Optimised".into(),
            "Absent".into(),
            "Formalised".into(),
        ],
    ];
    for (name, rows) in [
        ("microsoft-forms-fr.xlsx", french),
        ("microsoft-forms-en-anonymous.xlsx", anonymous),
    ] {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Sheet1").expect("a name");
        for (row, cells) in rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                let (row, column) = (row as u32, column as u16);
                if cell.is_empty() {
                    continue;
                }
                match cell.parse::<f64>() {
                    Ok(number) if column == 0 => sheet.write_number(row, column, number),
                    _ => sheet.write_string(row, column, cell),
                }
                .expect("a cell");
            }
        }
        let bytes = workbook.save_to_buffer().expect("a workbook");
        std::fs::write(corpus().join(name), bytes).expect("written");
    }
}
