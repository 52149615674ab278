//! Handlers for the classroom: the shipped cases, class exercises (an assessment in classroom
//! mode linked to a case, its groups as respondents), grading the class against the case's
//! key, each group's feedback sheet and the debrief list. Grading itself is
//! `tcm_core::grading`; this module only gathers its inputs and shapes its results.

use tcm_core::case::Case;
use tcm_core::grading::{
    ClassGrade, GroupAnswers, GroupGrade, Key, KeyAnswer, Outcome, QuestionSummary,
};
use tcm_core::{
    AnswerSheet, Assessment, AssessmentStatus, Mode, Organisation, Questionnaire, Respondent,
    RespondentProfile, Score, Sector, Targets,
};
use tcm_store::{AssessmentId, NewAssessment, Store, StoredRespondent};

use crate::assessments::respondent_view;
use crate::catalogue;
use crate::error::{ApiError, ErrorKind};
use crate::transfer::{
    AnswerValue, CaseOverview, CaseQuestion, ClassExerciseListItem, ClassExerciseView,
    ClassExportKind, ClassGradeView, DistributionView, GradeOutcome, GroupAnswerView,
    GroupGradeView, GroupSheetView, LocalizedText, NewClassExerciseInput, QuestionGradeView,
    ScoreBesideKey, SheetQuestion, StageBesideKey, count,
};
use crate::workbench::Workbench;

/// How many questions a group's "furthest from the key" list holds.
const FURTHEST: usize = 5;

/// The cases shipped with the app.
pub fn list_cases() -> Result<Vec<CaseOverview>, ApiError> {
    Ok(catalogue::cases()?
        .iter()
        .map(|case| CaseOverview {
            id: case.id.clone(),
            version: case.version.to_string(),
            title: (&case.title).into(),
            questionnaire_id: case.questionnaire_id.clone(),
            question_count: count(case.key.len()),
        })
        .collect())
}

/// Starts a class exercise on a shipped case: a classroom assessment of the case's
/// questionnaire, its organisation the class, one respondent per group given.
pub fn create_class_exercise(
    workbench: &Workbench,
    input: &NewClassExerciseInput,
) -> Result<ClassExerciseView, ApiError> {
    let (case, questionnaire) = catalogue::case(&input.case_id, &input.case_version)?;
    let class_name = input.class_name.trim();
    if class_name.is_empty() {
        return Err(ApiError::invalid("the class needs a name"));
    }
    let language = tcm_core::Language::from(input.language);
    let mut groups: Vec<&str> = Vec::new();
    for group in input.groups.iter().map(|group| group.trim()) {
        if group.is_empty() {
            continue;
        }
        if groups.contains(&group) {
            return Err(ApiError::invalid(format!(
                "the group « {group} » is listed twice"
            )));
        }
        groups.push(group);
    }
    let id = workbench.with_store(|store, now| {
        Ok(store.write(now, "starting the class exercise", |tx| {
            let organisation = tx.create_organisation(&Organisation {
                name: class_name.to_owned(),
                sector: Sector::Other,
                size: None,
                notes: String::new(),
            })?;
            let id = tx.create_assessment(&NewAssessment {
                organisation,
                questionnaire,
                assessment: Assessment {
                    title: case.title.get(language).to_owned(),
                    mode: Mode::Classroom,
                    language,
                    targets: Targets::default(),
                    status: AssessmentStatus::InProgress,
                },
            })?;
            tx.link_case(id, &case.id, &case.version.to_string())?;
            for group in &groups {
                tx.add_respondent(
                    id,
                    &RespondentProfile {
                        label: (*group).to_owned(),
                        role: String::new(),
                        group: (*group).to_owned(),
                    },
                )?;
            }
            Ok(id)
        })?)
    })?;
    class_exercise(workbench, id.0)
}

/// Every class exercise, the most recently changed first.
pub fn list_class_exercises(workbench: &Workbench) -> Result<Vec<ClassExerciseListItem>, ApiError> {
    workbench.with_store(|store, _| {
        let mut items = Vec::new();
        for exercise in store.list_class_exercises()? {
            let stored = store.assessment(exercise.assessment)?;
            let title = catalogue::case(&exercise.case_id, &exercise.case_version)
                .map(|(case, _)| LocalizedText::from(&case.title))
                .unwrap_or_else(|_| LocalizedText {
                    fr: stored.assessment.title.clone(),
                    en: stored.assessment.title.clone(),
                });
            items.push(ClassExerciseListItem {
                assessment_id: exercise.assessment.0,
                class_name: stored.organisation_name,
                case_id: exercise.case_id,
                title,
                groups: count(store.list_respondents(exercise.assessment)?.len()),
                updated_at: stored.updated_at.to_rfc3339(),
            });
        }
        Ok(items)
    })
}

