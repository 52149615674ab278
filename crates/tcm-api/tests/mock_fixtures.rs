//! Golden JSON for the UI's mock backend (`ui/src/mock/fixtures/`), written by the real
//! handlers so that the mock serves what the application answers instead of keeping its own
//! copy. `cargo test -p tcm-api` writes them; `scripts/test.sh` fails when the committed files
//! differ from what the tests wrote, exactly as for the TypeScript bindings.

use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/mock/fixtures")
}

/// Writes `value` as pretty JSON, only when it changed (so an unchanged tree stays untouched).
fn write_fixture<T: serde::Serialize>(name: &str, value: &T) {
    let mut text = serde_json::to_string_pretty(value).expect("serialisable");
    text.push('\n');
    let path = fixtures_dir().join(name);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    }
}

/// Writes `value` as JSON on one line (large fixtures), only when it changed.
fn write_compact_fixture<T: serde::Serialize>(name: &str, value: &T) {
    let mut text = serde_json::to_string(value).expect("serialisable");
    text.push('\n');
    let path = fixtures_dir().join(name);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    }
}

#[test]
fn the_forms_choices_come_from_the_real_handler() {
    let choices = tcm_api::assessments::form_choices().expect("choices");
    assert!(!choices.modes.is_empty() && !choices.action_statuses.is_empty());
    write_fixture("form-choices.json", &choices);
}

#[test]
fn the_maturity_levels_come_from_the_real_results() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = || {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 10, 0, 0)
            .single()
            .expect("date")
    };
    let workbench = tcm_api::Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = tcm_api::reports::open_demo(&workbench).expect("demo");
    let results = tcm_api::results::assessment_results(&workbench, demo, "fr").expect("results");
    assert_eq!(results.levels.len(), 5);
    write_fixture("maturity-levels.json", &results.levels);
}

// ---- scored states ---------------------------------------------------------------------------
//
// The mock never scores. Its seed is a list of operations written here (`seed.json`), and every
// figure it shows (overall index, results, plan) is looked up in `scored.json` by the state of
// the assessment: the questionnaire, the targets, each respondent's answers, the consensus
// values, the kept actions and the previous audit's state. The states recorded are the seed's,
// the demo's and those the mock's unit tests and browser tests reach; the mock refuses with an
// `internal` error to show results or a plan for any other state.

use serde_json::{Value, json};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use tcm_api::Workbench;

/// 2026-11-23 10:00 UTC, the instant the scenarios are replayed at.
const BASE: i64 = 1_795_428_000;

thread_local! {
    static NOW: Cell<i64> = const { Cell::new(BASE) };
}

fn clock() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(NOW.with(Cell::get), 0).expect("instant")
}

fn set_hours_ago(hours: f64) {
    NOW.with(|now| now.set(BASE - (hours * 3600.0) as i64));
}

/// A small deterministic generator (xorshift64*), for the seed's answers.
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Every question id of a questionnaire with its stage, in questionnaire order.
fn questions_of(workbench: &Workbench, assessment: i64) -> Vec<(String, String)> {
    let detail = tcm_api::assessments::assessment_questionnaire(workbench, assessment)
        .expect("questionnaire");
    let mut questions = Vec::new();
    for stage in &detail.stages {
        let stage_id = serde_json::to_value(stage.id).expect("stage");
        for theme in &stage.themes {
            for question in &theme.questions {
                questions.push((
                    question.id.clone(),
                    stage_id.as_str().unwrap_or_default().to_owned(),
                ));
            }
        }
    }
    questions
}

