//! Reading a questionnaire file (TOML, formats 1 and 2) into a validated [`Questionnaire`], or
//! into the list of every problem it has.
//!
//! Format 2 adds to each question a `rubric` (required: levels 0–4 in both languages), and
//! optional `quote`, `depends_on` and `may_not_apply`. Format 1 files (version 1 of the grid,
//! snapshots stored with old assessments) stay readable: there the new keys are optional.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{DiagnosticSink, InvalidQuestionnaire};
use super::model::{
    Question, QuestionId, Questionnaire, QuestionnaireParts, RecommendedAction, Rubric, ScaleLevel,
    Stage, Theme, ThemeId, VariantOrigin,
};
use super::reader::{Sink, TableReader};
use super::variant::VariantSpec;
use crate::level::Level;
use crate::stage::StageId;
use crate::text::{Language, Localized};

/// The newest file format this code reads and writes (the `format` key).
pub const FORMAT_VERSION: i64 = 2;

/// The oldest file format this code still reads.
pub const OLDEST_FORMAT_VERSION: i64 = 1;

/// Longest id accepted for questionnaires, themes and questions.
const MAX_ID_LENGTH: usize = 40;

/// A questionnaire file: either a full grid or a variant defined by reference to a grid's
/// question ids (such as the classroom variant).
#[derive(Debug, Clone)]
pub enum QuestionnaireFile {
    Grid(Questionnaire),
    Variant(VariantSpec),
}

/// Parses and validates a questionnaire file. `file` names it in diagnostics.
///
/// Every problem is reported, each with its line and column; a malformed file never panics.
pub fn parse_questionnaire_file(
    text: &str,
    file: &str,
) -> Result<QuestionnaireFile, InvalidQuestionnaire> {
    let sink = RefCell::new(DiagnosticSink::new(file, text));
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        for error in syntax_errors {
            let span = error.span().unwrap_or(0..0);
            sink.borrow_mut().error(
                span,
                format!("TOML syntax error: {}", error.message().trim()),
            );
        }
        return Err(finish_with_errors(sink));
    }
    let root = TableReader::new(&sink, root.get_ref(), 0..0, "the questionnaire");
    let file_kind = if root.get("base").is_some() {
        VariantSpec::read(&root, file).map(QuestionnaireFile::Variant)
    } else {
        read_grid(&root).map(QuestionnaireFile::Grid)
    };
    root.finish();
    let sink = sink.into_inner();
    match (sink.finish(), file_kind) {
        (Ok(()), Some(file_kind)) => Ok(file_kind),
        (Err(invalid), _) => Err(invalid),
        (Ok(()), None) => Err(InvalidQuestionnaire {
            file: file.to_owned(),
            diagnostics: Vec::new(),
        }),
    }
}

fn finish_with_errors(sink: Sink<'_>) -> InvalidQuestionnaire {
    match sink.into_inner().finish() {
        Err(invalid) => invalid,
        Ok(()) => unreachable!("errors were recorded"),
    }
}

/// The header every questionnaire file has: format, id, version, title, description.
pub(crate) struct Header {
    /// The `format` key (1 when it could not be read, so that checks stay lenient).
    pub format: i64,
    pub id: String,
    pub version: semver::Version,
    pub title: crate::text::Localized,
    pub description: Option<crate::text::Localized>,
}

