//! The classroom: cases, class exercises, grading, debrief and the folder import of groups'
//! files. Each command adapts one `tcm_api::classroom` or `tcm_api::class_import` handler.

use crate::grants::{DialogGrants, Grant};
use std::path::Path;
use std::sync::Arc;

use tauri::{Runtime, State};
use tcm_api::transfer::{
    CaseOverview, ClassExerciseListItem, ClassExerciseView, ClassExportKind, ClassGradeView,
    FolderImportView, GroupSheetView, NewClassExerciseInput, QuestionGradeView,
};
use tcm_api::{ApiError, Workbench, class_import, classroom};

use super::operations::Watched;
use super::run;

#[tauri::command]
pub async fn list_cases() -> Result<Vec<CaseOverview>, ApiError> {
    classroom::list_cases()
}

#[tauri::command]
pub async fn create_class_exercise(
    workbench: State<'_, Arc<Workbench>>,
    input: NewClassExerciseInput,
) -> Result<ClassExerciseView, ApiError> {
    run(&workbench, move |workbench| {
        classroom::create_class_exercise(workbench, &input)
    })
    .await
}

#[tauri::command]
pub async fn list_class_exercises(
    workbench: State<'_, Arc<Workbench>>,
) -> Result<Vec<ClassExerciseListItem>, ApiError> {
    run(&workbench, classroom::list_class_exercises).await
}

#[tauri::command]
pub async fn class_exercise(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
) -> Result<ClassExerciseView, ApiError> {
    run(&workbench, move |workbench| {
        classroom::class_exercise(workbench, assessment)
    })
    .await
}

#[tauri::command]
pub async fn grade_class(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
) -> Result<ClassGradeView, ApiError> {
    run(&workbench, move |workbench| {
        classroom::grade_class(workbench, assessment)
    })
    .await
}

#[tauri::command]
pub async fn group_sheet(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    group: String,
) -> Result<GroupSheetView, ApiError> {
    run(&workbench, move |workbench| {
        classroom::group_sheet(workbench, assessment, &group)
    })
    .await
}

#[tauri::command]
pub async fn class_debrief(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    limit: u32,
) -> Result<Vec<QuestionGradeView>, ApiError> {
    run(&workbench, move |workbench| {
        classroom::debrief(workbench, assessment, limit)
    })
    .await
}

#[tauri::command]
pub async fn import_group_folder<R: Runtime>(
    workbench: State<'_, Arc<Workbench>>,
    grants: State<'_, DialogGrants>,
    assessment: i64,
    folder: String,
    watched: Watched<R>,
) -> Result<FolderImportView, ApiError> {
    grants.check(Grant::Read, &folder)?;
    watched
        .run(&workbench, move |workbench, progress| {
            class_import::import_group_folder_watched(
                workbench,
                assessment,
                Path::new(&folder),
                progress,
            )
        })
        .await
}

#[tauri::command]
pub async fn export_class(
    workbench: State<'_, Arc<Workbench>>,
    assessment: i64,
    format: ClassExportKind,
    show_ranking: bool,
    path: String,
    grants: State<'_, DialogGrants>,
) -> Result<(), ApiError> {
    grants.check(Grant::Write, &path)?;
    run(&workbench, move |workbench| {
        classroom::export_class(
            workbench,
            assessment,
            format,
            show_ranking,
            Path::new(&path),
        )
    })
    .await
}