/// A respondent's answers as the seed writes them: a mean level per stage plus a bias, some
/// noise, a few NA and "?", the first `reach` share of the questionnaire.
fn answers(
    questions: &[(String, String)],
    means: [f64; 5],
    bias: f64,
    reach: f64,
    seed: u64,
    comments: &[(&str, &str)],
) -> Value {
    const STAGES: [&str; 5] = ["creative", "active", "curative", "preventive", "proactive"];
    let mut random = Random(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let count = (questions.len() as f64 * reach).round() as usize;
    let mut rows = Vec::new();
    for (id, stage) in questions.iter().take(count) {
        let roll = random.next();
        let answer = if roll < 0.03 {
            "NA".to_owned()
        } else if roll < 0.06 {
            "?".to_owned()
        } else {
            let index = STAGES.iter().position(|name| name == stage).unwrap_or(0);
            let level = (means[index] + bias + (random.next() - 0.5) * 2.2).round();
            format!("{}", level.clamp(0.0, 4.0) as u8)
        };
        let comment = comments
            .iter()
            .find(|(question, _)| question == id)
            .map_or("", |(_, text)| text);
        rows.push(json!([id, answer, comment]));
    }
    let resume = questions
        .get(count.min(questions.len().saturating_sub(1)))
        .filter(|_| count > 0)
        .map(|(id, _)| id.clone());
    json!({ "answers": rows, "resume": resume })
}

/// One assessment's scoring state, written the same way by `ui/src/mock/golden.ts`.
fn state_key(workbench: &Workbench, assessment: i64, previous: Option<i64>) -> String {
    let detail = tcm_api::assessments::assessment_detail(workbench, assessment).expect("detail");
    let questions = questions_of(workbench, assessment);
    let code = |value: &str| match value {
        "NA" => 'N',
        other => other.chars().next().unwrap_or('.'),
    };
    let codes = |given: &HashMap<String, String>| -> String {
        questions
            .iter()
            .map(|(id, _)| given.get(id).map_or('.', |value| code(value)))
            .collect()
    };
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    let targets: Vec<String> = detail.targets.iter().map(u8::to_string).collect();
    let mut lines = vec![
        format!("q={}", detail.questionnaire_id),
        format!("t={}", targets.join(",")),
    ];
    for respondent in &detail.respondents {
        let sheet =
            tcm_api::assessments::respondent_answers(workbench, respondent.id).expect("answers");
        let given = sheet
            .answers
            .iter()
            .map(|answer| {
                let value = serde_json::to_value(answer.answer).expect("answer");
                (answer.question_id.clone(), text(&value))
            })
            .collect();
        lines.push(format!("r={}={}", respondent.label, codes(&given)));
    }
    let consensus = tcm_api::assessments::consensus_sheet(workbench, assessment).expect("sheet");
    let agreed = consensus
        .values
        .iter()
        .map(|item| {
            let value = serde_json::to_value(item.value).expect("value");
            (item.question_id.clone(), text(&value))
        })
        .collect();
    lines.push(format!("c={}", codes(&agreed)));
    let plan = tcm_api::plan::action_plan(workbench, assessment, Some("fr")).expect("plan");
    let mut kept: Vec<Value> = plan
        .items
        .iter()
        .filter(|item| item.action_id.is_some())
        .map(|item| serde_json::to_value(item).expect("item"))
        .collect();
    kept.sort_by_key(|item| item["actionId"].as_i64());
    for item in kept {
        let question = text(&item["questionId"]);
        let stage = if question.is_empty() {
            text(&item["stage"])
        } else {
            String::new()
        };
        lines.push(format!(
            "a={question}|{stage}|{}|{}|{}|{}|{}|{}|{}",
            text(&item["title"]),
            text(&item["description"]),
            text(&item["owner"]),
            text(&item["due"]),
            text(&item["status"]),
            item["impact"],
            item["effort"],
        ));
    }
    if let Some(previous) = previous {
        for line in state_key(workbench, previous, None).lines() {
            lines.push(format!("p.{line}"));
        }
    }
    lines.join("\n")
}

/// Replays operations (the format `ui/src/mock/backend.ts` replays too) on a fresh database and
/// records the figures of every state they reach.
struct Driver {
    _dir: tempfile::TempDir,
    workbench: Workbench,
    /// Scenario names of assessments → (id, organisation name).
    assessments: HashMap<String, (i64, String)>,
    /// Organisation name → its assessments, in creation order.
    organisations: HashMap<String, Vec<i64>>,
    /// The demo's operations, replayed when a journey opens the demo.
    demo: Vec<Value>,
    /// Seconds added to the clock at each creation, so that creation order is time order.
    created: i64,
}

impl Driver {
    fn new() -> Driver {
        set_hours_ago(0.0);
        let dir = tempfile::tempdir().expect("temp dir");
        let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
        Driver {
            _dir: dir,
            workbench,
            assessments: HashMap::new(),
            organisations: HashMap::new(),
            demo: Vec::new(),
            created: 0,
        }
    }

    fn id(&self, name: &Value) -> i64 {
        self.assessments[name.as_str().expect("assessment name")].0
    }

    /// The organisation's assessment created just before this one (the results' previous audit).
    fn previous(&self, assessment: i64) -> Option<i64> {
        let (_, organisation) = self
            .assessments
            .values()
            .find(|(id, _)| *id == assessment)
            .expect("known");
        let list = &self.organisations[organisation];
        let position = list.iter().position(|id| *id == assessment)?;
        position.checked_sub(1).map(|before| list[before])
    }

    fn key(&self, assessment: i64) -> String {
        state_key(&self.workbench, assessment, self.previous(assessment))
    }

    fn apply(&mut self, op: &Value, states: &mut States) {
        let wb = &self.workbench;
        let assessment = match op["op"].as_str().expect("op") {
            "create" => {
                self.created += 1;
                set_hours_ago(
                    op["hoursAgo"].as_f64().unwrap_or(0.0) - self.created as f64 / 3600.0,
                );
                let mut input = op["input"].clone();
                let name = input["organisation"]["name"]
                    .as_str()
                    .expect("name")
                    .to_owned();
                let existing = tcm_api::assessments::list_organisations(wb)
                    .expect("organisations")
                    .into_iter()
                    .find(|organisation| organisation.name == name);
                if let Some(organisation) = existing {
                    input["organisation"] = json!({ "kind": "existing", "id": organisation.id });
                }
                let input = serde_json::from_value(input).expect("new assessment input");
                let id = tcm_api::assessments::create_assessment(wb, &input).expect("created");
                set_hours_ago(0.0);
                let key = op["as"].as_str().expect("as").to_owned();
                self.assessments.insert(key, (id, name.clone()));
                self.organisations.entry(name).or_default().push(id);
                id
            }
            "respondent" => {
                let id = self.id(&op["assessment"]);
                let input = serde_json::from_value(op["input"].clone()).expect("respondent");
                let respondent = tcm_api::assessments::add_respondent(wb, id, &input)
                    .expect("respondent added")
                    .id;
                for row in op["answers"].as_array().into_iter().flatten() {
                    self.save(respondent, &row[0], &row[1], &row[2]);
                }
                if let Some(question) = op["resume"].as_str() {
                    tcm_api::assessments::set_resume_question(wb, respondent, question)
                        .expect("resume");
                }
                id
            }
            "answer" => {
                let id = self.id(&op["assessment"]);
                let respondent = self.respondent(id, &op["respondent"]);
                self.save(respondent, &op["question"], &op["answer"], &op["comment"]);
                id
            }
            "update" => {
                let id = self.id(&op["assessment"]);
                let update = serde_json::from_value(op["update"].clone()).expect("update");
                tcm_api::assessments::update_assessment(wb, id, &update).expect("updated");
                id
            }
            "keep" => {
                let id = self.id(&op["assessment"]);
                let input = serde_json::from_value(op["input"].clone()).expect("action");
                tcm_api::plan::keep_action(wb, id, &input, None).expect("kept");
                id
            }
            "keepFirstProposal" => {
                let id = self.id(&op["assessment"]);
                let plan = tcm_api::plan::action_plan(wb, id, None).expect("plan");
                let proposal = plan
                    .items
                    .iter()
                    .find(|item| item.action_id.is_none())
                    .expect("a proposal");
                let mut input = serde_json::to_value(proposal).expect("proposal");
                input["stage"] = Value::Null;
                for (field, value) in op["changes"].as_object().into_iter().flatten() {
                    input[field] = value.clone();
                }
                let input = serde_json::from_value(input).expect("action");
                tcm_api::plan::keep_action(wb, id, &input, None).expect("kept");
                id
            }
            "consensus" => {
                let id = self.id(&op["assessment"]);
                let mut input = op["input"].clone();
                input["assessmentId"] = json!(id);
                let input = serde_json::from_value(input).expect("consensus");
                tcm_api::assessments::set_consensus(wb, &input).expect("consensus set");
                id
            }
            "updateRespondent" | "removeRespondent" => {
                let id = self.id(&op["assessment"]);
                let respondent = self.respondent(id, &op["respondent"]);
                if op["op"] == "removeRespondent" {
                    tcm_api::assessments::remove_respondent(wb, respondent).expect("removed");
                } else {
                    let input = serde_json::from_value(op["input"].clone()).expect("respondent");
                    tcm_api::assessments::update_respondent(wb, respondent, &input)
                        .expect("respondent changed");
                }
                id
            }
            "updateAction" | "deleteAction" => {
                let id = self.id(&op["assessment"]);
                let plan = tcm_api::plan::action_plan(wb, id, None).expect("plan");
                let mut kept: Vec<i64> = plan
                    .items
                    .iter()
                    .filter_map(|item| item.action_id)
                    .collect();
                kept.sort_unstable();
                let rank = usize::try_from(op["action"].as_u64().expect("rank")).expect("rank");
                let action = kept[rank];
                if op["op"] == "deleteAction" {
                    tcm_api::plan::delete_action(wb, action, None).expect("deleted");
                } else {
                    let input = serde_json::from_value(op["input"].clone()).expect("action");
                    tcm_api::plan::update_action(wb, action, &input, None).expect("changed");
                }
                id
            }
            "delete" => {
                let name = op["assessment"].as_str().expect("name").to_owned();
                if let Some((id, organisation)) = self.assessments.remove(&name) {
                    tcm_api::assessments::delete_assessment(wb, id).expect("deleted");
                    if let Some(list) = self.organisations.get_mut(&organisation) {
                        list.retain(|other| *other != id);
                    }
                }
                return;
            }
            "demo" => {
                let demo = Value::Array(self.demo.clone());
                self.replay(&demo, states);
                return;
            }
            "touch" => return,
            "record" => {
                let id = self.id(&op["assessment"]);
                let part = op["what"].as_str().zip(op["language"].as_str());
                states.record(self, id, Some(part.unwrap_or(("all", "all"))));
                return;
            }
            other => panic!("unknown operation {other}"),
        };
        states.record(self, assessment, None);
    }

    /// A respondent of an assessment, by label.
    fn respondent(&self, assessment: i64, label: &Value) -> i64 {
        let detail =
            tcm_api::assessments::assessment_detail(&self.workbench, assessment).expect("detail");
        detail
            .respondents
            .iter()
            .find(|respondent| *label == respondent.label.as_str())
            .expect("respondent")
            .id
    }

    fn save(&self, respondent: i64, question: &Value, answer: &Value, comment: &Value) {
        let input = serde_json::from_value(json!({
            "respondentId": respondent,
            "questionId": question,
            "answer": answer,
            "comment": comment.as_str().unwrap_or_default(),
        }))
        .expect("answer input");
        tcm_api::assessments::save_answer(&self.workbench, &input).expect("saved");
    }

    fn replay(&mut self, ops: &Value, states: &mut States) {
        for op in ops.as_array().expect("operations") {
            self.apply(op, states);
        }
    }
}

/// The figures of every state reached, by state key.
#[derive(Default)]
struct States(BTreeMap<String, Value>);

impl States {
    /// Records the state's figures; with `part`, its results or plan (`what`) in a language, or
    /// both in both languages (`("all", "all")`).
    fn record(&mut self, driver: &Driver, assessment: i64, part: Option<(&str, &str)>) {
        let wb = &driver.workbench;
        let key = driver.key(assessment);
        let item = tcm_api::assessments::list_assessments(wb)
            .expect("list")
            .into_iter()
            .find(|item| item.id == assessment)
            .expect("listed");
        let entry = self.0.entry(key).or_insert_with(|| {
            json!({
                "answeredQuestions": item.answered_questions,
                "overallScore": item.overall_score,
                "overallLevel": item.overall_level,
            })
        });
        let Some((what, language)) = part else {
            return;
        };
        for part in ["results", "plan"] {
            for code in ["fr", "en"] {
                if (what != "all" && what != part) || (language != "all" && language != code) {
                    continue;
                }
                if !entry[part][code].is_null() {
                    continue;
                }
                let view = if part == "results" {
                    let view = tcm_api::results::assessment_results(wb, assessment, code);
                    serde_json::to_value(view.expect("results")).expect("json")
                } else {
                    let plan = tcm_api::plan::action_plan(wb, assessment, Some(code));
                    serde_json::to_value(plan.expect("plan")).expect("json")
                };
                if entry.get(part).is_none() {
                    entry[part] = json!({});
                }
                entry[part][code] = view;
            }
        }
    }
}

/// Applies operations while writing them down: the seed is built with the real handlers and
/// its operations saved for the mock to replay.
struct Recorder<'a> {
    driver: &'a mut Driver,
    states: &'a mut States,
    ops: Vec<Value>,
}