pub(crate) fn read_header(root: &TableReader<'_, '_, '_>) -> Option<Header> {
    let format = root.integer("format");
    if let Some(format) = &format
        && !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(format.get_ref())
    {
        root.error(
            format.span(),
            format!(
                "unsupported format {} (this version of TCM Workbench reads formats {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION})",
                format.get_ref()
            ),
        );
    }
    let format = format
        .map(|format| *format.get_ref())
        .filter(|format| (OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(format))
        .unwrap_or(OLDEST_FORMAT_VERSION);
    let id = read_id(root, "id", "questionnaire id");
    let version = read_version(root);
    let title = root.localized("title");
    let description = root.optional_localized("description");
    Some(Header {
        format,
        id: id?,
        version: version?,
        title: title?,
        description,
    })
}

/// An identifier: letters, digits, `-`, `_` or `.`, starting with a letter or digit.
pub(crate) fn read_id(table: &TableReader<'_, '_, '_>, key: &str, what: &str) -> Option<String> {
    let id = table.string(key)?;
    check_id(table, id.get_ref(), id.span(), what).then(|| id.get_ref().to_string())
}

/// The `version` key of `table`: a semantic version such as `1.0.0`.
pub(crate) fn read_version(table: &TableReader<'_, '_, '_>) -> Option<semver::Version> {
    let version = table.string("version")?;
    semver::Version::parse(version.get_ref())
        .map_err(|error| {
            table.error(
                version.span(),
                format!(
                    "`version` must be a semantic version such as 1.0.0, found `{}` ({error})",
                    version.get_ref()
                ),
            );
        })
        .ok()
}

/// The `version` key of table `name`: a version requirement such as `example`.
pub(crate) fn read_version_requirement(
    table: &TableReader<'_, '_, '_>,
    name: &str,
    example: &str,
) -> Option<semver::VersionReq> {
    let requirement = table.string("version")?;
    semver::VersionReq::parse(requirement.get_ref())
        .map_err(|error| {
            table.error(
                requirement.span(),
                format!(
                    "`version` of `{name}` must be a version requirement such as {example}, found `{}` ({error})",
                    requirement.get_ref()
                ),
            );
        })
        .ok()
}

pub(crate) fn check_id(
    table: &TableReader<'_, '_, '_>,
    id: &str,
    span: Range<usize>,
    what: &str,
) -> bool {
    let well_formed = id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.len() <= MAX_ID_LENGTH;
    if !well_formed {
        table.error(
            span,
            format!(
                "invalid {what} `{id}`: use letters, digits, `-`, `_` or `.` (at most {MAX_ID_LENGTH} characters)"
            ),
        );
    }
    well_formed
}

fn read_grid(root: &TableReader<'_, '_, '_>) -> Option<Questionnaire> {
    let header = read_header(root);
    let variant_of = root.optional_table("variant_of").and_then(|mut origin| {
        origin.set_context("`variant_of`");
        let id = read_id(&origin, "id", "base questionnaire id");
        let version = origin.string("version").and_then(|version| {
            semver::Version::parse(version.get_ref())
                .map_err(|error| {
                    origin.error(
                        version.span(),
                        format!("`version` of `variant_of` must be a semantic version ({error})"),
                    )
                })
                .ok()
        });
        origin.finish();
        Some(VariantOrigin {
            id: id?,
            version: version?,
        })
    });
    let scale = read_scale(root);
    let stages = read_stages(root);
    let declared: Vec<StageId> = stages.iter().flatten().map(|(stage, _)| stage.id).collect();
    let themes = read_themes(root, &declared);
    let format = header
        .as_ref()
        .map_or(OLDEST_FORMAT_VERSION, |header| header.format);
    let questions = read_questions(
        root,
        format,
        &declared,
        themes.as_deref().unwrap_or_default(),
    );
    if let (Some(stages), Some(themes), Some(questions)) = (&stages, &themes, &questions) {
        check_every_group_has_questions(root, stages, themes, questions);
    }
    if let Some(questions) = &questions {
        check_dependencies(root, questions);
    }
    Some(Questionnaire::assemble(QuestionnaireParts {
        id: header.as_ref()?.id.clone(),
        version: header.as_ref()?.version.clone(),
        title: header.as_ref()?.title.clone(),
        description: header?.description,
        scale: scale?,
        stages: stages?.into_iter().map(|(stage, _)| stage).collect(),
        themes: themes?.into_iter().map(|(theme, _)| theme).collect(),
        questions: questions?
            .into_iter()
            .map(|(question, _)| question)
            .collect(),
        variant_of,
    }))
}

fn read_scale(root: &TableReader<'_, '_, '_>) -> Option<Vec<ScaleLevel>> {
    let (span, items) = root.array("scale")?;
    let mut levels: Vec<Option<(ScaleLevel, Range<usize>)>> = vec![None, None, None, None, None];
    let mut complete = true;
    for entry in root.tables_of("scale", items, |position| {
        format!("scale entry #{}", position + 1)
    }) {
        let mut entry = entry;
        let level = entry.integer_in("level", 0, i64::from(Level::MAX.value()));
        if let Some(level) = &level {
            entry.set_context(format!("scale level {}", level.get_ref()));
        }
        let label = entry.localized("label");
        let description = entry.localized("description");
        entry.finish();
        let (Some(level), Some(label), Some(description)) = (level, label, description) else {
            complete = false;
            continue;
        };
        let slot = &mut levels[*level.get_ref() as usize];
        match slot {
            Some((_, first)) => {
                let first_line = entry.line_of(first);
                entry.error(
                    level.span(),
                    format!(
                        "scale level {} is defined twice (first at line {first_line})",
                        level.get_ref()
                    ),
                );
                complete = false;
            }
            None => {
                *slot = Some((
                    ScaleLevel {
                        level: Level::new(*level.get_ref() as u8)?,
                        label,
                        description,
                    },
                    level.span(),
                ))
            }
        }
    }
    let missing: Vec<String> = levels
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.is_none())
        .map(|(level, _)| level.to_string())
        .collect();
    if complete && !missing.is_empty() {
        root.error(
            span,
            format!(
                "the scale must define every level from 0 to 4; missing: {}",
                missing.join(", ")
            ),
        );
    }
    levels
        .into_iter()
        .map(|slot| slot.map(|(level, _)| level))
        .collect()
}