/// The case a stored assessment audits, found among the shipped cases.
pub(crate) fn case_of(store: &Store, id: AssessmentId) -> Result<&'static Case, ApiError> {
    let exercise = store.class_exercise(id)?.ok_or_else(|| {
        ApiError::new(
            ErrorKind::NotFound,
            format!("assessment {} is not a class exercise", id.0),
        )
    })?;
    Ok(catalogue::case(&exercise.case_id, &exercise.case_version)?.0)
}

/// A class exercise: the case text beside its questions, and the groups.
pub fn class_exercise(workbench: &Workbench, id: i64) -> Result<ClassExerciseView, ApiError> {
    workbench.with_store(|store, _| {
        let id = AssessmentId(id);
        let case = case_of(store, id)?;
        let stored = store.assessment(id)?;
        let questionnaire = store.questionnaire(id)?;
        Ok(ClassExerciseView {
            assessment_id: id.0,
            class_name: stored.organisation_name,
            case_id: case.id.clone(),
            case_version: case.version.to_string(),
            title: (&case.title).into(),
            text: (&case.text).into(),
            questionnaire_id: stored.questionnaire_id,
            questionnaire_version: stored.questionnaire_version,
            questions: questionnaire
                .questions()
                .iter()
                .map(|question| CaseQuestion {
                    id: question.id.to_string(),
                    stage: question.stage.into(),
                    text: (&question.text).into(),
                    help: (&question.help).into(),
                    look_for: question.look_for.as_ref().map(Into::into),
                    rubric: question
                        .rubric
                        .as_ref()
                        .map(|rubric| rubric.levels().iter().map(Into::into).collect()),
                })
                .collect(),
            groups: store
                .list_respondents(id)?
                .iter()
                .map(respondent_view)
                .collect(),
        })
    })
}

/// Everything grading needs about one class, read in one go.
pub(crate) struct GradedClass {
    pub case: &'static Case,
    pub questionnaire: std::sync::Arc<Questionnaire>,
    pub grade: ClassGrade,
    pub sheet: AnswerSheet,
    pub class_name: String,
    pub language: tcm_core::Language,
}

/// Reads a class exercise and grades every group against its case's key.
pub(crate) fn grade(store: &mut Store, id: AssessmentId) -> Result<GradedClass, ApiError> {
    let case = case_of(store, id)?;
    let stored = store.assessment(id)?;
    let questionnaire = store.questionnaire(id)?;
    let key: Key = case.grading_key(&questionnaire).map_err(|mismatch| {
        ApiError::new(
            ErrorKind::InvalidInput,
            format!(
                "the key of case `{}` does not fit this exercise: {mismatch}",
                case.id
            ),
        )
    })?;
    let sheet = store.answer_sheet(id)?;
    let groups: Vec<GroupAnswers> = store
        .list_respondents(id)?
        .iter()
        .map(|respondent: &StoredRespondent| {
            GroupAnswers::of_respondent(&sheet, &Respondent::new(&respondent.profile.label))
        })
        .collect();
    let grade = ClassGrade::grade(&questionnaire, &key, &groups);
    Ok(GradedClass {
        case,
        questionnaire,
        grade,
        sheet,
        class_name: stored.organisation_name,
        language: stored.assessment.language,
    })
}

fn score(value: Option<Score>) -> Option<f64> {
    value.map(Score::rounded)
}

fn outcome(value: Outcome) -> GradeOutcome {
    match value {
        Outcome::Exact => GradeOutcome::Exact,
        Outcome::Off(difference) if difference.abs() <= 1 => GradeOutcome::NearMiss,
        Outcome::Off(_) => GradeOutcome::FarMiss,
        Outcome::BothNotApplicable => GradeOutcome::BothNotApplicable,
        Outcome::NotApplicableMismatch => GradeOutcome::NotApplicableMismatch,
        Outcome::Unanswered => GradeOutcome::Unanswered,
    }
}

fn key_value(key: KeyAnswer) -> AnswerValue {
    key.as_answer().into()
}