impl Recorder<'_> {
    fn push(&mut self, op: Value) {
        self.driver.apply(&op, self.states);
        self.ops.push(op);
    }

    #[allow(clippy::too_many_arguments)]
    fn respondent(
        &mut self,
        assessment: &str,
        label: &str,
        role: &str,
        reach: f64,
        bias: f64,
        means: [f64; 5],
        seed: u64,
        comments: &[(&str, &str)],
    ) {
        let id = self.driver.assessments[assessment].0;
        let questions = questions_of(&self.driver.workbench, id);
        let given = answers(&questions, means, bias, reach, seed, comments);
        self.push(json!({
            "op": "respondent",
            "assessment": assessment,
            "input": { "label": label, "role": role, "group": "" },
            "answers": given["answers"],
            "resume": given["resume"],
        }));
    }

    /// A participant of a live session who picked `group`, answering every question.
    fn participant(
        &mut self,
        assessment: &str,
        label: &str,
        group: &str,
        means: [f64; 5],
        seed: u64,
    ) {
        let id = self.driver.assessments[assessment].0;
        let questions = questions_of(&self.driver.workbench, id);
        let given = answers(&questions, means, 0.0, 1.0, seed, &[]);
        self.push(json!({
            "op": "respondent",
            "assessment": assessment,
            "input": { "label": label, "role": "", "group": group },
            "answers": given["answers"],
            "resume": given["resume"],
        }));
    }
}