fn read_stages(root: &TableReader<'_, '_, '_>) -> Option<Vec<(Stage, Range<usize>)>> {
    let (span, items) = root.array("stages")?;
    let mut stages: Vec<(Stage, Range<usize>)> = Vec::new();
    let mut complete = true;
    for mut entry in root.tables_of("stages", items, |position| {
        format!("stage entry #{}", position + 1)
    }) {
        let id = entry.string("id").and_then(|id| {
            id.get_ref()
                .parse::<StageId>()
                .map_err(|error| entry.error(id.span(), error.to_string()))
                .ok()
                .map(|stage| Spanned::new(id.span(), stage))
        });
        if let Some(id) = &id {
            entry.set_context(format!("stage `{}`", id.get_ref()));
        }
        let name = entry.localized("name");
        let purpose = entry.localized("purpose");
        entry.finish();
        let (Some(id), Some(name), Some(purpose)) = (id, name, purpose) else {
            complete = false;
            continue;
        };
        if stages.iter().any(|(stage, _)| stage.id == *id.get_ref()) {
            entry.error(
                id.span(),
                format!("stage `{}` is declared twice", id.get_ref()),
            );
            complete = false;
            continue;
        }
        stages.push((
            Stage {
                id: *id.get_ref(),
                name,
                purpose,
            },
            entry.span(),
        ));
    }
    let missing: Vec<&str> = StageId::ALL
        .iter()
        .filter(|id| !stages.iter().any(|(stage, _)| stage.id == **id))
        .map(|id| id.as_str())
        .collect();
    if complete && !missing.is_empty() {
        root.error(
            span,
            format!(
                "the five stages of the cycle must all be declared; missing: {}",
                missing.join(", ")
            ),
        );
    }
    stages.sort_by_key(|(stage, _)| stage.id);
    (complete && missing.is_empty()).then_some(stages)
}

fn read_themes(
    root: &TableReader<'_, '_, '_>,
    declared: &[StageId],
) -> Option<Vec<(Theme, Range<usize>)>> {
    let (_, items) = root.array("themes")?;
    let mut themes: Vec<(Theme, Range<usize>)> = Vec::new();
    let mut complete = true;
    for mut entry in root.tables_of("themes", items, |position| {
        format!("theme entry #{}", position + 1)
    }) {
        let id = entry
            .string("id")
            .filter(|id| check_id(&entry, id.get_ref(), id.span(), "theme id"));
        if let Some(id) = &id {
            entry.set_context(format!("theme `{}`", id.get_ref()));
        }
        let stage = read_stage_reference(&entry, declared);
        let name = entry.localized("name");
        let description = entry.optional_localized("description");
        entry.finish();
        let (Some(id), Some(stage), Some(name)) = (id, stage, name) else {
            complete = false;
            continue;
        };
        if let Some((_, first)) = themes
            .iter()
            .find(|(theme, _)| theme.id.as_str() == *id.get_ref())
        {
            let first_line = entry.line_of(first);
            entry.error(
                id.span(),
                format!(
                    "duplicate theme id `{}` (first defined at line {first_line})",
                    id.get_ref()
                ),
            );
            complete = false;
            continue;
        }
        themes.push((
            Theme {
                id: ThemeId::new(*id.get_ref()),
                stage,
                name,
                description,
            },
            entry.span(),
        ));
    }
    complete.then_some(themes)
}