fn group_view(grade: &GroupGrade, rank: usize) -> GroupGradeView {
    GroupGradeView {
        group: grade.group.clone(),
        exact_match_rate: grade.exact_match_rate,
        within_one_rate: grade.within_one_rate,
        mean_absolute_difference: grade.mean_absolute_difference,
        kappa: grade.kappa,
        compared: count(grade.compared),
        unanswered: count(grade.unanswered),
        stages: grade
            .stages
            .iter()
            .map(|stage| StageBesideKey {
                stage: stage.stage.into(),
                group: score(stage.group),
                key: score(stage.key),
            })
            .collect(),
        overall: ScoreBesideKey {
            group: score(grade.overall.group),
            key: score(grade.overall.key),
        },
        furthest: grade
            .furthest(FURTHEST)
            .iter()
            .map(|question| question.question.to_string())
            .collect(),
        rank: count(rank),
    }
}

fn comment_of(sheet: &AnswerSheet, group: &str, question: &tcm_core::QuestionId) -> String {
    sheet
        .response(&Respondent::new(group), question)
        .and_then(|response| response.comment.clone())
        .unwrap_or_default()
}

fn question_view(
    graded: &GradedClass,
    position: usize,
    summary: &QuestionSummary,
) -> QuestionGradeView {
    let text = graded
        .questionnaire
        .question(summary.question.as_str())
        .map(|question| LocalizedText::from(&question.text))
        .unwrap_or_else(|| LocalizedText {
            fr: summary.question.to_string(),
            en: summary.question.to_string(),
        });
    let justification = graded
        .case
        .entry(summary.question.as_str())
        .map(|entry| LocalizedText::from(&entry.justification))
        .unwrap_or_else(|| LocalizedText {
            fr: String::new(),
            en: String::new(),
        });
    let distribution = &summary.distribution;
    QuestionGradeView {
        question_id: summary.question.to_string(),
        stage: summary.stage.into(),
        text,
        key: key_value(summary.key),
        justification,
        distribution: DistributionView {
            levels: distribution.levels.map(count),
            not_applicable: count(distribution.not_applicable),
            dont_know: count(distribution.dont_know),
            unanswered: count(distribution.unanswered),
        },
        matches: count(summary.matches),
        groups: count(summary.groups),
        mean_absolute_difference: summary.mean_absolute_difference,
        mean_difference: summary.mean_difference,
        answers: graded
            .grade
            .groups
            .iter()
            .map(|group| {
                let comparison = &group.questions[position];
                GroupAnswerView {
                    group: group.group.clone(),
                    answer: comparison.given.map(AnswerValue::from),
                    comment: comment_of(&graded.sheet, &group.group, &comparison.question),
                    outcome: outcome(comparison.outcome),
                }
            })
            .collect(),
    }
}

fn ranks(grade: &ClassGrade) -> std::collections::HashMap<String, usize> {
    grade
        .ranking()
        .into_iter()
        .map(|ranked| (ranked.group, ranked.rank))
        .collect()
}

/// The class graded against its case's key: every group, every question, the debrief order.
pub fn grade_class(workbench: &Workbench, id: i64) -> Result<ClassGradeView, ApiError> {
    workbench.with_store(|store, _| {
        let graded = grade(store, AssessmentId(id))?;
        Ok(class_view(&graded, id))
    })
}

pub(crate) fn class_view(graded: &GradedClass, id: i64) -> ClassGradeView {
    let ranks = ranks(&graded.grade);
    let key_stages = graded
        .grade
        .groups
        .first()
        .map(|group| {
            group
                .stages
                .iter()
                .map(|stage| StageBesideKey {
                    stage: stage.stage.into(),
                    group: None,
                    key: score(stage.key),
                })
                .collect()
        })
        .unwrap_or_default();
    ClassGradeView {
        assessment_id: id,
        title: (&graded.case.title).into(),
        groups: graded
            .grade
            .groups
            .iter()
            .map(|group| group_view(group, ranks.get(&group.group).copied().unwrap_or(0)))
            .collect(),
        questions: graded
            .grade
            .questions
            .iter()
            .enumerate()
            .map(|(position, summary)| question_view(graded, position, summary))
            .collect(),
        key_stages,
        debrief: graded
            .grade
            .debrief(usize::MAX)
            .iter()
            .map(|question| question.question.to_string())
            .collect(),
    }
}