fn new_organisation(name: &str, sector: &str, size: &str, notes: &str) -> Value {
    json!({ "kind": "new", "name": name, "sector": sector, "size": size, "notes": notes })
}

#[allow(clippy::too_many_arguments)]
fn create(
    name: &str,
    hours_ago: f64,
    organisation: Value,
    title: &str,
    mode: &str,
    language: &str,
    questionnaire: &str,
    targets: [u8; 5],
) -> Value {
    json!({
        "op": "create",
        "as": name,
        "hoursAgo": hours_ago,
        "input": {
            "organisation": organisation,
            "title": title,
            "mode": mode,
            "language": language,
            "questionnaireId": questionnaire,
            "targets": targets,
            "firstRespondent": null,
        },
    })
}

fn status(name: &str, title: &str, mode: &str, language: &str, targets: [u8; 5]) -> Value {
    json!({
        "op": "update",
        "assessment": name,
        "update": { "title": title, "mode": mode, "language": language, "status": "completed", "targets": targets },
    })
}

/// The data the mock starts with: four organisations, five assessments, kept actions and
/// consensus values.
fn seed(recorder: &mut Recorder) {
    let riviere = new_organisation(
        "Transports Rivière",
        "services",
        "medium",
        "Transport de voyageurs, 180 salariés, Nantes",
    );
    recorder.push(create(
        "riviere-2025",
        380.0 * 24.0,
        riviere.clone(),
        "Audit TCM 2025",
        "workshop",
        "fr",
        "tcm-92",
        [4, 4, 4, 4, 4],
    ));
    recorder.respondent(
        "riviere-2025",
        "Comité de direction",
        "",
        1.0,
        0.0,
        [1.6, 2.1, 1.3, 0.9, 0.6],
        11,
        &[],
    );
    recorder.push(status(
        "riviere-2025",
        "Audit TCM 2025",
        "workshop",
        "fr",
        [4, 4, 4, 4, 4],
    ));

    recorder.push(create(
        "riviere-2026",
        12.0 * 24.0,
        riviere,
        "Audit TCM 2026 — atelier direction",
        "workshop",
        "fr",
        "tcm-92",
        [4, 4, 3, 3, 3],
    ));
    let comments = [
        (
            "cre-01",
            "Segmentation par ligne et par abonnement seulement ; rien sur les usages.",
        ),
        (
            "cre-06",
            "Trois fichiers : billettique, service client, commercial entreprises.",
        ),
        (
            "act-01",
            "Baromètre annuel depuis 2023, résultats partagés en CODIR.",
        ),
        (
            "cur-01",
            "Pas de responsable unique des réclamations : chaque agence traite les siennes.",
        ),
    ];
    let means = [2.3, 2.7, 1.8, 1.4, 1.0];
    recorder.respondent(
        "riviere-2026",
        "Claire Martin",
        "Directrice commerciale",
        1.0,
        0.2,
        means,
        21,
        &comments,
    );
    recorder.respondent(
        "riviere-2026",
        "Karim Benali",
        "Responsable service client",
        0.78,
        -0.3,
        means,
        22,
        &[],
    );
    recorder.respondent(
        "riviere-2026",
        "Sophie Le Gall",
        "Responsable marketing",
        0.64,
        0.1,
        means,
        23,
        &[],
    );
    for input in [
        json!({ "questionId": "cre-06", "stage": null, "title": "Fusionner les fichiers clients",
            "description": "Billettique, service client et commercial entreprises dans un référentiel unique.",
            "owner": "Claire Martin", "due": "2027-03-31", "status": "planned", "impact": 3, "effort": 3 }),
        json!({ "questionId": "cur-01", "stage": null, "title": "Nommer un responsable des réclamations",
            "description": "Un responsable unique, un circuit écrit et un délai de réponse publié.",
            "owner": "Karim Benali", "due": "2027-01-15", "status": "in-progress", "impact": 3, "effort": 1 }),
        json!({ "questionId": null, "stage": "proactive", "title": "Créer un comité d’usagers",
            "description": "Réunir deux fois par an une dizaine d’abonnés pour tester les nouveaux services.",
            "owner": "Sophie Le Gall", "due": null, "status": "planned", "impact": 2, "effort": 2 }),
    ] {
        recorder.push(json!({ "op": "keep", "assessment": "riviere-2026", "input": input }));
    }
    recorder.push(
        json!({ "op": "consensus", "assessment": "riviere-2026", "input": {
        "questionId": "cre-01", "value": "2",
        "note": "Segments par ligne et par abonnement ; les usages restent à intégrer." } }),
    );
    recorder.push(
        json!({ "op": "consensus", "assessment": "riviere-2026", "input": {
        "questionId": "act-01", "value": "3", "note": "" } }),
    );
    recorder.push(json!({ "op": "touch", "assessment": "riviere-2026", "hoursAgo": 2 }));

    recorder.push(create(
        "dupain",
        40.0 * 24.0,
        new_organisation("Boulangeries Maison Dupain", "retail", "small", ""),
        "Auto-évaluation de printemps",
        "self",
        "fr",
        "tcm-92",
        [3, 4, 3, 3, 2],
    ));
    recorder.respondent(
        "dupain",
        "Hélène Dupain",
        "Gérante",
        1.0,
        0.0,
        [2.0, 3.1, 2.4, 1.9, 1.2],
        31,
        &[],
    );
    recorder.push(status(
        "dupain",
        "Auto-évaluation de printemps",
        "self",
        "fr",
        [3, 4, 3, 3, 2],
    ));
    recorder.push(json!({ "op": "touch", "assessment": "dupain", "hoursAgo": 33 * 24 }));

    recorder.push(create(
        "school",
        6.0 * 24.0,
        new_organisation(
            "École de commerce de Nantes — Master 1",
            "public-sector",
            "large",
            "",
        ),
        "TD relation client — étude de cas Décathlon",
        "classroom",
        "fr",
        "tcm-25-classroom",
        [4, 4, 4, 4, 4],
    ));
    for (index, label) in ["Groupe A", "Groupe B", "Groupe C", "Groupe D"]
        .iter()
        .enumerate()
    {
        let reach = if index == 3 { 0.6 } else { 1.0 };
        let bias = (index as f64 - 1.5) * 0.25;
        recorder.respondent(
            "school",
            label,
            "",
            reach,
            bias,
            [3.0, 3.2, 2.6, 2.4, 2.9],
            41 + index as u64,
            &[],
        );
    }
    recorder.push(json!({ "op": "touch", "assessment": "school", "hoursAgo": 27 }));

    recorder.push(create(
        "mutuelle",
        5.0,
        new_organisation("Mutuelle Atlantique", "bank-insurance", "large", ""),
        "Diagnostic initial",
        "self",
        "en",
        "tcm-92",
        [4, 4, 4, 4, 4],
    ));
    recorder.respondent(
        "mutuelle",
        "Thomas Guérin",
        "Directeur de la relation adhérents",
        0.08,
        0.0,
        [2.5, 2.5, 2.5, 2.0, 1.5],
        51,
        &[],
    );
    recorder.push(json!({ "op": "touch", "assessment": "mutuelle", "hoursAgo": 0.4 }));
    for name in [
        "riviere-2025",
        "riviere-2026",
        "dupain",
        "school",
        "mutuelle",
    ] {
        recorder.push(json!({ "op": "record", "assessment": name }));
    }
}