/// The `stage` key of a theme or question: one of the five, and declared in `stages`.
fn read_stage_reference(entry: &TableReader<'_, '_, '_>, declared: &[StageId]) -> Option<StageId> {
    let stage = entry.string("stage")?;
    match stage.get_ref().parse::<StageId>() {
        Err(error) => {
            entry.error(stage.span(), format!("{error} in {}", entry.context()));
            None
        }
        Ok(id) if !declared.contains(&id) => {
            entry.error(
                stage.span(),
                format!(
                    "stage `{id}` of {} is not declared in `stages`",
                    entry.context()
                ),
            );
            None
        }
        Ok(id) => Some(id),
    }
}

fn read_questions(
    root: &TableReader<'_, '_, '_>,
    format: i64,
    declared: &[StageId],
    themes: &[(Theme, Range<usize>)],
) -> Option<Vec<(Question, Range<usize>)>> {
    let (_, items) = root.array("questions")?;
    let mut questions: Vec<(Question, Range<usize>)> = Vec::new();
    let mut first_definition: HashMap<String, Range<usize>> = HashMap::new();
    let mut complete = true;
    for mut entry in root.tables_of("questions", items, |position| {
        format!("question #{}", position + 1)
    }) {
        let id = entry
            .string("id")
            .filter(|id| check_id(&entry, id.get_ref(), id.span(), "question id"));
        if let Some(id) = &id {
            entry.set_context(format!("question `{}`", id.get_ref()));
            if let Some(first) = first_definition.get(*id.get_ref()) {
                entry.error(
                    id.span(),
                    format!(
                        "duplicate question id `{}` (first defined at line {})",
                        id.get_ref(),
                        entry.line_of(first)
                    ),
                );
                complete = false;
            } else {
                first_definition.insert(id.get_ref().to_string(), id.span());
            }
        }
        let stage = read_stage_reference(&entry, declared);
        let theme = entry.string("theme");
        let text = entry.localized("text");
        let help = entry.localized("help");
        let weight = read_weight(&entry);
        let source = entry.string("source");
        let quote = entry
            .get("quote")
            .is_some()
            .then(|| entry.string("quote"))
            .flatten();
        let rubric = if format >= 2 || entry.get("rubric").is_some() {
            read_rubric(&entry)
        } else {
            None
        };
        let rubric_ok = rubric.is_some() || (format < 2 && entry.get("rubric").is_none());
        let depends_on = read_depends_on(&entry);
        let may_not_apply = entry.optional_localized("may_not_apply");
        let look_for = entry.optional_localized("look_for");
        let action = entry.table("action").and_then(|action| {
            let mut action = action;
            action.set_context(format!("the action of {}", entry.context()));
            read_action(&action)
        });
        entry.finish();
        let theme = match (&theme, stage) {
            (Some(theme), Some(stage)) => check_theme(&entry, theme, stage, themes),
            _ => None,
        };
        match (id, stage, theme, text, help, weight, source, action) {
            _ if !rubric_ok => complete = false,
            (
                Some(id),
                Some(stage),
                Some(theme),
                Some(text),
                Some(help),
                Some(weight),
                Some(source),
                Some(action),
            ) => questions.push((
                Question {
                    id: QuestionId::new(*id.get_ref()),
                    stage,
                    theme,
                    text,
                    help,
                    weight,
                    source: source.get_ref().trim().to_string(),
                    quote: quote.map(|quote| quote.get_ref().trim().to_string()),
                    rubric,
                    depends_on: depends_on.unwrap_or_default(),
                    may_not_apply,
                    action,
                    look_for,
                },
                entry.span(),
            )),
            _ => complete = false,
        }
    }
    complete.then_some(questions)
}

