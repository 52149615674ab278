//! The private benchmark of an assessment: the consultant's other clients — the audits in the
//! database and, when the user picks one, a folder of `.tcm` files — as distributions per
//! stage and for the index, and the client placed on them (`tcm_core::strategy::benchmark`:
//! one audit per client, cells of at least five, quartiles only). The client's own audits are
//! never among them. What crosses to the UI never holds a single client's figure: quartiles
//! and counts of at least five, no list, no minimum or maximum. The report's section reads
//! the database's benchmark through [`benchmark_of`].

use std::collections::HashSet;
use std::path::Path;

use tcm_core::strategy::benchmark::{
    AuditFigures, BenchmarkFigure, Cell, Filter, Measure, PastAudit, available_filters,
    benchmark_filtered, one_per_client,
};
use tcm_core::{Language, Score};
use tcm_interchange::portable;
use tcm_store::{AssessmentId, Store};

use crate::class_import::{list_folder, read_bounded};
use crate::error::ApiError;
use crate::transfer::{
    BenchmarkFigureView, BenchmarkFilter, BenchmarkFilterOption, BenchmarkView, count,
};
use crate::workbench::Workbench;

/// Audits read from a folder of `.tcm` files.
#[derive(Debug, Default)]
pub struct FolderAudits {
    /// Each readable audit with its global id (a copy of an audit in the database counts once).
    audits: Vec<(String, PastAudit)>,
    /// Files that could not be read.
    refused: usize,
}

/// Reads every `.tcm` file of `folder` (not its sub-folders): its organisation and its stage
/// scores, scored by `tcm_core::score`. Class exercises are left out; a file that cannot be
/// read is counted, never fatal.
pub fn read_folder(folder: &Path) -> Result<FolderAudits, ApiError> {
    let (files, _) = list_folder(folder, "choose a folder that holds only audits")?;
    let mut read = FolderAudits::default();
    for path in files {
        let Ok(bytes) = read_bounded(&path) else {
            read.refused += 1;
            continue;
        };
        let Ok(file) = portable::from_json(&bytes) else {
            read.refused += 1;
            continue;
        };
        let Ok(questionnaire) = file.questionnaire() else {
            read.refused += 1;
            continue;
        };
        if file.assessment.mode == tcm_core::Mode::Classroom {
            continue;
        }
        let card = tcm_core::score(&questionnaire, &file.answer_sheet());
        let mut stages = [None; 5];
        for stage in &card.stages {
            stages[stage.stage.index()] = stage.result.score.map(Score::value);
        }
        read.audits.push((
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
        ));
    }
    Ok(read)
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
/// and, when given, the `.tcm` files of `folder`; texts in `language`.
pub fn benchmark(
    workbench: &Workbench,
    assessment: i64,
    filter: BenchmarkFilter,
    folder: Option<&Path>,
    language: &str,
) -> Result<BenchmarkView, ApiError> {
    let language: Language = language
        .parse()
        .map_err(|error: tcm_core::text::UnknownLanguage| ApiError::invalid(error.to_string()))?;
    let read = folder.map(read_folder).transpose()?;
    workbench.with_store(|store, _| {
        let id = AssessmentId(assessment);
        let computed = benchmark_of(store, id, filter.into(), read.as_ref())?;
        let questionnaire = store.questionnaire(id)?;
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
            folder: folder.map(|folder| folder.display().to_string()),
            files_read: count(computed.files_read),
            files_refused: count(read.as_ref().map_or(0, |read| read.refused)),
        })
    })
}
