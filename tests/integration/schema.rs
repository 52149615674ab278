//! The JSON Schema editors use accepts every questionnaire file of the repository and refuses
//! what the validator refuses for shape reasons.

use serde_json::Value;

use crate::util::read;

fn schema() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&read("questionnaires/schema/questionnaire.schema.json"))
            .expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn as_json(toml_text: &str) -> Value {
    let value: toml::Value = toml::from_str(toml_text).expect("TOML");
    serde_json::to_value(value).expect("JSON")
}

#[test]
fn every_questionnaire_file_matches_the_schema() {
    let validator = schema();
    for file in [
        "sample.toml",
        "tcm-92.toml",
        "tcm-92-v1.toml",
        "tcm-25-classroom.toml",
    ] {
        let instance = as_json(&read(&format!("questionnaires/{file}")));
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|error| error.to_string())
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

#[test]
fn the_schema_refuses_bad_shapes() {
    let validator = schema();
    let sample = read("questionnaires/sample.toml");
    for (from, to) in [
        ("weight = 2", "weight = 0"),
        ("id = \"creative\"", "id = \"creation\""),
        ("action.effort = 2", "action.effort = 5"),
        (
            "source = \"Kotler — clients mystères\"",
            "sources = \"Kotler — clients mystères\"",
        ),
        ("text.en = \"Do you ask lost customers why they left?\"", ""),
        ("format = 1", "format = 3"),
        ("format = 1", "format = 2"),
    ] {
        let broken = sample.replacen(from, to, 1);
        assert_ne!(broken, sample, "`{from}` is in the sample");
        assert!(
            !validator.is_valid(&as_json(&broken)),
            "the schema accepts `{to}`"
        );
    }
}