/// `rubric`: a table with `fr` and `en`, each an array of exactly five non-empty strings, the
/// descriptions of levels 0 to 4.
fn read_rubric(entry: &TableReader<'_, '_, '_>) -> Option<Rubric> {
    let mut rubric = entry.table("rubric")?;
    rubric.set_context(format!("the rubric of {}", entry.context()));
    let texts = Language::ALL.map(|language| {
        let (span, items) = rubric.array(language.code())?;
        if items.len() != 5 {
            rubric.error(
                span,
                format!(
                    "`rubric.{}` in {} must list the five levels 0 to 4, found {} entries",
                    language.code(),
                    entry.context(),
                    items.len()
                ),
            );
            return None;
        }
        let mut levels = Vec::with_capacity(5);
        for (level, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::String(text) if !text.trim().is_empty() => {
                    levels.push(text.trim().to_string())
                }
                DeValue::String(_) => {
                    rubric.error(
                        item.span(),
                        format!(
                            "level {level} of `rubric.{}` in {} is empty",
                            language.code(),
                            entry.context()
                        ),
                    );
                    return None;
                }
                other => {
                    rubric.error(
                        item.span(),
                        format!(
                            "level {level} of `rubric.{}` in {} must be a string, found {}",
                            language.code(),
                            entry.context(),
                            super::reader::kind_of(other)
                        ),
                    );
                    return None;
                }
            }
        }
        Some(levels)
    });
    rubric.finish();
    let [Some(fr), Some(en)] = texts else {
        return None;
    };
    let mut pairs = fr
        .into_iter()
        .zip(en)
        .map(|(fr, en)| Localized::new(fr, en));
    let levels = [(); 5].map(|()| pairs.next().unwrap_or_default());
    Some(Rubric::new(levels))
}

/// `depends_on`: an array of question ids (checked against the grid afterwards).
fn read_depends_on(entry: &TableReader<'_, '_, '_>) -> Option<Vec<QuestionId>> {
    let value = entry.get("depends_on")?;
    let DeValue::Array(items) = value.get_ref() else {
        entry.error(
            value.span(),
            format!(
                "`depends_on` in {} must be an array of question ids",
                entry.context()
            ),
        );
        return None;
    };
    let mut ids = Vec::new();
    for item in items {
        match item.get_ref() {
            DeValue::String(id) if check_id(entry, id, item.span(), "question id") => {
                let id = QuestionId::new(id.as_ref());
                if ids.contains(&id) {
                    entry.error(
                        item.span(),
                        format!("`depends_on` in {} lists `{id}` twice", entry.context()),
                    );
                } else {
                    ids.push(id);
                }
            }
            DeValue::String(_) => {}
            other => entry.error(
                item.span(),
                format!(
                    "each entry of `depends_on` in {} must be a question id, found {}",
                    entry.context(),
                    super::reader::kind_of(other)
                ),
            ),
        }
    }
    Some(ids)
}

fn check_theme(
    entry: &TableReader<'_, '_, '_>,
    theme: &Spanned<&str>,
    stage: StageId,
    themes: &[(Theme, Range<usize>)],
) -> Option<ThemeId> {
    match themes
        .iter()
        .find(|(known, _)| known.id.as_str() == *theme.get_ref())
    {
        None => {
            entry.error(
                theme.span(),
                format!("unknown theme `{}` in {}", theme.get_ref(), entry.context()),
            );
            None
        }
        Some((known, _)) if known.stage != stage => {
            entry.error(
                theme.span(),
                format!(
                    "theme `{}` belongs to stage `{}`, but {} is in stage `{stage}`",
                    theme.get_ref(),
                    known.stage,
                    entry.context()
                ),
            );
            None
        }
        Some((known, _)) => Some(known.id.clone()),
    }
}

/// The largest weight a question may have. Far above any grid's (tcm-92 uses 1 and 2), and
/// low enough that no sum of weights over any questionnaire overflows.
pub const MAX_WEIGHT: f64 = 100.0;