/// The debrief: the questions the class most often got wrong, at most `limit`, each with
/// the class's answers, the key and its justification.
pub fn debrief(
    workbench: &Workbench,
    id: i64,
    limit: u32,
) -> Result<Vec<QuestionGradeView>, ApiError> {
    workbench.with_store(|store, _| {
        let graded = grade(store, AssessmentId(id))?;
        let positions: std::collections::HashMap<&str, usize> = graded
            .grade
            .questions
            .iter()
            .enumerate()
            .map(|(position, summary)| (summary.question.as_str(), position))
            .collect();
        Ok(graded
            .grade
            .debrief(usize::try_from(limit).unwrap_or(usize::MAX))
            .into_iter()
            .filter_map(|summary| {
                let position = *positions.get(summary.question.as_str())?;
                Some(question_view(&graded, position, summary))
            })
            .collect())
    })
}

/// One group's feedback sheet.
pub fn group_sheet(
    workbench: &Workbench,
    id: i64,
    group: &str,
) -> Result<GroupSheetView, ApiError> {
    workbench.with_store(|store, _| {
        let graded = grade(store, AssessmentId(id))?;
        sheet_of(&graded, group)
    })
}

pub(crate) fn sheet_of(graded: &GradedClass, group: &str) -> Result<GroupSheetView, ApiError> {
    let grade = graded
        .grade
        .groups
        .iter()
        .find(|grade| grade.group == group)
        .ok_or_else(|| {
            ApiError::new(
                ErrorKind::NotFound,
                format!("there is no group « {group} » in this class"),
            )
        })?;
    let rank = ranks(&graded.grade).get(group).copied().unwrap_or(0);
    Ok(GroupSheetView {
        title: (&graded.case.title).into(),
        grade: group_view(grade, rank),
        questions: grade
            .questions
            .iter()
            .map(|comparison| SheetQuestion {
                question_id: comparison.question.to_string(),
                stage: comparison.stage.into(),
                text: graded
                    .questionnaire
                    .question(comparison.question.as_str())
                    .map(|question| LocalizedText::from(&question.text))
                    .unwrap_or_else(|| LocalizedText {
                        fr: comparison.question.to_string(),
                        en: comparison.question.to_string(),
                    }),
                key: key_value(comparison.key),
                justification: graded
                    .case
                    .entry(comparison.question.as_str())
                    .map(|entry| LocalizedText::from(&entry.justification))
                    .unwrap_or_else(|| LocalizedText {
                        fr: String::new(),
                        en: String::new(),
                    }),
                answer: comparison.given.map(AnswerValue::from),
                comment: comment_of(&graded.sheet, group, &comparison.question),
                outcome: outcome(comparison.outcome),
            })
            .collect(),
    })
}

/// The class workbook (XLSX): one sheet for the class, one per group.
pub fn class_xlsx(
    store: &mut Store,
    id: AssessmentId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, ApiError> {
    let graded = grade(store, id)?;
    tcm_interchange::workbook::write_class_workbook(
        &tcm_interchange::workbook::ClassWorkbookInput {
            case: graded.case,
            questionnaire: &graded.questionnaire,
            grade: &graded.grade,
            answers: &graded.sheet,
            class_name: &graded.class_name,
            language: graded.language,
            date: now.date_naive(),
        },
    )
    .map_err(|error| ApiError::new(ErrorKind::Internal, error.to_string()))
}

/// The class report (PDF): the groups against the key, the debrief list, one page per group.
pub fn class_pdf(
    store: &mut Store,
    id: AssessmentId,
    now: chrono::DateTime<chrono::Utc>,
    show_ranking: bool,
) -> Result<Vec<u8>, ApiError> {
    let graded = grade(store, id)?;
    tcm_report::render_class_report(&tcm_report::ClassReportInput {
        case: graded.case,
        questionnaire: &graded.questionnaire,
        grade: &graded.grade,
        answers: &graded.sheet,
        class_name: &graded.class_name,
        language: graded.language,
        date: now.date_naive(),
        show_ranking,
    })
    .map_err(|error| ApiError::new(ErrorKind::Internal, error.to_string()))
}

/// Writes the class workbook or the class report to `path` (never over the database).
pub fn export_class(
    workbench: &Workbench,
    id: i64,
    kind: ClassExportKind,
    show_ranking: bool,
    path: &std::path::Path,
) -> Result<(), ApiError> {
    let bytes = workbench.with_store(|store, now| match kind {
        ClassExportKind::Xlsx => class_xlsx(store, AssessmentId(id), now),
        ClassExportKind::Pdf => class_pdf(store, AssessmentId(id), now, show_ranking),
    })?;
    crate::files::write_output(&workbench.path(), path, &bytes)
}