/// The mock's demo (the app's is tcm-demo's, richer): a hotel group's management workshop run
/// as an anonymous live session — eleven participants who picked their department, a
/// direction of two among them — with the consensus the room recorded after discussion.
fn demo(recorder: &mut Recorder) {
    recorder.push(create(
        "demo",
        0.0,
        new_organisation("Hôtels Les Quatre Saisons (démo)", "services", "medium", ""),
        "Démonstration — atelier de direction",
        "workshop",
        "fr",
        "tcm-92",
        [4, 4, 3, 3, 3],
    ));
    // How each department sees the five stages: reception lives the complaints.
    let groups: [(&str, usize, [f64; 5]); 4] = [
        ("Direction", 2, [3.0, 3.2, 2.6, 2.0, 1.6]),
        ("Réception et conciergerie", 3, [2.2, 2.6, 1.2, 1.3, 0.8]),
        ("Restauration", 3, [2.4, 2.5, 1.9, 1.6, 0.9]),
        ("Ventes et marketing", 3, [2.9, 3.1, 2.5, 1.5, 1.4]),
    ];
    let mut number = 0;
    for (group, size, means) in groups {
        for _ in 0..size {
            number += 1;
            let label = format!("Participant {number}");
            recorder.participant("demo", &label, group, means, 900 + number);
        }
    }
    for (question, value, note) in [
        (
            "cur-01",
            "2",
            "Un responsable par hôtel, pas de circuit commun",
        ),
        (
            "act-01",
            "3",
            "Le baromètre annuel est lu en comité de direction",
        ),
        ("pro-01", "1", "Aucune veille organisée"),
    ] {
        recorder.push(json!({ "op": "consensus", "assessment": "demo", "input": {
            "questionId": question, "value": value, "note": note } }));
    }
    recorder.push(json!({ "op": "record", "assessment": "demo" }));
}

/// A new assessment for the unit tests: `Acme`, self-assessment, all targets 4, one respondent.
fn acme(mode: &str, first: &str) -> Value {
    json!({ "op": "create", "as": "acme", "hoursAgo": 0, "input": {
        "organisation": { "kind": "new", "name": "Acme", "sector": "industry", "size": null, "notes": "" },
        "title": "Audit", "mode": mode, "language": "fr", "questionnaireId": "tcm-92",
        "targets": [4, 4, 4, 4, 4], "firstRespondent": first } })
}

fn answer(respondent: &str, question: &str, value: Value, comment: &str) -> Value {
    json!({ "op": "answer", "assessment": "acme", "respondent": respondent,
        "question": question, "answer": value, "comment": comment })
}

fn agree(question: &str, value: Value, note: &str) -> Value {
    json!({ "op": "consensus", "assessment": "acme",
        "input": { "questionId": question, "value": value, "note": note } })
}

/// The states the mock's unit tests (`ui/src/mock/backend.test.ts`) reach beyond the seed.
fn unit_test_scenarios() -> Vec<(bool, Value)> {
    let record = json!({ "op": "record", "assessment": "acme" });
    let record_2026 = json!({ "op": "record", "assessment": "riviere-2026" });
    vec![
        (
            false,
            json!([
                acme("self", "Marie"),
                answer("Marie", "cre-01", json!("4"), ""),
                answer("Marie", "cre-02", json!("NA"), ""),
                answer("Marie", "cre-03", json!("0"), ""),
                answer("Marie", "cre-03", Value::Null, ""),
            ]),
        ),
        (
            false,
            json!([
                acme("self", "Marie"),
                answer("Marie", "cre-01", json!("4"), ""),
                answer("Marie", "cre-02", json!("2"), ""),
                answer("Marie", "cre-03", json!("?"), ""),
                record,
            ]),
        ),
        (
            false,
            json!([
                acme("workshop", "Anne"),
                { "op": "respondent", "assessment": "acme", "input": { "label": "Bruno", "role": "", "group": "" } },
                answer("Anne", "cre-02", json!("4"), "Everywhere"),
                answer("Bruno", "cre-02", json!("0"), ""),
                answer("Bruno", "cre-03", json!("?"), ""),
                record,
                agree("cre-02", json!("3"), " Agreed after the debate "),
                record,
                agree("cre-04", json!("NA"), ""),
                record,
                agree("cre-02", Value::Null, ""),
                record,
            ]),
        ),
        (
            true,
            json!([
                { "op": "keepFirstProposal", "assessment": "riviere-2026",
                  "changes": { "owner": "Claire", "status": "planned" } },
                record_2026,
            ]),
        ),
        (
            true,
            json!([
                { "op": "keepFirstProposal", "assessment": "riviere-2026", "changes": {} },
                record_2026,
            ]),
        ),
        (
            true,
            json!([
                { "op": "update", "assessment": "riviere-2026", "update": { "title": "Renamed",
                  "mode": "workshop", "language": "en", "status": "completed", "targets": [4, 4, 3, 3, 1] } },
                record_2026,
            ]),
        ),
    ]
}

