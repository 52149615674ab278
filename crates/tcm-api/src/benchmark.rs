//! The private benchmark of an assessment: the consultant's other clients — the audits in the
//! database and, when the user chose one, a folder of `.tcm` files — as distributions per
//! stage and for the index, and the client placed on them (`tcm_core::strategy::benchmark`:
//! one audit per client, cells of at least five, quartiles only). The client's own audits are
//! never among them. What crosses to the UI never holds a single client's figure: quartiles
//! and counts of at least five, no list, no minimum or maximum. The report's section reads
//! the same benchmark through [`benchmark_of`].
//!
//! The folder is remembered in the database (`tcm-store`'s `database_settings.rs`), so it
//! travels with the file; whether it can still be read is checked each time it is used, and a
//! folder gone or unreadable is said ([`FolderReading::problem`]) without failing the
//! benchmark or the report, which then rest on the database's audits. Its files are hostile
//! until read: one at a time, within [`MAX_FILE_BYTES`], at most [`MAX_FOLDER_FILES`] of them,
//! each refused with its reason rather than failing the folder; reading them reports progress
//! and stops when cancelled.

use std::collections::{BTreeSet, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use tcm_core::strategy::benchmark::{
    AuditFigures, BenchmarkFigure, Cell, Filter, Measure, PastAudit, available_filters,
    benchmark_filtered, one_per_client,
};
use tcm_core::{Language, Score};
use tcm_interchange::portable::{self, MAX_FILE_BYTES};
use tcm_store::{AssessmentId, Store};

use crate::error::ApiError;
use crate::operation::Progress;
use crate::transfer::{
    BenchmarkFigureView, BenchmarkFileRefusal, BenchmarkFilter, BenchmarkFilterOption,
    BenchmarkFolderIssue, BenchmarkFolderProblem, BenchmarkView, OperationStep,
    RefusedBenchmarkFile, count,
};
use crate::workbench::Workbench;

/// The most `.tcm` files read from the folder: the first ones by name (the benchmark's own
/// bench measures 500 audits; a consultant's archive of a few thousand still fits).
pub const MAX_FOLDER_FILES: usize = 5000;

/// The most refused files listed one by one (all are counted).
pub const MAX_LISTED_REFUSALS: usize = 200;

/// What the benchmark is cancelled as.
const DOING: &str = "reading the benchmark's folder";

/// Where the benchmark's folder comes from.
#[derive(Debug, Clone, Copy)]
pub enum FolderSource<'a> {
    /// The folder remembered in the database, if any.
    Remembered,
    /// This folder, for this once (`tcm report --benchmark-folder`).
    Given(&'a Path),
    /// No folder: the database's audits alone.
    Without,
}

/// Audits read from a folder of `.tcm` files.
#[derive(Debug, Default)]
pub struct FolderAudits {
    /// Each readable audit with its global id (a copy of an audit in the database counts once).
    audits: Vec<(String, PastAudit)>,
    /// Files that were not counted: how many, and the first [`MAX_LISTED_REFUSALS`] with why.
    refused_count: usize,
    refused: Vec<RefusedBenchmarkFile>,
    /// `.tcm` files beyond the first [`MAX_FOLDER_FILES`] by name.
    not_read: usize,
}

impl FolderAudits {
    fn refuse(&mut self, file: String, reason: BenchmarkFileRefusal, message: String) {
        self.refused_count += 1;
        if self.refused.len() < MAX_LISTED_REFUSALS {
            self.refused.push(RefusedBenchmarkFile {
                message: format!("{file}: {message}"),
                file,
                reason,
            });
        }
    }

    /// How many files were not counted.
    pub fn refused_count(&self) -> usize {
        self.refused_count
    }

    /// The files not counted (the first [`MAX_LISTED_REFUSALS`]), with why.
    pub fn refused(&self) -> &[RefusedBenchmarkFile] {
        &self.refused
    }

    /// How many `.tcm` files were left unread beyond [`MAX_FOLDER_FILES`].
    pub fn not_read(&self) -> usize {
        self.not_read
    }

    /// How many audits were read.
    pub fn audits_read(&self) -> usize {
        self.audits.len()
    }
}

/// The benchmark's folder as it was found when used: none, its audits, or why it could not be
/// used.
#[derive(Debug, Default)]
pub struct FolderReading {
    /// The folder, as remembered or given.
    pub folder: Option<String>,
    audits: Option<FolderAudits>,
    problem: Option<BenchmarkFolderProblem>,
}

impl FolderReading {
    /// No folder.
    pub fn none() -> FolderReading {
        FolderReading::default()
    }

    /// Reads the folder `source` names (`store` holds the remembered one).
    pub fn of(
        source: FolderSource<'_>,
        store: &Store,
        progress: &Progress,
    ) -> Result<FolderReading, ApiError> {
        let folder = match source {
            FolderSource::Remembered => store.benchmark_folder()?.map(PathBuf::from),
            FolderSource::Given(folder) => Some(folder.to_owned()),
            FolderSource::Without => None,
        };
        match folder {
            Some(folder) => FolderReading::read(&folder, progress),
            None => Ok(FolderReading::none()),
        }
    }

    /// Reads the folder remembered in the database without holding the database (other
    /// commands go on meanwhile), its files counted in `progress`, cancelled through it. A
    /// folder gone or unreadable is not an error: the reading says why ([`Self::problem`]).
    pub fn remembered(
        workbench: &Workbench,
        progress: &Progress,
    ) -> Result<FolderReading, ApiError> {
        let remembered = workbench.with_store(|store, _| Ok(store.benchmark_folder()?))?;
        match remembered {
            Some(folder) => FolderReading::read(Path::new(&folder), progress),
            None => Ok(FolderReading::none()),
        }
    }

    /// Reads `folder`; cancelled through `progress`, answers [`crate::ErrorKind::Cancelled`].
    pub fn read(folder: &Path, progress: &Progress) -> Result<FolderReading, ApiError> {
        let (audits, problem) = match read_folder(folder, progress)? {
            Ok(audits) => (Some(audits), None),
            Err(problem) => (None, Some(problem)),
        };
        Ok(FolderReading {
            folder: Some(folder.display().to_string()),
            audits,
            problem,
        })
    }

    /// Why the folder could not be used at all, when it could not.
    pub fn problem(&self) -> Option<&BenchmarkFolderProblem> {
        self.problem.as_ref()
    }

    /// The folder's audits, when it was read.
    pub fn audits(&self) -> Option<&FolderAudits> {
        self.audits.as_ref()
    }
}

fn folder_problem(issue: BenchmarkFolderIssue, folder: &Path, why: &str) -> BenchmarkFolderProblem {
    let shown = folder.display();
    let message = match issue {
        BenchmarkFolderIssue::Missing => format!(
            "the benchmark's folder {shown} is gone (moved, renamed or deleted, or its disk is not connected): its audits are left out; choose the folder again"
        ),
        BenchmarkFolderIssue::NotAFolder => format!(
            "the benchmark's folder {shown} is not a folder any more: its audits are left out; choose the folder again"
        ),
        BenchmarkFolderIssue::Unreadable => format!(
            "the benchmark's folder {shown} cannot be read ({why}): its audits are left out"
        ),
    };
    BenchmarkFolderProblem { issue, message }
}

/// The folder's `.tcm` files, the first [`MAX_FOLDER_FILES`] by name, and how many more there
/// are. Memory stays bounded however many entries the folder holds.
fn list_tcm_files(
    folder: &Path,
    progress: &Progress,
) -> Result<Result<(Vec<PathBuf>, usize), BenchmarkFolderProblem>, ApiError> {
    let metadata = match std::fs::metadata(folder) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Err(folder_problem(
                BenchmarkFolderIssue::Missing,
                folder,
                "",
            )));
        }
        Err(error) => {
            return Ok(Err(folder_problem(
                BenchmarkFolderIssue::Unreadable,
                folder,
                &error.to_string(),
            )));
        }
    };
    if !metadata.is_dir() {
        return Ok(Err(folder_problem(
            BenchmarkFolderIssue::NotAFolder,
            folder,
            "",
        )));
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            return Ok(Err(folder_problem(
                BenchmarkFolderIssue::Unreadable,
                folder,
                &error.to_string(),
            )));
        }
    };
    let mut kept = BTreeSet::new();
    let mut beyond = 0;
    for (index, entry) in entries.enumerate() {
        if index % 256 == 0 {
            progress.begin(OperationStep::Reading, DOING)?;
        }
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let is_tcm = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("tcm"));
        if !is_tcm {
            continue;
        }
        kept.insert(path);
        if kept.len() > MAX_FOLDER_FILES {
            kept.pop_last();
            beyond += 1;
        }
    }
    Ok(Ok((kept.into_iter().collect(), beyond)))
}

