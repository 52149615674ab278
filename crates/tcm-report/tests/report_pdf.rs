//! The demo report, rendered and checked with the real tools: `pdftotext`, `pdfinfo`,
//! `qpdf --check` and `pdffonts`. Checks bear on extracted text and metadata, never on bytes,
//! except the determinism test.

mod common;

use std::path::PathBuf;

use common::{Demo, flat, page_count, run, text_of};
use tcm_core::{Language, StageId};

/// Renders the demo report to a file that lives as long as the returned guard.
fn rendered(language: Language) -> (tempfile::TempDir, PathBuf, Demo) {
    let demo = Demo::new(language);
    let bytes = tcm_report::render_report(&demo.input()).expect("the report renders");
    let directory = tempfile::tempdir().expect("a temporary folder");
    let path = directory.path().join("rapport.pdf");
    std::fs::write(&path, bytes).expect("the PDF is written");
    (directory, path, demo)
}

/// pdftotext gives no-break spaces back as plain spaces: compare on that footing.
fn as_extracted(text: &str) -> String {
    flat(&text.replace(['\u{a0}', '\u{202f}'], " "))
}

#[test]
fn the_french_report_reads_back_with_its_typography_intact() {
    let (_guard, path, demo) = rendered(Language::French);
    let text = flat(&text_of(&path));

    for stage in StageId::ALL {
        let name = demo.input().stage_name(stage);
        assert!(text.contains(&name), "stage name {name} is missing");
    }
    for expected in [
        "Plan d’action",
        "Synthèse",
        "Menuiseries Delorme & Fils",
        tcm_core::vocabulary::OVERALL_INDEX.fr,
        "Les cinq actions prioritaires",
        "Annexe",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    let pages = page_count(&path);
    assert!(
        text.contains(&format!("Page 2 / {pages}")),
        "the running footer counts the {pages} pages"
    );
    // Every top action's title, whole.
    let top = demo.plan.top(5);
    assert_eq!(top.len(), 5);
    for item in top {
        assert!(
            text.contains(&as_extracted(&item.action.title)),
            "top action `{}` is missing",
            item.action.title
        );
    }
    // Comments keep their accents, guillemets and apostrophes exactly.
    let comments: Vec<String> = demo
        .demo
        .answers
        .responses()
        .filter_map(|(_, _, response)| response.comment.clone())
        .collect();
    assert!(comments.len() >= 18);
    let with_guillemets = comments
        .iter()
        .find(|comment| comment.contains('«'))
        .expect("a comment with guillemets");
    for word in as_extracted(with_guillemets).split(' ') {
        assert!(text.contains(word), "`{word}` of a comment is missing");
    }
    for snippet in [
        "« coûtent »",
        "d’affaires",
        "Élodie Rousseau",
        "Préventive",
        "réclamations",
    ] {
        assert!(text.contains(snippet), "`{snippet}` is missing");
    }
}

#[test]
fn every_chart_is_present_with_its_labels() {
    let (_guard, path, _demo) = rendered(Language::French);
    let text = flat(&text_of(&path));
    // One label from each chart, written as text over the chart's drawing.
    for (chart, label) in [
        ("radar", "Audit précédent"),
        ("stage bars", "5 Partenariale"),
        ("theme bars", "Segmentation et choix des clients"),
        ("heatmap", "Sans réponse"),
        ("dispersion", "Écart min–max"),
    ] {
        assert!(
            text.contains(label),
            "the {chart} chart's label `{label}` is missing"
        );
    }
    for title in [
        "Maturité par étape",
        "Score par étape et niveaux de maturité",
        "Score par thème",
        "Carte des questions par étape",
        "Dispersion des réponses par question",
    ] {
        assert!(text.contains(title), "chart title `{title}` is missing");
    }
    // The radar's projected scores, each with the TCM index the domain projected.
    let index = |values: &tcm_core::strategy::StageValues| {
        format!(
            "{:.1}",
            values.overall.expect("a projected index").rounded()
        )
        .replace('.', ",")
    };
    let projection = &_demo.strategy.projection;
    for expected in [
        format!(
            "Après la vague 1 (indice {})",
            index(&projection.after_first_wave)
        ),
        format!(
            "Après les trois vagues (indice {})",
            index(&projection.after_all_waves)
        ),
    ] {
        assert!(
            text.contains(&expected),
            "radar legend `{expected}` is missing"
        );
    }
    // The drawings: one vector form per chart.
    let json = run("qpdf", &["--json"], &path);
    let forms = json.matches("\"/Subtype\": \"/Form\"").count();
    assert!(forms >= 5, "expected 5 chart forms, found {forms}");
}

#[test]
fn the_pdf_is_valid_long_enough_and_embeds_its_fonts() {
    let (_guard, path, _demo) = rendered(Language::French);
    assert!(page_count(&path) >= 8, "{} pages", page_count(&path));
    let check = run("qpdf", &["--check"], &path);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = run("pdffonts", &[], &path);
    let embedded: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|line| line.contains("DejaVuSans"))
        .collect();
    assert_eq!(embedded.len(), 2, "{fonts}");
    for line in embedded {
        let columns: Vec<&str> = line.split_whitespace().collect();
        // name, type (two words), encoding, emb, sub, uni, object, generation
        assert_eq!(columns[columns.len() - 5], "yes", "not embedded: {line}");
    }
    let info = run("pdfinfo", &[], &path);
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    assert!(info.contains("Menuiseries Delorme & Fils"), "{info}");
}