#[test]
fn the_mock_s_scores_come_from_the_real_handlers() {
    let mut states = States::default();
    let mut driver = Driver::new();
    let mut recorder = Recorder {
        driver: &mut driver,
        states: &mut states,
        ops: Vec::new(),
    };
    seed(&mut recorder);
    let seeded = std::mem::take(&mut recorder.ops);
    demo(&mut recorder);
    let demo_ops = std::mem::take(&mut recorder.ops);
    for (on_seed, ops) in unit_test_scenarios() {
        let mut driver = Driver::new();
        if on_seed {
            driver.replay(&Value::Array(seeded.clone()), &mut States::default());
        }
        driver.replay(&ops, &mut states);
    }
    let journeys: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("journeys.json")).expect("journeys.json"),
    )
    .expect("journeys are JSON");
    for journey in journeys.as_array().expect("a list of journeys") {
        let mut driver = Driver::new();
        driver.demo.clone_from(&demo_ops);
        if journey["start"] == "seeded" {
            driver.replay(&Value::Array(seeded.clone()), &mut States::default());
        }
        driver.replay(&journey["operations"], &mut states);
    }
    let full = states
        .0
        .values()
        .filter(|entry| entry.get("results").is_some())
        .count();
    assert!(full >= 12, "{full} states with results");
    write_fixture("seed.json", &json!({ "seed": seeded, "demo": demo_ops }));
    write_compact_fixture("scored.json", &states.0);
}

#[test]
fn the_demo_strategy_comes_from_the_real_handler() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = || {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 10, 0, 0)
            .single()
            .expect("date")
    };
    let workbench = tcm_api::Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let demo = tcm_api::reports::open_demo(&workbench).expect("demo");
    let french = tcm_api::strategy::strategy(&workbench, demo, Some("fr")).expect("strategy");
    let english = tcm_api::strategy::strategy(&workbench, demo, Some("en")).expect("strategy");
    assert!(!french.initiatives.is_empty());
    assert_eq!(french.initiatives.len(), english.initiatives.len());
    let both = std::collections::BTreeMap::from([("en", english), ("fr", french)]);
    write_fixture("strategy-demo.json", &both);
}

#[test]
fn the_seed_s_follow_up_comes_from_the_real_handler() {
    // Transports Rivière has two audits in the seed: the 2026 workshop's follow-up, keyed by
    // its state like the scores, so that the mock serves it only while nothing changed.
    let mut states = States::default();
    let mut driver = Driver::new();
    let mut recorder = Recorder {
        driver: &mut driver,
        states: &mut states,
        ops: Vec::new(),
    };
    seed(&mut recorder);
    let id = driver.id(&json!("riviere-2026"));
    let key = driver.key(id);
    let view = |language| {
        tcm_api::follow_up::follow_up(&driver.workbench, id, None, language).expect("follow-up")
    };
    let (french, english) = (view("fr"), view("en"));
    assert_eq!(
        french.audits.len(),
        2,
        "the 2025 audit, then the 2026 workshop"
    );
    assert!(french.comparison.is_some() && french.chart.is_some());
    let recorded =
        std::collections::BTreeMap::from([(key, json!({ "fr": french, "en": english }))]);
    write_fixture("follow-up.json", &recorded);
}

#[test]
fn the_seed_s_reaudit_comes_from_the_real_handler() {
    // "New follow-up audit" from Transports Rivière's 2026 workshop, keyed by its state: what
    // the handler answered, and the actions and wave overrides it wrote, which the mock stores
    // as they are (it never decides what a re-audit carries).
    let mut states = States::default();
    let mut driver = Driver::new();
    let mut recorder = Recorder {
        driver: &mut driver,
        states: &mut states,
        ops: Vec::new(),
    };
    seed(&mut recorder);
    let id = driver.id(&json!("riviere-2026"));
    let key = driver.key(id);
    let view = tcm_api::reaudit::create_reaudit(
        &driver.workbench,
        &tcm_api::transfer::ReauditInput {
            from: id,
            title: "Audit de suivi".to_owned(),
        },
    )
    .expect("re-audit");
    assert!(view.carried_actions > 0, "the seed keeps open actions");
    let new = tcm_store::AssessmentId(view.assessment);
    let (actions, overrides) = driver
        .workbench
        .with_store(|store, _| Ok((store.list_actions(new)?, store.wave_overrides(new)?)))
        .expect("read back");
    let actions: Vec<Value> = actions
        .into_iter()
        .map(|stored| {
            let action = stored.action;
            let (question, stage) = match &action.link {
                tcm_core::ActionLink::Question(question) => (json!(question.as_str()), Value::Null),
                tcm_core::ActionLink::Stage(stage) => (Value::Null, json!(stage.as_str())),
            };
            json!({
                "questionId": question,
                "stage": stage,
                "title": action.title,
                "description": action.description,
                "owner": action.owner,
                "due": action.due.map(|day| day.format("%Y-%m-%d").to_string()),
                "status": action.status.as_str(),
                "impact": action.impact,
                "effort": action.effort,
            })
        })
        .collect();
    let overrides: Vec<Value> = overrides
        .iter()
        .map(|(initiative, value)| match value {
            tcm_core::strategy::WaveOverride::Wave(wave) => json!({
                "initiative": initiative.as_str(), "wave": wave.number(), "start": null, "end": null,
            }),
            tcm_core::strategy::WaveOverride::Dates(dates) => json!({
                "initiative": initiative.as_str(), "wave": null,
                "start": dates.start().format("%Y-%m-%d").to_string(),
                "end": dates.end().format("%Y-%m-%d").to_string(),
            }),
        })
        .collect();
    let recorded = std::collections::BTreeMap::from([(
        key,
        json!({ "view": view, "actions": actions, "overrides": overrides }),
    )]);
    write_fixture("reaudit.json", &recorded);
}