/// The most distinct questionnaires kept parsed while a folder is read.
const KEPT_QUESTIONNAIRES: usize = 8;

/// Questionnaires already parsed, by their snapshot's text: a consultant's files mostly share
/// one or two grids, and parsing a grid costs more than reading the rest of a file.
#[derive(Default)]
struct Grids(Vec<(String, std::sync::Arc<tcm_core::Questionnaire>)>);

impl Grids {
    fn parse(
        &mut self,
        file: &portable::PortableAssessment,
    ) -> Result<
        std::sync::Arc<tcm_core::Questionnaire>,
        tcm_core::questionnaire::InvalidQuestionnaire,
    > {
        if let Some((_, questionnaire)) = self
            .0
            .iter()
            .find(|(snapshot, _)| *snapshot == file.questionnaire_snapshot)
        {
            return Ok(std::sync::Arc::clone(questionnaire));
        }
        let questionnaire = std::sync::Arc::new(file.questionnaire()?);
        if self.0.len() < KEPT_QUESTIONNAIRES {
            self.0.push((
                file.questionnaire_snapshot.clone(),
                std::sync::Arc::clone(&questionnaire),
            ));
        }
        Ok(questionnaire)
    }
}

/// One file read as an audit, or why not.
fn read_audit(
    path: &Path,
    grids: &mut Grids,
) -> Result<Option<(String, PastAudit)>, (BenchmarkFileRefusal, String)> {
    let metadata = std::fs::metadata(path).map_err(|error| {
        (
            BenchmarkFileRefusal::Unreadable,
            format!("cannot be read: {error}"),
        )
    })?;
    // Checked before opening: opening a pipe named `.tcm` would wait for a writer.
    if !metadata.is_file() {
        return Err((
            BenchmarkFileRefusal::NotAFile,
            "is not a file (a folder, a device or a pipe)".to_owned(),
        ));
    }
    let too_large = || {
        (
            BenchmarkFileRefusal::TooLarge,
            format!(
                "is larger than {} MiB: it is not an audit's .tcm file",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    if metadata.len() > u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX) {
        return Err(too_large());
    }
    let unreadable = |error: std::io::Error| {
        (
            BenchmarkFileRefusal::Unreadable,
            format!("cannot be read: {error}"),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    // The file may have grown since its size was read.
    file.take(u64::try_from(MAX_FILE_BYTES).unwrap_or(u64::MAX) + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // The reader and the scoring were fuzzed; a panic all the same refuses this file alone.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| audit_of(&bytes, grids)))
        .unwrap_or_else(|_| {
            Err((
                BenchmarkFileRefusal::NotAnAudit,
                "could not be read as an audit (an internal error was caught)".to_owned(),
            ))
        })
}

/// A `.tcm` file's organisation and stage scores, scored by `tcm_core::score`; `None` for a
/// class exercise (its groups are students, not a client).
fn audit_of(
    bytes: &[u8],
    grids: &mut Grids,
) -> Result<Option<(String, PastAudit)>, (BenchmarkFileRefusal, String)> {
    let file = portable::from_json(bytes).map_err(|error| {
        (
            BenchmarkFileRefusal::NotAnAudit,
            format!("is not a readable .tcm file: {error}"),
        )
    })?;
    let questionnaire = grids.parse(&file).map_err(|error| {
        (
            BenchmarkFileRefusal::InvalidQuestionnaire,
            format!("its questionnaire cannot be read: {error}"),
        )
    })?;
    if file.assessment.mode == tcm_core::Mode::Classroom {
        return Ok(None);
    }
    let card = tcm_core::score(&questionnaire, &file.answer_sheet());
    let mut stages = [None; 5];
    for stage in &card.stages {
        stages[stage.stage.index()] = stage.result.score.map(Score::value);
    }
    Ok(Some((
        file.uuid.clone(),
        PastAudit {
            client: file.organisation.name.clone(),
            made_at: file.created_at.naive_utc(),
            figures: AuditFigures {
                sector: file.organisation.sector,
                size: file.organisation.size,
                stages,
                overall: card.overall.map(Score::value),
            },
        },
    )))
}

/// Reads the `.tcm` files of `folder` (not its sub-folders), one at a time, reporting each
/// file read: the audits, the files refused and why. A folder that cannot be used is the
/// inner error; only a cancel is the outer one.
pub fn read_folder(
    folder: &Path,
    progress: &Progress,
) -> Result<Result<FolderAudits, BenchmarkFolderProblem>, ApiError> {
    let (files, beyond) = match list_tcm_files(folder, progress)? {
        Ok(listed) => listed,
        Err(problem) => return Ok(Err(problem)),
    };
    let mut read = FolderAudits {
        not_read: beyond,
        ..FolderAudits::default()
    };
    let mut grids = Grids::default();
    for (index, path) in files.iter().enumerate() {
        if !progress.advance(OperationStep::Reading, index, files.len()) {
            return Err(Progress::cancelled(DOING));
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        match read_audit(path, &mut grids) {
            Ok(Some(audit)) => read.audits.push(audit),
            Ok(None) => read.refuse(
                name,
                BenchmarkFileRefusal::ClassExercise,
                "is a class exercise, not a client's audit".to_owned(),
            ),
            Err((reason, message)) => read.refuse(name, reason, message),
        }
    }
    progress.advance(OperationStep::Reading, files.len(), files.len());
    Ok(Ok(read))
}

/// The benchmark of one assessment, in domain terms.
pub(crate) struct Benchmark {
    pub filters: Vec<(Filter, usize)>,
    pub figures: Vec<BenchmarkFigure>,
    /// Folder audits that entered the benchmark's choice (before one per client).
    pub files_read: usize,
}

/// The benchmark of `id` drawn through `filter` from the database's other clients and
/// `folder`'s audits (those the database does not hold already). A class exercise has none.
pub(crate) fn benchmark_of(
    store: &mut Store,
    id: AssessmentId,
    filter: Filter,
    folder: Option<&FolderAudits>,
) -> Result<Benchmark, ApiError> {
    let list = store.audit_figures()?;
    let Some(client) = list.audits.iter().find(|audit| audit.id == id) else {
        // Not an audit of a client (a class exercise), or no such assessment.
        store.assessment_summary(id)?;
        return Ok(Benchmark {
            filters: Vec::new(),
            figures: Vec::new(),
            files_read: 0,
        });
    };
    let client_figures = AuditFigures {
        sector: client.sector,
        size: client.size,
        stages: client.stages,
        overall: client.overall,
    };
    let client_name = client.organisation_name.clone();
    let known: HashSet<&str> = list
        .audits
        .iter()
        .map(|audit| audit.uuid.as_str())
        .collect();
    let mut past: Vec<PastAudit> = list
        .audits
        .iter()
        .filter(|audit| audit.id != id)
        .map(|audit| PastAudit {
            client: audit.organisation_name.clone(),
            made_at: audit.created_at.naive_utc(),
            figures: AuditFigures {
                sector: audit.sector,
                size: audit.size,
                stages: audit.stages,
                overall: audit.overall,
            },
        })
        .collect();
    let mut files_read = 0;
    for (uuid, audit) in folder.map(|folder| folder.audits.as_slice()).unwrap_or(&[]) {
        if !known.contains(uuid.as_str()) {
            past.push(audit.clone());
            files_read += 1;
        }
    }
    let past = one_per_client(past, &client_name);
    Ok(Benchmark {
        filters: available_filters(&client_figures, &past),
        figures: benchmark_filtered(&client_figures, &past, filter),
        files_read,
    })
}

fn rounded(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn cell_filter(cell: Cell) -> BenchmarkFilter {
    match cell {
        Cell::SectorAndSize(..) => BenchmarkFilter::SectorAndSize,
        Cell::Sector(_) => BenchmarkFilter::Sector,
        Cell::Size(_) => BenchmarkFilter::Size,
        Cell::All => BenchmarkFilter::All,
    }
}

fn figure_view(
    figure: &BenchmarkFigure,
    questionnaire: &tcm_core::Questionnaire,
    language: Language,
) -> BenchmarkFigureView {
    let (stage, label) = match figure.measure {
        Measure::Stage(stage) => (
            Some(stage.into()),
            questionnaire.stage(stage).map_or_else(
                || stage.name(language),
                |found| found.name.get(language).to_owned(),
            ),
        ),
        Measure::Overall => (None, figure.measure.names().get(language).to_owned()),
    };
    BenchmarkFigureView {
        stage,
        label,
        cell: cell_filter(figure.cell),
        count: count(figure.count),
        first: rounded(figure.quartiles.first),
        median: rounded(figure.quartiles.median),
        third: rounded(figure.quartiles.third),
        client: figure.client.map(|(value, _)| rounded(value)),
        position: figure.client.map(|(_, position)| position.into()),
        sentence: figure.sentence.get(language).to_owned(),
    }
}

/// The benchmark of `assessment` drawn through `filter` from the database's other clients
/// and the `.tcm` files of the folder remembered in the database, if any; texts in `language`.
pub fn benchmark(
    workbench: &Workbench,
    assessment: i64,
    filter: BenchmarkFilter,
    language: &str,
) -> Result<BenchmarkView, ApiError> {
    benchmark_watched(workbench, assessment, filter, language, &Progress::none())
}

/// [`benchmark`], reporting the folder's files read; cancelled, it answers
/// [`crate::ErrorKind::Cancelled`] (it writes nothing either way).
pub fn benchmark_watched(
    workbench: &Workbench,
    assessment: i64,
    filter: BenchmarkFilter,
    language: &str,
    progress: &Progress,
) -> Result<BenchmarkView, ApiError> {
    let language: Language = language
        .parse()
        .map_err(|error: tcm_core::text::UnknownLanguage| ApiError::invalid(error.to_string()))?;
    let reading = FolderReading::remembered(workbench, progress)?;
    workbench.with_store(|store, _| benchmark_view(store, assessment, filter, &reading, language))
}

/// The benchmark's view from a folder already read.
pub fn benchmark_view(
    store: &mut Store,
    assessment: i64,
    filter: BenchmarkFilter,
    reading: &FolderReading,
    language: Language,
) -> Result<BenchmarkView, ApiError> {
    let id = AssessmentId(assessment);
    let computed = benchmark_of(store, id, filter.into(), reading.audits())?;
    let questionnaire = store.questionnaire(id)?;
    let audits = reading.audits();
    Ok(BenchmarkView {
        assessment,
        filter,
        filters: computed
            .filters
            .iter()
            .map(|(filter, audits)| BenchmarkFilterOption {
                filter: (*filter).into(),
                count: count(*audits),
            })
            .collect(),
        figures: computed
            .figures
            .iter()
            .map(|figure| figure_view(figure, &questionnaire, language))
            .collect(),
        folder: reading.folder.clone(),
        folder_problem: reading.problem().cloned(),
        files_read: count(computed.files_read),
        files_refused: count(audits.map_or(0, FolderAudits::refused_count)),
        refused: audits
            .map(|audits| audits.refused.clone())
            .unwrap_or_default(),
        files_not_read: count(audits.map_or(0, FolderAudits::not_read)),
    })
}

/// Remembers `folder` (a folder the user just chose) as the benchmark's, in the database, or
/// forgets it (`None`). A folder that cannot be listed now is refused, saying why.
pub fn set_benchmark_folder(workbench: &Workbench, folder: Option<&Path>) -> Result<(), ApiError> {
    let text = match folder {
        Some(folder) => {
            let text = folder.to_str().ok_or_else(|| {
                ApiError::invalid(format!(
                    "the folder {} has a name that is not valid Unicode: rename it or choose another",
                    folder.display()
                ))
            })?;
            if let Err(problem) = list_tcm_files(folder, &Progress::none())? {
                let shown = folder.display();
                let message = match problem.issue {
                    BenchmarkFolderIssue::Missing => format!("the folder {shown} does not exist"),
                    BenchmarkFolderIssue::NotAFolder => format!("{shown} is not a folder"),
                    BenchmarkFolderIssue::Unreadable => problem.message,
                };
                return Err(ApiError::new(crate::error::ErrorKind::Storage, message));
            }
            Some(text)
        }
        None => None,
    };
    workbench.with_store(|store, now| Ok(store.set_benchmark_folder(text, now)?))
}
