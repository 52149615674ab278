//! Helpers shared by the store tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use tcm_core::{
    Assessment, AssessmentStatus, Language, Mode, Organisation, OrganisationSize, Questionnaire,
    RespondentProfile, Sector, Targets,
};
use tcm_store::{AssessmentId, NewAssessment, OrganisationId, RespondentId, Store};

pub const SAMPLE: &str = include_str!("../../../../questionnaires/sample.toml");

pub fn sample() -> Questionnaire {
    Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid")
}

/// A fixed moment plus `seconds`.
pub fn at(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid date")
        + chrono::Duration::seconds(seconds)
}

pub fn database(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("data").join("tcm.sqlite")
}

pub fn organisation(name: &str) -> Organisation {
    Organisation {
        name: name.to_owned(),
        sector: Sector::Retail,
        size: Some(OrganisationSize::Medium),
        notes: "Réseau de 12 magasins « bio »".to_owned(),
    }
}

pub fn assessment(title: &str) -> Assessment {
    Assessment {
        title: title.to_owned(),
        mode: Mode::Workshop,
        language: Language::French,
        targets: Targets::default(),
        status: AssessmentStatus::InProgress,
    }
}

pub fn profile(label: &str) -> RespondentProfile {
    RespondentProfile {
        label: label.to_owned(),
        role: "Direction".to_owned(),
        group: "Siège".to_owned(),
    }
}

/// A store with one organisation, one assessment on the sample questionnaire and one respondent.
pub fn seeded(path: &Path) -> (Store, OrganisationId, AssessmentId, RespondentId) {
    let mut store = Store::open(path, at(0)).expect("opens");
    let organisation = store
        .create_organisation(&organisation("Maison Durand"), at(1))
        .expect("organisation");
    let questionnaire = sample();
    let assessment = store
        .create_assessment(
            &NewAssessment {
                organisation,
                questionnaire: &questionnaire,
                assessment: assessment("Audit 2026"),
            },
            at(2),
        )
        .expect("assessment");
    let respondent = store
        .add_respondent(assessment, &profile("Claire"), at(3))
        .expect("respondent");
    (store, organisation, assessment, respondent)
}

pub fn sha(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("readable")
}