// ---- the classroom ---------------------------------------------------------------------------
//
// The mock grades nothing either. `classroom.json` holds the shipped cases, each case's exercise
// as the handler shows it (the mock puts its own id, class name and groups in), a folder of
// twelve groups' `.tcm` files imported into a fresh exercise of each case (what the import
// answered, and the groups' answers it wrote), and for each such class state the grading, the
// debrief order and every group's sheet, keyed like `classKey` in `ui/src/mock/classroom.ts`.

#[path = "support/class_files.rs"]
mod class_files;

/// The groups of the folder each case's recorded import reads.
const FOLDER_GROUPS: usize = 12;

/// A class state: the case, then each group's answers in question order (`N` for NA, `.` when
/// unanswered) and every justification.
fn class_key(workbench: &Workbench, exercise: &tcm_api::transfer::ClassExerciseView) -> String {
    let mut lines = vec![format!(
        "case={}@{}",
        exercise.case_id, exercise.case_version
    )];
    let mut comments = Vec::new();
    for group in &exercise.groups {
        let answers =
            tcm_api::assessments::respondent_answers(workbench, group.id).expect("answers");
        let by_question: HashMap<String, (String, String)> = answers
            .answers
            .iter()
            .map(|answer| {
                let value = serde_json::to_value(answer.answer).expect("answer");
                let code = match value.as_str().unwrap_or(".") {
                    "NA" => "N".to_owned(),
                    other => other.chars().next().unwrap_or('.').to_string(),
                };
                (answer.question_id.clone(), (code, answer.comment.clone()))
            })
            .collect();
        let mut codes = String::new();
        for question in &exercise.questions {
            match by_question.get(&question.id) {
                Some((code, comment)) => {
                    codes.push_str(code);
                    if !comment.is_empty() {
                        comments.push(format!("m={}|{}|{comment}", group.label, question.id));
                    }
                }
                None => codes.push('.'),
            }
        }
        lines.push(format!("g={}={codes}", group.label));
    }
    lines.extend(comments);
    lines.join("\n")
}

/// What the mock serves for one class state.
fn graded_state(workbench: &Workbench, id: i64) -> Value {
    let grade = tcm_api::classroom::grade_class(workbench, id).expect("graded");
    let sheets: BTreeMap<String, Value> = grade
        .groups
        .iter()
        .map(|group| {
            let sheet =
                tcm_api::classroom::group_sheet(workbench, id, &group.group).expect("sheet");
            (
                group.group.clone(),
                serde_json::to_value(sheet).expect("sheet"),
            )
        })
        .collect();
    json!({ "grade": grade, "sheets": sheets })
}

/// A class exercise's starter `.tcm` file, as the teacher hands it out, and its case's key.
fn starter_and_key(
    workbench: &Workbench,
    exercise: i64,
) -> (Vec<u8>, Vec<(String, tcm_core::Answer)>) {
    let starter = workbench
        .with_store(|store, now| {
            tcm_api::files::export_tcm(store, tcm_store::AssessmentId(exercise), now)
        })
        .expect("starter");
    let key = tcm_api::classroom::grade_class(workbench, exercise)
        .expect("graded")
        .questions
        .iter()
        .map(|question| (question.question_id.clone(), question.key.into()))
        .collect();
    (starter, key)
}

#[test]
fn the_classroom_comes_from_the_real_handlers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = Workbench::start(dir.path().join("tcm.sqlite"), clock);
    let cases = tcm_api::classroom::list_cases().expect("cases");
    assert!(!cases.is_empty());
    let mut exercises = BTreeMap::new();
    let mut folders = BTreeMap::new();
    let mut grades = BTreeMap::new();
    for (position, case) in cases.iter().enumerate() {
        let input = tcm_api::transfer::NewClassExerciseInput {
            case_id: case.id.clone(),
            case_version: case.version.clone(),
            class_name: "Classe".to_owned(),
            language: serde_json::from_value(json!("fr")).expect("language"),
            groups: Vec::new(),
        };
        let exercise =
            tcm_api::classroom::create_class_exercise(&workbench, &input).expect("created");
        let id = exercise.assessment_id;
        grades.insert(
            class_key(&workbench, &exercise),
            graded_state(&workbench, id),
        );
        let (starter, key) = starter_and_key(&workbench, id);
        let mut files = class_files::group_files(
            &starter,
            &key,
            FOLDER_GROUPS,
            2026 + position as u64,
            clock(),
        );
        // A file of another class (another case's exercise) that the import must refuse.
        let other = cases[(position + 1) % cases.len()].clone();
        let foreign = tcm_api::classroom::create_class_exercise(
            &workbench,
            &tcm_api::transfer::NewClassExerciseInput {
                case_id: other.id.clone(),
                case_version: other.version.clone(),
                ..input.clone()
            },
        )
        .expect("another class");
        let (foreign_starter, foreign_key) = starter_and_key(&workbench, foreign.assessment_id);
        let (_, foreign_file) =
            class_files::group_files(&foreign_starter, &foreign_key, 1, 7, clock())
                .pop()
                .expect("one file");
        files.push(("groupe-autre-cas.tcm".to_owned(), foreign_file));
        tcm_api::assessments::delete_assessment(&workbench, foreign.assessment_id)
            .expect("deleted");
        let folder = dir.path().join(format!("rendus-{}", case.id));
        std::fs::create_dir(&folder).expect("folder");
        for (name, bytes) in &files {
            std::fs::write(folder.join(name), bytes).expect("written");
        }
        let mut outcome =
            tcm_api::class_import::import_group_folder(&workbench, id, &folder).expect("imported");
        assert_eq!(outcome.imported.len(), FOLDER_GROUPS);
        assert_eq!(outcome.refused.len(), 1);
        outcome.folder = String::new();
        let exercise = tcm_api::classroom::class_exercise(&workbench, id).expect("exercise");
        let groups: Vec<Value> = exercise
            .groups
            .iter()
            .map(|group| {
                let answers = tcm_api::assessments::respondent_answers(&workbench, group.id)
                    .expect("answers");
                json!({ "label": group.label, "answers": answers.answers })
            })
            .collect();
        grades.insert(
            class_key(&workbench, &exercise),
            graded_state(&workbench, id),
        );
        folders.insert(
            case.id.clone(),
            json!({ "import": outcome, "groups": groups }),
        );
        let mut template = serde_json::to_value(&exercise).expect("exercise");
        template["groups"] = json!([]);
        template["assessmentId"] = json!(0);
        template["className"] = json!("");
        exercises.insert(case.id.clone(), template);
    }
    write_compact_fixture(
        "classroom.json",
        &json!({ "cases": cases, "exercises": exercises, "folders": folders, "grades": grades }),
    );
}