#[test]
fn the_same_data_and_date_give_the_same_bytes() {
    let demo = Demo::new(Language::French);
    let first = tcm_report::render_report(&demo.input()).expect("renders");
    let second = tcm_report::render_report(&demo.input()).expect("renders again");
    assert!(first == second, "two renders differ");
    let mut later = demo.input();
    later.date = later.date.succ_opt().expect("a next day");
    let third = tcm_report::render_report(&later).expect("renders a day later");
    assert!(first != third, "the date must show in the document");
}

#[test]
fn the_english_report_is_in_english() {
    let (_guard, path, demo) = rendered(Language::English);
    let text = flat(&text_of(&path));
    for expected in [
        "Action plan",
        "Executive summary",
        tcm_core::vocabulary::OVERALL_INDEX.en,
        "Creative",
        "Preventive",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    let pages = page_count(&path);
    assert!(text.contains(&format!("Page 2 / {pages}")), "{pages} pages");
    for item in demo.plan.top(5) {
        assert!(text.contains(&as_extracted(&item.action.title)));
    }
    assert!(!text.contains("Plan d’action"));
}

#[test]
fn the_html_rendering_carries_the_same_charts_and_plan() {
    let demo = Demo::new(Language::French);
    let html = tcm_report::render_report_html(&demo.input()).expect("renders");
    // Five charts, the trend across audits and the roadmap.
    assert_eq!(html.matches("<svg").count(), 7);
    assert!(html.contains("Feuille de route"));
    assert!(html.contains("Suivi d’un audit à l’autre"));
    assert!(html.contains("Ce que nous avons fait a-t-il marché\u{202f}?"));
    assert!(html.contains("Plan d’action"));
    for item in demo.plan.top(5) {
        assert!(html.contains(&item.action.title.replace('&', "&amp;")));
    }
}

#[test]
fn the_roadmap_leads_the_plan_and_the_actions_move_to_the_appendix() {
    let (_guard, path, demo) = rendered(Language::French);
    let text = flat(&text_of(&path));
    let strategy = &demo.strategy;
    assert!(!strategy.focus.lead.is_empty() && strategy.focus.lead.len() <= 12);
    for expected in [
        "Feuille de route",
        "Initiatives sur 24 mois, par trimestre",
        "T1",
        "T8",
        "Vague 1",
        "Vague 3",
        "Après la vague 1",
        "Après les trois vagues",
        "Scores projetés si les initiatives aboutissent",
        "Comment la séquence est calculée",
        "question fondatrice (poids 2)",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    // The section comes before the details; the full list of actions after the appendix's title.
    let position = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is missing"))
    };
    assert!(position("Feuille de route") < position("Détail par étape"));
    let appendix = position("Annexe");
    assert!(
        text[appendix..].contains("Plan d’action"),
        "the plan is in the appendix"
    );
    assert!(!text[..appendix].contains("Chaque question dont la valeur est sous la cible"));
    // Every open action about a question is still in the report, in the appendix's table
    // (titles wrap inside their cells: the question id is looked for).
    for item in demo.plan.open() {
        if let tcm_core::ActionLink::Question(question) = &item.action.link {
            assert!(
                text[appendix..].contains(question.as_str()),
                "the action on `{question}` is missing from the appendix"
            );
        }
    }
    // The projected index after every wave, as the domain computed it.
    let after = strategy
        .projection
        .after_all_waves
        .overall
        .expect("a projected index");
    let shown = format!("{:.1}", after.rounded()).replace('.', ",");
    assert!(text.contains(&shown), "projected index {shown} is missing");
}

#[test]
fn a_workshop_report_tells_what_divided_the_room_and_what_the_consensus_changed() {
    let (_guard, path, demo) = rendered(Language::French);
    let text = as_extracted(&text_of(&path));
    for expected in [
        "Les questions les plus discutées",
        // The share of "?" per stage, for the whole room beside the groups.
        "Toute la salle",
        "Consensus enregistré",
        "Avant discussion",
        "Après discussion",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    let people = demo.input().answers.respondents().len();
    assert!(
        text.contains(&format!("{people} participants ont donné")),
        "participation is missing"
    );
    let (_guard, path, _) = rendered(Language::English);
    let text = as_extracted(&text_of(&path));
    assert!(text.contains("The most debated questions"));
    assert!(text.contains("Whole room"));
    assert!(text.contains("Before discussion"));
}

#[test]
fn the_metadata_name_the_app_claim_no_false_standard_and_give_the_language_and_bookmarks() {
    let (_directory, path, _demo) = rendered(Language::French);
    let info = run("pdfinfo", &[], &path);
    assert!(info.contains("Author:          TCM Workbench"), "{info}");
    assert!(
        !info.contains("Author:          Menuiseries"),
        "the audited company is not the author: {info}"
    );
    assert!(
        !info.contains("PDF subtype") && !info.contains("Conformance"),
        "no PDF/X or PDF/A claim: {info}"
    );
    assert!(
        info.contains("Tagged:          yes"),
        "a tagged PDF (its structure: tagged_pdf.rs): {info}"
    );
    let metadata = run("pdfinfo", &["-meta"], &path);
    assert!(!metadata.contains("GTS_PDFX"), "{metadata}");
    let json = run("qpdf", &["--json", "--json-key=qpdf"], &path);
    assert!(
        json.contains("\"/Lang\": \"u:fr\""),
        "no /Lang fr in the catalogue"
    );
    assert!(json.contains("\"/PageMode\": \"/UseOutlines\""));
    let outline = run("qpdf", &["--json", "--json-key=outlines"], &path);
    let titles: Vec<&str> = outline
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"title\": \""))
        .map(|title| title.trim_end_matches(['"', ',']))
        .collect();
    assert!(titles.len() >= 6, "{outline}");
    for stage in ["Créative", "Proactive"] {
        assert!(
            titles.iter().any(|title| title.contains(stage)),
            "no bookmark for {stage}: {titles:?}"
        );
    }
    assert!(
        outline.contains("\"kids\": [\n        {"),
        "stages nest under their section: {outline}"
    );
}
