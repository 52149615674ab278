//! What respondents wrote beside their answers: about twenty comments, in French as a
//! workshop would produce them.

use tcm_core::{AnswerSheet, QuestionId, Questionnaire, Respondent, RespondentProfile};

/// (question, respondent position, comment).
const COMMENTS: &[(&str, usize, &str)] = &[
    (
        "cre-01",
        1,
        "On segmente encore par taille de chantier ; le comportement d’achat des artisans n’entre pas en compte.",
    ),
    (
        "cre-02",
        4,
        "Les salons régionaux nous amènent « tout le monde », y compris des poseurs qui ne commandent qu’une fois par an.",
    ),
    (
        "cre-06",
        0,
        "Le nouvel ERP devait tout centraliser, mais les showrooms gardent leurs fichiers Excel.",
    ),
    (
        "cre-06",
        2,
        "Trois fichiers clients au moins : ventes, SAV et comptabilité. Impossible d’avoir l’historique d’un client au téléphone !",
    ),
    (
        "cre-10",
        3,
        "Registre RGPD tenu à jour depuis 2023 ; les durées de conservation restent à écrire pour les prospects.",
    ),
    (
        "cre-17",
        1,
        "On connaît la marge par commande, pas le coût de service par client : les gros poseurs « coûtent » sans doute plus qu’on ne le croit.",
    ),
    (
        "cre-21",
        0,
        "C’est moi qui porte le sujet, mais sans objectif chiffré ni revue trimestrielle.",
    ),
    (
        "act-01",
        4,
        "Enquête annuelle auprès des particuliers après la pose ; rien de régulier côté artisans.",
    ),
    (
        "act-06",
        2,
        "Le standard ferme à 17 h 30 alors que les poseurs appellent en fin de chantier, souvent après 18 h.",
    ),
    (
        "act-06",
        0,
        "Numéro unique et rappel sous 24 h : c’est plutôt bien perçu d’après les commerciaux.",
    ),
    (
        "act-12",
        2,
        "Le délai de fabrication « 6 semaines » est annoncé partout, mais il n’est tenu qu’une fois sur deux en période de pointe.",
    ),
    (
        "act-16",
        3,
        "Formation à l’accueil téléphonique en 2024 pour le service client ; rien pour les techniciens SAV.",
    ),
    (
        "act-22",
        2,
        "On rappelle les particuliers à J+15 depuis janvier, les retours sont excellents.",
    ),
    (
        "cur-01",
        2,
        "Depuis le printemps, c’est mon équipe qui prend en charge toutes les réclamations, avec un délai cible de 48 h.",
    ),
    ("cur-03", 0, "Les réclamations sont dans l’ERP."),
    (
        "cur-03",
        2,
        "Seulement celles qui donnent lieu à un avoir ; les autres restent dans les boîtes mail des commerciaux.",
    ),
    (
        "cur-08",
        3,
        "Revue mensuelle des non-conformités en production, mais les réclamations commerciales n’y sont pas reliées.",
    ),
    (
        "cur-12",
        3,
        "Numéro de lot gravé sur chaque dormant depuis 2019 : on retrouve le client en quelques minutes.",
    ),
    (
        "pre-04",
        4,
        "On regarde les avis Google des showrooms « quand on y pense », sans alerte ni réponse systématique.",
    ),
    (
        "pre-12",
        1,
        "Quand un poseur part chez un concurrent, on l’apprend souvent six mois plus tard…",
    ),
    (
        "pro-01",
        0,
        "Deux artisans ont testé le prototype de la fenêtre « Arverne » ; c’était informel, mais très utile.",
    ),
    (
        "act-20",
        1,
        "Pas d’accord écrit d’engagements réciproques ; les accords avec nos trois plus gros poseurs sont oraux.",
    ),
];

pub fn add_comments(
    questionnaire: &Questionnaire,
    respondents: &[RespondentProfile],
    sheet: &mut AnswerSheet,
) {
    for (id, position, comment) in COMMENTS {
        let (Some(_), Some(profile)) = (questionnaire.question(id), respondents.get(*position))
        else {
            continue;
        };
        let respondent = Respondent::new(&profile.label);
        let question = QuestionId::new(*id);
        if let Some(response) = sheet.response(&respondent, &question) {
            let mut response = response.clone();
            response.comment = Some((*comment).to_owned());
            sheet.set(respondent, question, response);
        }
    }
}
