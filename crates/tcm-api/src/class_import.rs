//! Importing a whole folder of groups' `.tcm` files into a class exercise. Each file is read
//! by the same reader as a single `.tcm` import and checked: it must come from this class
//! exercise (the starter file the teacher handed out keeps the exercise's global id), use its
//! questionnaire and version, and bring at least one group with answers whose name is not
//! already answered in the class. Every accepted group is then written in one unit of work
//! (the store's response import: all or nothing); refused files are listed with the reason.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use tcm_core::{AnswerSheet, Respondent, RespondentProfile, Response};
use tcm_interchange::portable::{self, MAX_FILE_BYTES, PortableAssessment};
use tcm_store::{AssessmentId, Store};

use crate::error::{ApiError, ErrorKind};
use crate::operation::Progress;
use crate::transfer::{
    FolderImportView, ImportedGroupFile, OperationStep, RefusalReason, RefusedGroupFile, count,
};
use crate::workbench::Workbench;

/// What a cancelled folder import names.
const DOING: &str = "the import of the groups' files";

/// The most `.tcm` files one folder import reads (a class is a few dozen groups).
pub const MAX_FILES: usize = 500;

/// Imports every `.tcm` file of `folder` (not its sub-folders) into the class exercise
/// `assessment`, in file-name order.
pub fn import_group_folder(
    workbench: &Workbench,
    assessment: i64,
    folder: &Path,
) -> Result<FolderImportView, ApiError> {
    import_group_folder_watched(workbench, assessment, folder, &Progress::none())
}

/// [`import_group_folder`], reporting the files read and checked and the answers written;
/// cancelled, it writes nothing.
pub fn import_group_folder_watched(
    workbench: &Workbench,
    assessment: i64,
    folder: &Path,
    progress: &Progress,
) -> Result<FolderImportView, ApiError> {
    let (files, skipped) = list_folder(folder, "choose the folder of one class")?;
    let mut read = Vec::with_capacity(files.len());
    for (index, path) in files.iter().enumerate() {
        if !progress.advance(OperationStep::Reading, index, files.len()) {
            return Err(Progress::cancelled(DOING));
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        read.push((name, read_bounded(path)));
    }
    progress.advance(OperationStep::Reading, files.len(), files.len());
    let mut view = workbench.with_store(|store, now| {
        import_files_watched(store, AssessmentId(assessment), read, now, progress)
    })?;
    view.folder = folder.display().to_string();
    view.skipped = count(skipped);
    Ok(view)
}

/// The `.tcm` files of a folder, sorted by name, and how many other entries it holds; more
/// than [`MAX_FILES`] are refused, with `advice` on which folder to choose.
pub(crate) fn list_folder(
    folder: &Path,
    advice: &str,
) -> Result<(Vec<std::path::PathBuf>, usize), ApiError> {
    let entries = std::fs::read_dir(folder).map_err(|error| {
        ApiError::new(
            ErrorKind::Storage,
            format!("cannot read the folder {}: {error}", folder.display()),
        )
    })?;
    let mut files = Vec::new();
    let mut skipped = 0;
    for entry in entries {
        let entry = entry.map_err(|error| {
            ApiError::new(
                ErrorKind::Storage,
                format!("cannot read the folder {}: {error}", folder.display()),
            )
        })?;
        let path = entry.path();
        let is_tcm = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("tcm"));
        if is_tcm && path.is_file() {
            files.push(path);
            if files.len() > MAX_FILES {
                return Err(ApiError::invalid(format!(
                    "the folder {} holds more than {MAX_FILES} .tcm files: {advice}",
                    folder.display()
                )));
            }
        } else {
            skipped += 1;
        }
    }
    files.sort();
    Ok((files, skipped))
}

/// Reads a file, at most [`MAX_FILE_BYTES`] (one more byte tells it is larger).
pub(crate) fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|error| format!("cannot be read: {error}"))?;
    let mut bytes = Vec::new();
    file.take(u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX) + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot be read: {error}"))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "is larger than {} MiB: it is not a group's file",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// The accepted part of one file: its groups and their answers.
struct Accepted {
    file: String,
    groups: Vec<RespondentProfile>,
    sheet: AnswerSheet,
}