// ---- the private benchmark -------------------------------------------------------------------
//
// The seed's database holds too few other clients for any benchmark figure (the handler shows
// nothing under five audits), so the mock also serves a recorded folder of fourteen clients'
// `.tcm` files — the folder the mock's `choose_folder` returns — added to it. `benchmark.json`
// holds, for the 2026 workshop of Transports Rivière in its seeded state, the handler's answer
// without and with that folder, for every filter and both languages.

/// The folder the mock's `choose_folder` returns (`GROUP_FOLDER` in `ui/src/mock/classroom.ts`).
const MOCK_FOLDER: &str = "/home/claire/Documents/Rendus des groupes";

/// A past client's audit in `workbench`: one respondent, every question answered, each stage
/// around its own level.
fn past_client(workbench: &Workbench, number: u32, sector: &str, size: &str) -> i64 {
    use tcm_core::{Answer, AnswerSheet, Level, Respondent, RespondentProfile, Response};
    fn wire<T: serde::de::DeserializeOwned>(text: &str) -> T {
        serde_json::from_value(json!(text)).expect("a value of the list")
    }
    let id = tcm_api::assessments::create_assessment(
        workbench,
        &tcm_api::transfer::NewAssessmentInput {
            organisation: tcm_api::transfer::OrganisationInput::New {
                name: format!("Client {number}"),
                sector: wire(sector),
                size: Some(wire(size)),
                notes: String::new(),
            },
            title: "Audit TCM".to_owned(),
            mode: wire("workshop"),
            language: wire("fr"),
            questionnaire_id: "tcm-92".to_owned(),
            targets: vec![4, 4, 4, 4, 4],
            first_respondent: None,
        },
    )
    .expect("a past client");
    workbench
        .with_store(|store, now| {
            let assessment = tcm_store::AssessmentId(id);
            let questionnaire = store.questionnaire(assessment)?;
            let mut sheet = AnswerSheet::new();
            for (index, question) in questionnaire.questions().iter().enumerate() {
                let stage = u32::try_from(question.stage.index()).expect("five stages");
                let base = (number * 37 + stage * 11 + number * stage) % 4;
                let mixed = number
                    .wrapping_mul(2_654_435_761)
                    .wrapping_add(stage.wrapping_mul(40_503))
                    .wrapping_add(u32::try_from(index).expect("92 questions").wrapping_mul(97));
                let level = (base + (mixed >> 13) % 2).min(4);
                sheet.set(
                    Respondent::new("Comité"),
                    question.id.clone(),
                    Response {
                        answer: Answer::Level(
                            Level::new(u8::try_from(level).expect("0–4")).expect("0–4"),
                        ),
                        comment: None,
                    },
                );
            }
            let profile = RespondentProfile {
                label: "Comité".to_owned(),
                role: String::new(),
                group: String::new(),
            };
            store.import_responses(assessment, &[profile], &sheet, now)?;
            Ok(())
        })
        .expect("answers");
    id
}

#[test]
fn the_seed_s_benchmark_comes_from_the_real_handler() {
    use tcm_api::transfer::BenchmarkFilter;
    // Fourteen past clients exported from another database into a folder.
    let others = Driver::new();
    let folder = tempfile::tempdir().expect("temp dir");
    let clients = [
        ("services", "medium", 6),
        ("services", "large", 2),
        ("industry", "medium", 4),
        ("retail", "small", 2),
    ];
    let mut number = 0;
    for (sector, size, count) in clients {
        for _ in 0..count {
            number += 1;
            let id = past_client(&others.workbench, number, sector, size);
            let bytes = others
                .workbench
                .with_store(|store, now| {
                    tcm_api::files::export_tcm(store, tcm_store::AssessmentId(id), now)
                })
                .expect("export");
            std::fs::write(folder.path().join(format!("client-{number:02}.tcm")), bytes)
                .expect("written");
        }
    }

    let mut states = States::default();
    let mut driver = Driver::new();
    let mut recorder = Recorder {
        driver: &mut driver,
        states: &mut states,
        ops: Vec::new(),
    };
    seed(&mut recorder);
    let id = driver.id(&json!("riviere-2026"));
    let key = driver.key(id);
    let mut recorded = serde_json::Map::new();
    for (source, path) in [("database", None), ("folder", Some(folder.path()))] {
        tcm_api::benchmark::set_benchmark_folder(&driver.workbench, path).expect("folder");
        let mut by_filter = serde_json::Map::new();
        for filter in BenchmarkFilter::ALL {
            let mut by_language = serde_json::Map::new();
            for language in ["fr", "en"] {
                let mut view =
                    tcm_api::benchmark::benchmark(&driver.workbench, id, *filter, language)
                        .expect("benchmark");
                if path.is_some() {
                    assert_eq!((view.files_read, view.files_refused), (14, 0));
                    view.folder = Some(MOCK_FOLDER.to_owned());
                }
                by_language.insert(language.to_owned(), json!(view));
            }
            by_filter.insert(filter.as_str().to_owned(), Value::Object(by_language));
        }
        recorded.insert(source.to_owned(), Value::Object(by_filter));
    }
    let folder_view = &recorded["folder"]["most-specific"]["fr"];
    assert_eq!(
        folder_view["figures"].as_array().map(Vec::len),
        Some(6),
        "five stages and the index"
    );
    let recorded = BTreeMap::from([(key, Value::Object(recorded))]);
    write_fixture("benchmark.json", &recorded);
}
