//! The actions the team kept after the workshop: proposals they edited, planned, closed or
//! dismissed, and two they added themselves.

use chrono::{Days, NaiveDate};
use tcm_core::{ActionLink, ActionStatus, PlannedAction, QuestionId, Questionnaire, StageId};

struct Kept {
    link: Link,
    title: &'static str,
    description: &'static str,
    owner: &'static str,
    /// Days from the workshop; negative: already past.
    due_in_days: Option<i64>,
    status: ActionStatus,
    impact: u8,
    effort: u8,
}

enum Link {
    Question(&'static str),
    Stage(StageId),
}

const KEPT: &[Kept] = &[
    Kept {
        link: Link::Question("cre-06"),
        title: "Fusionner les fichiers clients dans l’ERP",
        description: "Rapatrier les fichiers des showrooms et du SAV dans l’ERP, avec un identifiant client unique ; commencer par les 300 artisans actifs.",
        owner: "Thomas Lefèvre",
        due_in_days: Some(270),
        status: ActionStatus::Planned,
        impact: 3,
        effort: 3,
    },
    Kept {
        link: Link::Question("cur-01"),
        title: "Confier les réclamations au service client",
        description: "Toutes les réclamations passent par le service client, qui répond sous 48 h.",
        owner: "Nadia Benali",
        due_in_days: Some(-40),
        status: ActionStatus::Done,
        impact: 3,
        effort: 1,
    },
    Kept {
        link: Link::Question("act-22"),
        title: "Appeler chaque nouveau client quinze jours après la pose",
        description: "Étendre aux artisans l’appel de J+15 déjà fait auprès des particuliers.",
        owner: "Nadia Benali",
        due_in_days: Some(60),
        status: ActionStatus::InProgress,
        impact: 3,
        effort: 1,
    },
    Kept {
        link: Link::Question("pro-06"),
        title: "Lancer une communauté par rôle",
        description: "Écartée : personne pour l’animer cette année ; à revoir avec le club des poseurs.",
        owner: "",
        due_in_days: None,
        status: ActionStatus::Dismissed,
        impact: 2,
        effort: 2,
    },
    Kept {
        link: Link::Stage(StageId::Proactive),
        title: "Créer le club des artisans poseurs partenaires",
        description: "Réunir deux fois par an les vingt premiers poseurs : bilan de l’année, projets de gamme, formation aux nouveaux produits.",
        owner: "Claire Delorme",
        due_in_days: Some(200),
        status: ActionStatus::Planned,
        impact: 3,
        effort: 2,
    },
    Kept {
        link: Link::Stage(StageId::Preventive),
        title: "Suivre chaque mois les artisans qui commandent moins",
        description: "Liste mensuelle des poseurs dont les commandes baissent de plus de 30 % sur trois mois, appelés par leur commercial.",
        owner: "Élodie Rousseau",
        due_in_days: Some(90),
        status: ActionStatus::Planned,
        impact: 2,
        effort: 1,
    },
];

fn due(now: NaiveDate, days: i64) -> Option<NaiveDate> {
    let offset = Days::new(days.unsigned_abs());
    if days >= 0 {
        now.checked_add_days(offset)
    } else {
        now.checked_sub_days(offset)
    }
}

pub fn kept_actions(questionnaire: &Questionnaire, now: NaiveDate) -> Vec<PlannedAction> {
    KEPT.iter()
        .filter_map(|kept| {
            let link = match kept.link {
                Link::Question(id) => {
                    questionnaire.question(id)?;
                    ActionLink::Question(QuestionId::new(id))
                }
                Link::Stage(stage) => ActionLink::Stage(stage),
            };
            Some(PlannedAction {
                link,
                title: kept.title.to_owned(),
                description: kept.description.to_owned(),
                owner: kept.owner.to_owned(),
                due: kept.due_in_days.and_then(|days| due(now, days)),
                status: kept.status,
                impact: kept.impact,
                effort: kept.effort,
            })
        })
        .collect()
}