/// Checks each file against the class exercise and writes every accepted group in one unit
/// of work. Byte-level, so that the CLI and tests reuse it.
pub fn import_files(
    store: &mut Store,
    assessment: AssessmentId,
    files: Vec<(String, Result<Vec<u8>, String>)>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<FolderImportView, ApiError> {
    import_files_watched(store, assessment, files, now, &Progress::none())
}

/// [`import_files`], reporting the files checked and the answers written; cancelled through
/// `progress`, it writes nothing.
pub fn import_files_watched(
    store: &mut Store,
    assessment: AssessmentId,
    files: Vec<(String, Result<Vec<u8>, String>)>,
    now: chrono::DateTime<chrono::Utc>,
    progress: &Progress,
) -> Result<FolderImportView, ApiError> {
    crate::classroom::case_of(store, assessment)?;
    let stored = store.assessment(assessment)?;
    let questionnaire = store.questionnaire(assessment)?;
    let class_sheet = store.answer_sheet(assessment)?;
    // Groups that already answered in the class: a file bringing one of them again is a
    // duplicate (a group created on this machine and still empty may be filled by its file).
    let mut answered: HashSet<String> = class_sheet
        .respondents()
        .into_iter()
        .map(|respondent| respondent.as_str().to_owned())
        .collect();
    let mut accepted: Vec<Accepted> = Vec::new();
    let mut refused: Vec<RefusedGroupFile> = Vec::new();
    let refuse = |file: &str, reason: RefusalReason, message: String| RefusedGroupFile {
        file: file.to_owned(),
        reason,
        message: format!("{file}: {message}"),
    };
    let total = files.len();
    for (index, (file, bytes)) in files.into_iter().enumerate() {
        if !progress.advance(OperationStep::Checking, index, total) {
            return Err(Progress::cancelled(DOING));
        }
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(message) => {
                refused.push(refuse(&file, RefusalReason::Unreadable, message));
                continue;
            }
        };
        let portable = match portable::from_json(&bytes) {
            Ok(portable) => portable,
            Err(error) => {
                refused.push(refuse(
                    &file,
                    RefusalReason::Unreadable,
                    format!("not a TCM Workbench file that can be read: {error}"),
                ));
                continue;
            }
        };
        if portable.questionnaire_id != stored.questionnaire_id
            || portable.questionnaire_version != stored.questionnaire_version
        {
            refused.push(refuse(
                &file,
                RefusalReason::WrongQuestionnaire,
                format!(
                    "answered with questionnaire `{}` version {}, but this class uses `{}` version {}",
                    portable.questionnaire_id,
                    portable.questionnaire_version,
                    stored.questionnaire_id,
                    stored.questionnaire_version
                ),
            ));
            continue;
        }
        if portable.uuid != stored.uuid {
            refused.push(refuse(
                &file,
                RefusalReason::WrongCase,
                format!(
                    "made for « {} » ({}), not from this class exercise's starter file",
                    portable.assessment.title, portable.organisation.name
                ),
            ));
            continue;
        }
        if let Some((_, question)) = portable
            .answers
            .keys()
            .find(|(_, question)| questionnaire.question(question.as_str()).is_none())
        {
            refused.push(refuse(
                &file,
                RefusalReason::WrongQuestionnaire,
                format!(
                    "answers question `{question}`, which is not in questionnaire `{}`",
                    stored.questionnaire_id
                ),
            ));
            continue;
        }
        match groups_of(&portable, &answered) {
            Err((reason, message)) => refused.push(refuse(&file, reason, message)),
            Ok(found) => {
                for group in &found.groups {
                    answered.insert(group.label.clone());
                }
                accepted.push(Accepted {
                    file,
                    groups: found.groups,
                    sheet: found.sheet,
                });
            }
        }
    }
    let mut profiles = Vec::new();
    let mut sheet = AnswerSheet::new();
    let mut imported = Vec::new();
    for file in accepted {
        profiles.extend(file.groups.iter().cloned());
        let answers = file.sheet.len();
        for (respondent, question, response) in file.sheet.responses() {
            sheet.set(respondent.clone(), question.clone(), response.clone());
        }
        imported.push(ImportedGroupFile {
            file: file.file,
            groups: file.groups.into_iter().map(|group| group.label).collect(),
            answers: count(answers),
        });
    }
    if !progress.advance(OperationStep::Checking, total, total) {
        return Err(Progress::cancelled(DOING));
    }
    if !imported.is_empty() {
        store.import_responses_watched(
            assessment,
            &profiles,
            &sheet,
            now,
            &mut progress.watch(OperationStep::Writing),
        )?;
    }
    Ok(FolderImportView {
        folder: String::new(),
        imported,
        refused,
        skipped: 0,
    })
}

/// The groups of one file that answered, with their answers.
struct FileGroups {
    groups: Vec<RespondentProfile>,
    sheet: AnswerSheet,
}

fn groups_of(
    portable: &PortableAssessment,
    answered: &HashSet<String>,
) -> Result<FileGroups, (RefusalReason, String)> {
    let mut sheet = AnswerSheet::new();
    for ((respondent, question), recorded) in &portable.answers {
        sheet.set(
            respondent.clone(),
            question.clone(),
            Response {
                answer: recorded.answer,
                comment: recorded.comment.clone(),
            },
        );
    }
    let labels: Vec<String> = sheet
        .respondents()
        .into_iter()
        .map(|respondent: &Respondent| respondent.as_str().trim().to_owned())
        .filter(|label| !label.is_empty())
        .collect();
    if labels.is_empty() {
        return Err((
            RefusalReason::NoAnswers,
            "holds no answer: the group has not answered yet, or sent the starter file back"
                .to_owned(),
        ));
    }
    let duplicates: Vec<&str> = labels
        .iter()
        .filter(|label| answered.contains(label.as_str()))
        .map(String::as_str)
        .collect();
    if !duplicates.is_empty() {
        return Err((
            RefusalReason::DuplicateGroup,
            format!(
                "the group « {} » has already answered in this class (a second copy of its file, or two groups with one name)",
                duplicates.join(" », « ")
            ),
        ));
    }
    let groups = labels
        .iter()
        .map(|label| {
            portable
                .respondents
                .iter()
                .find(|profile| profile.label.trim() == label)
                .cloned()
                .unwrap_or_else(|| RespondentProfile {
                    label: label.clone(),
                    role: String::new(),
                    group: label.clone(),
                })
        })
        .collect();
    Ok(FileGroups { groups, sheet })
}