/// `weight`: a finite number greater than 0 and at most [`MAX_WEIGHT`]; 1 when absent.
fn read_weight(entry: &TableReader<'_, '_, '_>) -> Option<f64> {
    if entry.get("weight").is_none() {
        return Some(1.0);
    }
    let weight = entry.optional_number("weight")?;
    let value = *weight.get_ref();
    let problem = if !value.is_finite() {
        format!(
            "`weight` of {} must be a finite number, found {value}",
            entry.context()
        )
    } else if value <= 0.0 {
        format!(
            "`weight` of {} must be greater than 0, found {value}",
            entry.context()
        )
    } else if value > MAX_WEIGHT {
        format!(
            "`weight` of {} must be at most {MAX_WEIGHT}, found {}",
            entry.context(),
            readable(value)
        )
    } else {
        return Some(value);
    };
    entry.error(weight.span(), problem);
    None
}

/// A number as people write it: `100.5`, but `1e308` rather than its 309 digits.
fn readable(value: f64) -> String {
    if value.abs() >= 1e9 {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

fn read_action(action: &TableReader<'_, '_, '_>) -> Option<RecommendedAction> {
    let title = action.localized("title");
    let description = action.localized("description");
    let effort = action.integer_in("effort", 1, 3);
    let impact = action.integer_in("impact", 1, 3);
    action.finish();
    Some(RecommendedAction {
        title: title?,
        description: description?,
        effort: *effort?.get_ref() as u8,
        impact: *impact?.get_ref() as u8,
    })
}

/// Every id in `depends_on` names a question of the grid other than itself, and following
/// the dependencies never comes back to where it started.
fn check_dependencies(root: &TableReader<'_, '_, '_>, questions: &[(Question, Range<usize>)]) {
    let position: HashMap<&str, usize> = questions
        .iter()
        .enumerate()
        .map(|(index, (question, _))| (question.id.as_str(), index))
        .collect();
    let mut well_formed = true;
    for (question, span) in questions {
        for dependency in &question.depends_on {
            if dependency == &question.id {
                root.error(
                    span.clone(),
                    format!("question `{}` depends on itself", question.id),
                );
                well_formed = false;
            } else if !position.contains_key(dependency.as_str()) {
                root.error(
                    span.clone(),
                    format!(
                        "question `{}` depends on `{dependency}`, which is not in the questionnaire",
                        question.id
                    ),
                );
                well_formed = false;
            }
        }
    }
    if !well_formed {
        return;
    }
    // Depth-first search with three colours: 0 unvisited, 1 on the current path, 2 done.
    let mut colour = vec![0u8; questions.len()];
    for start in 0..questions.len() {
        if colour[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some((node, next)) = stack.last_mut() {
            let node = *node;
            let dependencies = &questions[node].0.depends_on;
            if *next < dependencies.len() {
                let target = position[dependencies[*next].as_str()];
                *next += 1;
                match colour[target] {
                    0 => {
                        colour[target] = 1;
                        stack.push((target, 0));
                    }
                    1 => {
                        let cycle: Vec<&str> = stack
                            .iter()
                            .skip_while(|(index, _)| *index != target)
                            .map(|(index, _)| questions[*index].0.id.as_str())
                            .chain([questions[target].0.id.as_str()])
                            .collect();
                        root.error(
                            questions[node].1.clone(),
                            format!("`depends_on` forms a cycle: {}", cycle.join(" → ")),
                        );
                        return;
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
}

fn check_every_group_has_questions(
    root: &TableReader<'_, '_, '_>,
    stages: &[(Stage, Range<usize>)],
    themes: &[(Theme, Range<usize>)],
    questions: &[(Question, Range<usize>)],
) {
    for (stage, span) in stages {
        if !questions
            .iter()
            .any(|(question, _)| question.stage == stage.id)
        {
            root.error(
                span.clone(),
                format!("stage `{}` has no question", stage.id),
            );
        }
    }
    for (theme, span) in themes {
        if !questions
            .iter()
            .any(|(question, _)| question.theme == theme.id)
        {
            root.error(
                span.clone(),
                format!("theme `{}` has no question", theme.id),
            );
        }
    }
}
