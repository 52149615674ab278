//! The fictitious company, its assessment and the people in the workshop.

use tcm_core::{
    Assessment, AssessmentStatus, Language, Mode, Organisation, OrganisationSize,
    RespondentProfile, Sector, Targets,
};

pub fn organisation() -> Organisation {
    Organisation {
        name: "Menuiseries Delorme & Fils".to_owned(),
        sector: Sector::Industry,
        size: Some(OrganisationSize::Medium),
        notes: "Fabricant de fenêtres et de portes-fenêtres bois-aluminium installé à Riom \
                (Puy-de-Dôme) depuis 1962\u{a0}: 185 salariés, 34 M€ de chiffre d’affaires. Vend \
                à un réseau d’artisans poseurs et, depuis 2021, aux particuliers dans ses \
                neuf showrooms d’Auvergne-Rhône-Alpes. Société fictive, créée pour la \
                démonstration."
            .to_owned(),
    }
}

pub fn assessment() -> Assessment {
    Assessment {
        title: "Audit de la relation client — comité de direction".to_owned(),
        mode: Mode::Workshop,
        language: Language::French,
        // Level 3 is the realistic goal for the stages the company is only starting on.
        targets: Targets::new([4, 4, 4, 3, 3]).unwrap_or_default(),
        status: AssessmentStatus::Completed,
    }
}

/// The workshop's respondents; the first is the managing director.
pub fn respondents() -> Vec<RespondentProfile> {
    [
        ("Claire Delorme", "Directrice générale", "Direction"),
        ("Thomas Lefèvre", "Directeur commercial", "Ventes"),
        (
            "Nadia Benali",
            "Responsable du service client",
            "Service client",
        ),
        ("Julien Marchand", "Responsable qualité", "Qualité et SAV"),
        ("Élodie Rousseau", "Chargée de marketing", "Marketing"),
    ]
    .into_iter()
    .map(|(label, role, group)| RespondentProfile {
        label: label.to_owned(),
        role: role.to_owned(),
        group: group.to_owned(),
    })
    .collect()
}
