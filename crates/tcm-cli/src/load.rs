//! Reading questionnaire and answer files from disk, with errors that name the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use tcm_core::case::{Case, parse_case_file};
use tcm_core::questionnaire::{QuestionnaireFile, parse_questionnaire_file};
use tcm_core::{AnswerSheet, Questionnaire};

use crate::failure::Failure;

/// Reads a questionnaire file. A variant is resolved against its base, looked for as
/// `<base id>.toml` in the variant's folder.
pub fn questionnaire(path: &Path) -> Result<Questionnaire, Failure> {
    match parse(path)? {
        QuestionnaireFile::Grid(questionnaire) => Ok(questionnaire),
        QuestionnaireFile::Variant(variant) => {
            let base_path = base_path(path, variant.base_id());
            if !base_path.is_file() {
                return Err(Failure::Error(anyhow::anyhow!(
                    "{} is a variant of `{}`, but its base {} was not found",
                    path.display(),
                    variant.base_id(),
                    base_path.display()
                )));
            }
            let base = match parse(&base_path)? {
                QuestionnaireFile::Grid(base) => base,
                QuestionnaireFile::Variant(_) => {
                    return Err(Failure::Error(anyhow::anyhow!(
                        "the base {} of {} is itself a variant; a variant must be cut from a full grid",
                        base_path.display(),
                        path.display()
                    )));
                }
            };
            variant.resolve(&base).map_err(problems)
        }
    }
}

fn base_path(variant: &Path, base_id: &str) -> PathBuf {
    variant
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(format!("{base_id}.toml"))
}

fn parse(path: &Path) -> Result<QuestionnaireFile, Failure> {
    let text = read_text(path, "questionnaire")?;
    parse_questionnaire_file(&text, &path.display().to_string()).map_err(problems)
}

/// Reads a UTF-8 text file; a file in another encoding is reported with the line where the
/// first invalid byte is.
pub fn read_text(path: &Path, what: &str) -> Result<String, Failure> {
    let bytes = read_bounded(path, what)?;
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Failure::Problems(vec![format!(
            "{}:{line}:1: the file is not UTF-8 text ({what}s must be saved as UTF-8)",
            path.display()
        )])
    })
}

/// Reads a case file and checks it against its questionnaire, looked for as `<id>.toml` in
/// the case's folder, then in `../questionnaires/` beside it, then among the bundled ones.
pub fn case(path: &Path) -> Result<(Case, Questionnaire), Failure> {
    let text = read_text(path, "case")?;
    let spec = parse_case_file(&text, &path.display().to_string()).map_err(problems)?;
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let file_name = format!("{}.toml", spec.questionnaire_id());
    let candidates = [
        folder.join(&file_name),
        folder.join("..").join("questionnaires").join(&file_name),
    ];
    let questionnaire = match candidates.iter().find(|candidate| candidate.is_file()) {
        Some(found) => questionnaire(found)?,
        None => tcm_api::catalogue::bundled()
            .map_err(problems)?
            .iter()
            .find(|bundled| bundled.id() == spec.questionnaire_id())
            .cloned()
            .ok_or_else(|| {
                Failure::Error(anyhow::anyhow!(
                    "{}: questionnaire `{}` was not found ({} or {}) and is not bundled",
                    path.display(),
                    spec.questionnaire_id(),
                    candidates[0].display(),
                    candidates[1].display()
                ))
            })?,
    };
    let case = spec.check(&questionnaire).map_err(problems)?;
    Ok((case, questionnaire))
}

fn problems(invalid: tcm_core::InvalidQuestionnaire) -> Failure {
    Failure::Problems(
        invalid
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect(),
    )
}

/// Reads an answers CSV file against a questionnaire.
pub fn answers(path: &Path, questionnaire: &Questionnaire) -> Result<AnswerSheet, Failure> {
    let bytes = read_bounded(path, "answers")?;
    tcm_interchange::read_answers_csv(&bytes, questionnaire).map_err(|error| match error {
        tcm_interchange::AnswersCsvError::Empty => {
            Failure::Error(anyhow::anyhow!("{}: {error}", path.display()))
        }
        tcm_interchange::AnswersCsvError::Problems(problems) => Failure::Problems(
            problems
                .iter()
                .map(|problem| format!("{}: {problem}", path.display()))
                .collect(),
        ),
    })
}

/// The most `tcm` reads of any one file: 64 MiB (the largest `.tcm` file read; a tcm-92
/// questionnaire is 160 KB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file of at most [`MAX_FILE_BYTES`], reading one byte more at most: a larger file,
/// or a device such as `/dev/zero`, is refused without being read to its end.
pub fn read_bounded(path: &Path, what: &str) -> Result<Vec<u8>, Failure> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot read {what} {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {what} {}", path.display()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Failure::Error(anyhow::anyhow!(
            "{what} {} is larger than {} MiB, the most tcm reads of one file: is it the right file?",
            path.display(),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}
