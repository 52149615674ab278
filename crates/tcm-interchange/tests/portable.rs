//! The `.tcm` file: what it holds, that it reads back byte for byte, and how a bad file is
//! explained.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{Value, json};
use tcm_core::strategy::waves::WaveOverrides;
use tcm_core::strategy::{DateRange, InitiativeId, Wave, WaveOverride};
use tcm_core::{
    ActionLink, ActionStatus, Answer, Assessment, AssessmentStatus, Consensus, Language, Level,
    Mode, Organisation, OrganisationSize, PlannedAction, QuestionId, Questionnaire, Respondent,
    RespondentProfile, Sector, StageId, Targets,
};
use tcm_interchange::portable::{
    AgreedValue, FORMAT, FORMAT_VERSION, PortableAssessment, PortableError, RecordedAnswer,
    ScoreSnapshot, anonymised, from_json, to_json,
};

const SAMPLE: &str = include_str!("../../../questionnaires/sample.toml");

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("a time")
        .with_timezone(&Utc)
}

fn level(value: u8) -> Level {
    Level::new(value).expect("a level")
}

fn profile(label: &str, role: &str, group: &str) -> RespondentProfile {
    RespondentProfile {
        label: label.to_owned(),
        role: role.to_owned(),
        group: group.to_owned(),
    }
}

fn recorded(answer: Answer, comment: Option<&str>, time: &str) -> RecordedAnswer {
    RecordedAnswer {
        answer,
        comment: comment.map(str::to_owned),
        updated_at: at(time),
    }
}

/// A workshop assessment with a bit of everything, French text included.
fn workshop() -> PortableAssessment {
    let questionnaire = Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid");
    let answers = BTreeMap::from([
        (
            (
                Respondent::new("Zoé Martin"),
                QuestionId::new("sample-cre-01"),
            ),
            recorded(
                Answer::Level(level(3)),
                Some("Segments « comportementaux », revus l’été dernier ;\nà suivre"),
                "2026-03-02T10:15:00Z",
            ),
        ),
        (
            (
                Respondent::new("Anne Dupont"),
                QuestionId::new("sample-cre-02"),
            ),
            recorded(Answer::NotApplicable, None, "2026-03-02T10:16:30.250Z"),
        ),
        (
            (
                Respondent::new("Anne Dupont"),
                QuestionId::new("sample-cre-01"),
            ),
            recorded(Answer::DontKnow, Some(""), "2026-03-02T10:16:00Z"),
        ),
    ]);
    PortableAssessment {
        uuid: "0f8e3c1a-5b7d-4e2f-9a61-2c4d8b9e7f10".to_owned(),
        organisation: Organisation {
            name: "Boulangeries Léa & Fils".to_owned(),
            sector: Sector::Retail,
            size: Some(OrganisationSize::Small),
            notes: "Atelier du 2 mars, « 3 directeurs »".to_owned(),
        },
        assessment: Assessment {
            title: "Audit TCM 2026".to_owned(),
            mode: Mode::Workshop,
            language: Language::French,
            targets: Targets::new([4, 3, 4, 3, 2]).expect("valid targets"),
            status: AssessmentStatus::Completed,
        },
        created_at: at("2026-03-01T08:00:00Z"),
        updated_at: at("2026-03-02T11:00:00.123456Z"),
        questionnaire_id: questionnaire.id().to_owned(),
        questionnaire_version: questionnaire.version().to_string(),
        questionnaire_snapshot: questionnaire.to_toml(),
        case: None,
        respondents: vec![
            profile("Zoé Martin", "Directrice commerciale", "Ventes"),
            profile("Anne Dupont", "", ""),
        ],
        answers,
        consensus: BTreeMap::from([
            (
                QuestionId::new("sample-cre-01"),
                AgreedValue {
                    value: Consensus::Level(level(2)),
                    note: "Accord après débat".to_owned(),
                },
            ),
            (
                QuestionId::new("sample-act-01"),
                AgreedValue {
                    value: Consensus::NotApplicable,
                    note: String::new(),
                },
            ),
        ]),
        actions: vec![
            PlannedAction {
                link: ActionLink::Question(QuestionId::new("sample-cre-02")),
                title: "Cibler les prospects rentables".to_owned(),
                description: "Croiser le fichier clients et la marge".to_owned(),
                owner: "Zoé".to_owned(),
                due: NaiveDate::from_ymd_opt(2026, 6, 30),
                status: ActionStatus::Planned,
                impact: 3,
                effort: 2,
            },
            PlannedAction {
                link: ActionLink::Stage(StageId::Preventive),
                title: "Repérer les clients dormants".to_owned(),
                description: String::new(),
                owner: String::new(),
                due: None,
                status: ActionStatus::Proposed,
                impact: 2,
                effort: 1,
            },
        ],
        score_snapshots: vec![ScoreSnapshot {
            taken_at: at("2026-03-02T11:00:00Z"),
            overall: Some(47.291_666_666_666_664),
            stages: [
                Some(62.5),
                Some(0.0),
                None,
                Some(100.0),
                Some(33.333_333_333_333_336),
            ],
        }],
        wave_overrides: Some(WaveOverrides::from([
            (
                InitiativeId::new("segmentation+customer-value"),
                WaveOverride::Wave(Wave::Third),
            ),
            (
                InitiativeId::new("stage:preventive"),
                WaveOverride::Dates(
                    DateRange::new(
                        NaiveDate::from_ymd_opt(2026, 4, 1).expect("date"),
                        NaiveDate::from_ymd_opt(2026, 9, 30).expect("date"),
                    )
                    .expect("range"),
                ),
            ),
        ])),
    }
}

