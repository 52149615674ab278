//! Handlers about questionnaires.

use crate::catalogue;
use crate::error::ApiError;
use crate::transfer::QuestionnaireOverview;

/// Every bundled questionnaire, at a glance.
pub fn list_questionnaires() -> Result<Vec<QuestionnaireOverview>, ApiError> {
    Ok(catalogue::bundled()?.iter().map(Into::into).collect())
}

/// One questionnaire at a glance; the default one when `id` is `None`.
pub fn questionnaire_overview(id: Option<&str>) -> Result<QuestionnaireOverview, ApiError> {
    let id = id.unwrap_or(catalogue::DEFAULT_QUESTIONNAIRE);
    catalogue::bundled()?
        .iter()
        .find(|questionnaire| questionnaire.id() == id)
        .map(Into::into)
        .ok_or_else(|| ApiError::not_found(format!("no questionnaire `{id}` is bundled")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn the_default_questionnaire_has_the_five_stages_in_order() {
        let overview = questionnaire_overview(None).expect("bundled");
        let stages: Vec<&str> = overview
            .stages
            .iter()
            .map(|stage| stage.id.as_str())
            .collect();
        assert_eq!(
            stages,
            ["creative", "active", "curative", "preventive", "proactive"]
        );
        assert_eq!(overview.stages[3].name.fr, "Préventive");
        let total: u32 = overview
            .stages
            .iter()
            .map(|stage| stage.question_count)
            .sum();
        assert_eq!(total, overview.question_count);
    }

    #[test]
    fn an_unknown_questionnaire_is_not_found() {
        let error = questionnaire_overview(Some("nope")).expect_err("unknown");
        assert_eq!(error.kind, ErrorKind::NotFound);
        assert_eq!(
            serde_json::to_value(&error).expect("serializes"),
            serde_json::json!({"kind": "notFound", "message": "no questionnaire `nope` is bundled"})
        );
    }

    #[test]
    fn the_full_grid_and_its_classroom_variant_are_bundled() {
        let list = list_questionnaires().expect("bundled");
        let summary: Vec<(&str, u32, Option<&str>)> = list
            .iter()
            .map(|q| (q.id.as_str(), q.question_count, q.variant_of.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("tcm-92", 92, None),
                ("tcm-25-classroom", 25, Some("tcm-92"))
            ]
        );
    }
}