fn exported_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0)
        .single()
        .expect("a time")
}

fn document() -> Value {
    serde_json::from_slice(&to_json(&workshop(), exported_at())).expect("JSON")
}

/// The workshop's document after `change`, read back.
fn read_changed(change: impl FnOnce(&mut Value)) -> Result<PortableAssessment, PortableError> {
    let mut document = document();
    change(&mut document);
    from_json(&serde_json::to_vec(&document).expect("JSON"))
}

fn refusal(result: Result<PortableAssessment, PortableError>) -> String {
    match result {
        Ok(_) => panic!("expected a refusal"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn an_assessment_reads_back_as_it_was_written_byte_for_byte() {
    let original = workshop();
    let first = to_json(&original, exported_at());
    let read = from_json(&first).expect("a valid file");
    assert_eq!(read, original);
    assert_eq!(to_json(&read, exported_at()), first);
}

#[test]
fn the_document_opens_with_its_header_and_lists_answers_by_respondent_then_question() {
    let bytes = to_json(&workshop(), exported_at());
    assert!(bytes.starts_with(b"{\n  \"format\": \"tcm-workbench/assessment\",\n  \"format_version\": 1,\n  \"exported_at\": \"2026-03-03T09:00:00Z\","));
    assert!(bytes.ends_with(b"}\n"));
    let document = document();
    let answers: Vec<(&str, &str)> = document["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|answer| {
            (
                answer["respondent"].as_str().expect("respondent"),
                answer["question"].as_str().expect("question"),
            )
        })
        .collect();
    assert_eq!(
        answers,
        [
            ("Anne Dupont", "sample-cre-01"),
            ("Anne Dupont", "sample-cre-02"),
            ("Zoé Martin", "sample-cre-01"),
        ]
    );
    assert_eq!(
        document["answers"][1]["updated_at"],
        "2026-03-02T10:16:30.250Z"
    );
    assert_eq!(document["answers"][0]["comment"], "");
    assert_eq!(document["answers"][1]["comment"], Value::Null);
    assert_eq!(
        document["assessment"]["targets"],
        json!({"creative": 4, "active": 3, "curative": 4, "preventive": 3, "proactive": 2})
    );
    assert_eq!(
        document["actions"][0]["link"],
        json!({"question": "sample-cre-02"})
    );
    assert_eq!(
        document["actions"][1]["link"],
        json!({"stage": "preventive"})
    );
    assert_eq!(document["actions"][0]["due"], "2026-06-30");
    assert_eq!(
        document["score_snapshots"][0]["stages"]["curative"],
        Value::Null
    );
    assert_eq!(document["consensus"][0]["question"], "sample-act-01");
    assert_eq!(document["consensus"][0]["value"], "NA");
}

/// The invariant for `.tcm` files (ARCHITECTURE.md): same data, same export instant → same
/// bytes. The file records when it was exported, and that line is the only one the clock
/// changes: exported later the same day, nothing else moves.
#[test]
fn only_the_export_instant_changes_when_the_same_data_is_exported_again() {
    let later = exported_at() + chrono::Duration::minutes(95);
    let first = String::from_utf8(to_json(&workshop(), exported_at())).expect("UTF-8");
    let second = String::from_utf8(to_json(&workshop(), later)).expect("UTF-8");
    assert_eq!(
        first,
        String::from_utf8(to_json(&workshop(), exported_at())).expect("UTF-8")
    );
    let differing: Vec<(&str, &str)> = first
        .lines()
        .zip(second.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        differing,
        [(
            "  \"exported_at\": \"2026-03-03T09:00:00Z\",",
            "  \"exported_at\": \"2026-03-03T10:35:00Z\","
        )]
    );
    assert_eq!(first.lines().count(), second.lines().count());
}

#[test]
fn the_same_assessment_always_gives_the_same_bytes() {
    let shuffled = {
        let mut assessment = workshop();
        // Maps do not remember insertion order; rebuilding them in another order changes nothing.
        let answers: Vec<_> = assessment.answers.into_iter().rev().collect();
        assessment.answers = answers.into_iter().collect();
        assessment
    };
    assert_eq!(
        to_json(&shuffled, exported_at()),
        to_json(&workshop(), exported_at())
    );
}

#[test]
fn the_file_gives_back_the_answer_sheet_and_the_questionnaire() {
    let read = from_json(&to_json(&workshop(), exported_at())).expect("valid");
    let sheet = read.answer_sheet();
    assert_eq!(sheet.len(), 3);
    assert_eq!(
        sheet.consensus(&QuestionId::new("sample-cre-01")),
        Some(Consensus::Level(level(2)))
    );
    assert_eq!(
        read.questionnaire().expect("the snapshot parses"),
        Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid")
    );
}

#[test]
fn a_byte_order_mark_and_unknown_fields_are_tolerated() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(to_json(&workshop(), exported_at()));
    assert_eq!(from_json(&bytes).as_ref().ok(), Some(&workshop()));
    let read = read_changed(|document| {
        document["added_later"] = json!({"anything": [1, 2]});
        document["answers"][0]["mood"] = json!("calme");
    });
    assert_eq!(read.ok(), Some(workshop()));
}

#[test]
fn files_that_are_not_ours_or_too_new_are_explained() {
    let cases: [(&[u8], &str); 7] = [
        (
            b"{\n  \"format\": ",
            "the file is not valid JSON (line 2, column 12): EOF while parsing a value",
        ),
        (b"", "the file is not valid JSON (line 1, column 0): EOF while parsing a value"),
        (b"PK\x03\x04", "the file is not valid JSON (line 1, column 1): expected value"),
        (
            b"[1, 2]",
            "this is not a TCM Workbench assessment file: the document is not a JSON object",
        ),
        (
            b"{\"format\": \"something-else\", \"format_version\": 1}",
            "this is not a TCM Workbench assessment file: its format is `something-else`, not `tcm-workbench/assessment`",
        ),
        (
            b"{\"title\": \"Audit\"}",
            "this is not a TCM Workbench assessment file: it has no `\"format\": \"tcm-workbench/assessment\"`",
        ),
        (
            b"{\"format\": \"tcm-workbench/assessment\", \"format_version\": 2, \"whatever\": true}",
            "this file was made by a newer version of TCM Workbench (format version 2; this version reads up to 1); update TCM Workbench to open it",
        ),
    ];
    for (bytes, expected) in cases {
        assert_eq!(
            refusal(from_json(bytes)),
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    assert_eq!(FORMAT, "tcm-workbench/assessment");
    assert_eq!(FORMAT_VERSION, 1);
}

#[test]
fn bad_values_are_named_by_their_path() {
    type Change = fn(&mut Value);
    let cases: [(&str, Change, &str); 13] = [
        (
            "an answer out of the scale",
            |document| document["answers"][1]["answer"] = json!("7"),
            "answers[1].answer: invalid answer \"7\" (expected 0, 1, 2, 3, 4, NA or ?)",
        ),
        (
            "an answer given as a number",
            |document| document["answers"][0]["answer"] = json!(3),
            "answers[0].answer: invalid type: integer `3`, expected a string",
        ),
        (
            "a question the snapshot does not hold",
            |document| document["answers"][2]["question"] = json!("cre-01"),
            "answers[2].question: question `cre-01` is not in the questionnaire snapshot",
        ),
        (
            "an answer from someone not listed",
            |document| document["answers"][0]["respondent"] = json!("Inconnu"),
            "answers[0].respondent: respondent `Inconnu` is not in `respondents`",
        ),
        (
            "the same answer twice",
            |document| document["answers"][1]["question"] = json!("sample-cre-01"),
            "answers[1].question: respondent `Anne Dupont` already answered question `sample-cre-01` at answers[0]",
        ),
        (
            "a respondent listed twice",
            |document| document["respondents"][1]["label"] = json!("Zoé Martin"),
            "respondents[1].label: respondent `Zoé Martin` is already listed at respondents[0]\n\
             answers[0].respondent: respondent `Anne Dupont` is not in `respondents`\n\
             answers[1].respondent: respondent `Anne Dupont` is not in `respondents`",
        ),
        (
            "a target beyond the scale",
            |document| document["assessment"]["targets"]["active"] = json!(5),
            "assessment.targets.active: invalid target \"5\" (expected a level from 1 to 4)",
        ),
        (
            "an unknown mode and a bad time",
            |document| {
                document["assessment"]["mode"] = json!("séminaire");
                document["assessment"]["updated_at"] = json!("hier");
            },
            "assessment.mode: invalid mode \"séminaire\" (expected one of: self, workshop, classroom)\n\
             assessment.updated_at: invalid time \"hier\" (expected an RFC 3339 time such as 2026-03-01T09:30:00Z)",
        ),
        (
            "a missing field",
            |document| {
                document["organisation"]
                    .as_object_mut()
                    .expect("an object")
                    .remove("sector");
            },
            "organisation: missing field `sector`",
        ),
        (
            "a bad action",
            |document| {
                document["actions"][0]["impact"] = json!(4);
                document["actions"][0]["due"] = json!("30/06/2026");
                document["actions"][1]["link"] = json!({"stage": "curiosity"});
            },
            "actions[0].due: invalid date \"30/06/2026\" (expected a date such as 2026-06-30)\n\
             actions[0].impact: invalid impact \"4\" (expected 1, 2 or 3)\n\
             actions[1].link.stage: invalid stage \"curiosity\" (expected creative, active, curative, preventive or proactive)",
        ),
        (
            "a consensus of `?` and a score beyond 100",
            |document| {
                document["consensus"][1]["value"] = json!("?");
                document["score_snapshots"][0]["stages"]["active"] = json!(100.5);
            },
            "consensus[1].value: invalid consensus value \"?\" (expected 0, 1, 2, 3, 4 or NA)\n\
             score_snapshots[0].stages.active: invalid score \"100.5\" (expected a number from 0 to 100, or null)",
        ),
        (
            "a questionnaire id that is not the snapshot's",
            |document| document["questionnaire"]["id"] = json!("tcm-92"),
            "questionnaire.id: the questionnaire snapshot says `sample`",
        ),
        (
            "a format version of zero",
            |document| document["format_version"] = json!(0),
            "format_version: invalid format version \"0\" (expected a whole number from 1 to 1)",
        ),
    ];
    for (case, change, expected) in cases {
        assert_eq!(refusal(read_changed(change)), expected, "{case}");
    }
}

#[test]
fn a_snapshot_that_does_not_parse_shows_the_validators_diagnostics() {
    let message = refusal(read_changed(|document| {
        let snapshot = document["questionnaire"]["snapshot"]
            .as_str()
            .expect("a snapshot")
            .replace("weight = 2", "weight = -2");
        document["questionnaire"]["snapshot"] = json!(snapshot);
    }));
    assert!(
        message.starts_with("the questionnaire snapshot does not parse:\nquestionnaire.snapshot:"),
        "{message}"
    );
    assert!(message.contains("weight"), "{message}");
    assert!(matches!(
        read_changed(|document| document["questionnaire"]["snapshot"] = json!("not = [toml")),
        Err(PortableError::InvalidSnapshot(_))
    ));
}

#[test]
fn every_truncation_of_a_file_is_refused_without_panicking() {
    let bytes = to_json(&workshop(), exported_at());
    let without_newline = bytes.len() - 1;
    assert!(from_json(&bytes[..without_newline]).is_ok());
    for length in 0..without_newline {
        assert!(from_json(&bytes[..length]).is_err(), "length {length}");
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = from_json(&bytes);
    }

    #[test]
    fn a_damaged_byte_never_panics(position in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = to_json(&workshop(), exported_at());
        let position = position.index(bytes.len());
        bytes[position] = byte;
        let _ = from_json(&bytes);
    }

    #[test]
    fn any_labels_comments_and_times_read_back_byte_for_byte(
        label in "\\PC{1,20}",
        comment in proptest::option::of(any::<String>()),
        note in any::<String>(),
        seconds in 0i64..4_102_444_800,
        nanos in 0u32..1_000_000_000,
        answer in 0usize..7,
    ) {
        let mut assessment = workshop();
        let label = if label.trim().is_empty() { "x".to_owned() } else { label };
        if !assessment.respondents.iter().any(|profile| profile.label == label) {
            assessment.respondents.push(profile(&label, &note, "groupe"));
        }
        let answer = [Answer::DontKnow, Answer::NotApplicable]
            .into_iter()
            .chain(Level::all().map(Answer::Level))
            .nth(answer)
            .unwrap_or(Answer::DontKnow);
        let updated_at = Utc.timestamp_opt(seconds, nanos).single().unwrap_or_else(exported_at);
        assessment.answers.insert(
            (Respondent::new(label.as_str()), QuestionId::new("sample-pro-02")),
            RecordedAnswer { answer, comment, updated_at },
        );
        assessment.organisation.notes = note;
        let first = to_json(&assessment, exported_at());
        let read = from_json(&first).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&read, &assessment);
        prop_assert_eq!(to_json(&read, exported_at()), first);
    }
}

#[test]
fn the_documented_example_is_what_the_writer_writes() {
    const DOCUMENTATION: &str = include_str!("../../../docs/tcm-file-format.md");
    let start = DOCUMENTATION.find("```json\n").expect("an example") + "```json\n".len();
    let length = DOCUMENTATION[start..]
        .find("\n```")
        .expect("the example's end");
    let mut example: Value =
        serde_json::from_str(&DOCUMENTATION[start..start + length]).expect("JSON");
    let snapshot = Questionnaire::from_toml(SAMPLE, "sample.toml")
        .expect("valid")
        .to_toml();
    example["questionnaire"]["snapshot"] = json!(snapshot);
    let read = from_json(&serde_json::to_vec(&example).expect("JSON")).expect("a valid file");
    let written: Value = serde_json::from_slice(&to_json(&read, exported_at())).expect("JSON");
    assert_eq!(written, example);
}

/// The workshop's document as text with `insert` placed just after the first `anchor`.
fn text_with(anchor: &str, insert: &str) -> Vec<u8> {
    let text = String::from_utf8(to_json(&workshop(), exported_at())).expect("UTF-8");
    let at = text.find(anchor).expect("the anchor") + anchor.len();
    format!("{}{insert}{}", &text[..at], &text[at..]).into_bytes()
}

/// Issue 9: `"format_version":2,"format_version":1` imported, the last key winning.
#[test]
fn a_duplicated_key_is_refused_with_its_path_at_any_depth() {
    let version = format!("\"format_version\": {FORMAT_VERSION}");
    let message = refusal(from_json(&text_with(
        &version,
        ",\n  \"format_version\": 2",
    )));
    assert!(
        message.contains("the key `format_version` is given twice")
            && message.contains("at `format_version`"),
        "{message}"
    );
    let message = refusal(from_json(&text_with(
        "\"title\": ",
        "\"Audit bis\",\n    \"title\": ",
    )));
    assert!(message.contains("at `assessment.title`"), "{message}");
    let message = refusal(from_json(&text_with(
        "\"answers\": [\n    {",
        "\n      \"answer\": \"0\",",
    )));
    assert!(message.contains("at `answers[0].answer`"), "{message}");
    assert!(message.contains("line "), "{message}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_parsed() {
    let limit = tcm_interchange::portable::MAX_FILE_BYTES;
    let mut bytes = to_json(&workshop(), exported_at());
    bytes.resize(limit + 1, b' ');
    let message = refusal(from_json(&bytes));
    assert!(message.contains("64 MiB"), "{message}");
    // Within the limit, trailing blanks are only blanks.
    bytes.truncate(limit);
    from_json(&bytes).expect("a valid file padded to the limit");
}

#[test]
fn a_string_over_the_size_limit_is_refused_with_its_path() {
    let limit = tcm_interchange::portable::MAX_STRING_BYTES;
    let long = "a".repeat(limit + 1);
    let message = refusal(read_changed(|document| {
        document["organisation"]["notes"] = json!(long);
    }));
    assert!(
        message.contains("organisation.notes") && message.contains("4 MiB"),
        "{message}"
    );
}

#[test]
fn an_anonymised_copy_names_nobody_and_scores_as_the_original() {
    let original = workshop();
    let copy = anonymised(&original);
    let labels: Vec<(&str, &str, &str)> = copy
        .respondents
        .iter()
        .map(|respondent| {
            (
                respondent.label.as_str(),
                respondent.role.as_str(),
                respondent.group.as_str(),
            )
        })
        .collect();
    // Zoé was Ventes' only member: "Ventes" on her answers would name her.
    assert_eq!(
        labels,
        [("Participant 1", "", ""), ("Participant 2", "", "")]
    );
    assert_eq!(copy.answers.len(), original.answers.len());
    assert!(copy.answers.values().all(|answer| answer.comment.is_none()));
    assert!(copy.actions.iter().all(|action| action.owner.is_empty()));
    let text = to_json(&copy, at("2026-03-05T08:00:00Z"));
    let text = String::from_utf8(text).expect("UTF-8");
    for personal in [
        "Zoé",
        "Anne Dupont",
        "Directrice commerciale",
        "revus l’été dernier",
    ] {
        assert!(!text.contains(personal), "{personal} left in the copy");
    }
    let questionnaire = original.questionnaire().expect("snapshot");
    assert_eq!(
        tcm_core::score(&questionnaire, &copy.answer_sheet()),
        tcm_core::score(&questionnaire, &original.answer_sheet()),
        "the copy scores as the original"
    );
    let read = from_json(text.as_bytes()).expect("the copy reads back");
    assert_eq!(read, copy);
}

#[test]
fn an_anonymised_copy_keeps_a_group_of_three_and_blanks_a_group_of_two() {
    let mut original = workshop();
    let answer = |label: &str| {
        (
            (Respondent::new(label), QuestionId::new("sample-cre-01")),
            recorded(Answer::Level(level(2)), None, "2026-03-02T10:20:00Z"),
        )
    };
    // Ventes: Zoé and two more who answered, and one who joined but gave no answer;
    // Direction: two who answered.
    for (label, group) in [
        ("Luc Petit", "Ventes"),
        ("Inès Roy", "Ventes "),
        ("Hugo Bon", "Direction"),
        ("Léa Gros", "Direction"),
        ("Max Vide", "Direction"),
    ] {
        original.respondents.push(profile(label, "", group));
        if label != "Max Vide" {
            let (key, value) = answer(label);
            original.answers.insert(key, value);
        }
    }
    let copy = anonymised(&original);
    let groups: Vec<&str> = copy
        .respondents
        .iter()
        .map(|respondent| respondent.group.as_str())
        .collect();
    assert_eq!(
        groups,
        ["Ventes", "", "Ventes", "Ventes ", "", "", ""],
        "Ventes answered by three is kept; Direction, two who answered, is blanked"
    );
    let questionnaire = original.questionnaire().expect("snapshot");
    assert_eq!(
        tcm_core::score(&questionnaire, &copy.answer_sheet()),
        tcm_core::score(&questionnaire, &original.answer_sheet()),
    );
}

#[test]
fn wave_overrides_travel_and_older_files_without_them_still_read() {
    let document = document();
    assert_eq!(
        document["wave_overrides"],
        json!([
            {"initiative": "segmentation+customer-value", "wave": 3},
            {"initiative": "stage:preventive", "start": "2026-04-01", "end": "2026-09-30"},
        ])
    );
    // A file written before overrides travelled: read with none, written back without them.
    let mut older = document.clone();
    older
        .as_object_mut()
        .expect("an object")
        .remove("wave_overrides");
    let read = from_json(&serde_json::to_vec(&older).expect("JSON")).expect("still read");
    assert_eq!(read.wave_overrides, None);
    assert_eq!(read.actions, workshop().actions);
    let written: Value = serde_json::from_slice(&to_json(&read, exported_at())).expect("JSON");
    assert_eq!(written, older);
    // No override at all is written as an empty list, and read back as one.
    let mut none = workshop();
    none.wave_overrides = Some(WaveOverrides::new());
    let bytes = to_json(&none, exported_at());
    assert_eq!(
        from_json(&bytes).expect("read").wave_overrides,
        Some(WaveOverrides::new())
    );
}

#[test]
fn bad_wave_overrides_are_named_by_their_path() {
    let cases = [
        (
            json!([{"initiative": "a", "wave": 4}]),
            "wave_overrides[0].wave: invalid wave \"4\" (expected 1, 2 or 3)",
        ),
        (
            json!([{"initiative": "a", "start": "2026-05-01", "end": "2026-04-01"}]),
            "wave_overrides[0].end: invalid end date",
        ),
        (
            json!([{"initiative": "a", "start": "2026-05-01", "end": "mai"}]),
            "wave_overrides[0].end: invalid date \"mai\"",
        ),
        (
            json!([{"initiative": "a", "wave": 1, "start": "2026-05-01", "end": "2026-06-01"}]),
            "wave_overrides[0]: invalid wave override",
        ),
        (
            json!([{"initiative": "a"}]),
            "expected either a wave, or a start and an end date",
        ),
        (
            json!([{"initiative": " ", "wave": 1}]),
            "wave_overrides[0].initiative: it is empty",
        ),
        (
            json!([{"initiative": "x".repeat(401), "wave": 1}]),
            "at most 400 characters",
        ),
        (
            json!([{"initiative": "a", "wave": 1}, {"initiative": "a", "wave": 2}]),
            "wave_overrides[1].initiative: initiative `a` already has an override at wave_overrides[0]",
        ),
    ];
    for (overrides, expected) in cases {
        let message = refusal(read_changed(|document| {
            document["wave_overrides"] = overrides.clone();
        }));
        assert!(message.contains(expected), "{overrides}: {message}");
    }
}
