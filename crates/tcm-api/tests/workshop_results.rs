//! The results of a live workshop as a consultant checks them after the session: perception
//! gaps per group, the share of "?", what divided the room and the consensus before → after,
//! in the app's results and the PDF and Word reports — and in an anonymous session no figure
//! for a group of fewer than three, nor one that gives it away by subtraction.

use std::path::{Path, PathBuf};
use std::process::Command;

use tcm_api::transfer::{GroupPerceptionView, GroupStageView, ResultsView};
use tcm_api::transfers::{self, ExportKind};

#[path = "support/pdf_text.rs"]
mod pdf_text;
use pdf_text::pdf_text;
#[path = "support/workbench.rs"]
mod support_workbench;
use support_workbench::workbench;
#[path = "support/workshop.rs"]
mod workshop;

/// Where a test leaves its documents for a person to look at (`TCM_WORKSHOP_OUT`), else the
/// test's temporary folder.
fn out_dir(dir: &tempfile::TempDir) -> PathBuf {
    std::env::var_os("TCM_WORKSHOP_OUT").map_or_else(|| dir.path().to_owned(), Into::into)
}

fn group<'a>(view: &'a ResultsView, name: &str) -> &'a GroupPerceptionView {
    view.groups
        .iter()
        .find(|group| group.group == name)
        .unwrap_or_else(|| panic!("group {name} listed"))
}

/// A score as the French report prints it.
fn french(score: Option<f64>) -> String {
    score.map_or_else(
        || "—".to_owned(),
        |score| format!("{score:.1}").replace('.', ","),
    )
}

#[test]
fn results_show_each_group_side_by_side_and_nothing_that_gives_the_direction_away() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = workshop::anonymous_workshop(&workbench);
    let view = tcm_api::results::assessment_results(&workbench, id, "fr").expect("results");
    assert_eq!(view.respondents, 8);
    assert_eq!(view.room.len(), 5, "the whole room, every stage");

    // Direction (2) is under three; shown, Service client would let the room minus Ventes
    // minus Service client be the two directors': it is withheld too, saying why.
    let direction = group(&view, "Direction");
    assert_eq!(
        (direction.members, direction.withheld, direction.shields),
        (2, true, false)
    );
    assert!(direction.stages.is_empty());
    let service = group(&view, "Service client");
    assert_eq!(
        (service.members, service.withheld, service.shields),
        (3, true, true)
    );
    assert!(service.stages.is_empty());
    let sales = group(&view, "Ventes");
    assert!(!sales.withheld);
    assert_eq!(sales.stages.len(), 5);
    // Whoever is outside the groups shown is nobody or at least three people.
    let shown: u32 = view
        .groups
        .iter()
        .filter(|group| !group.withheld)
        .map(|group| group.members)
        .sum();
    assert!(view.respondents - shown >= 3);

    // Sales do not know some of the préventive stage; the room's share counts them.
    let stage = |stages: &[GroupStageView], id: &str| {
        stages
            .iter()
            .find(|stage| serde_json::to_value(stage.stage).expect("JSON") == id)
            .cloned()
            .expect("stage")
    };
    let sales_preventive = stage(&sales.stages, "preventive");
    assert!(sales_preventive.dont_know_share.expect("answered") > 0.1);
    assert!(
        stage(&view.room, "proactive")
            .dont_know_share
            .expect("answered")
            > 0.1
    );
    assert_eq!(stage(&sales.stages, "creative").dont_know_share, Some(0.0));

    // The consensus recorded, stage by stage: the room's answers alone, then the audit's score.
    assert_eq!(view.consensus_effect.len(), 5);
    for ((effect, room), after) in view
        .consensus_effect
        .iter()
        .zip(&view.room)
        .zip(&view.stages)
    {
        assert_eq!((effect.stage, effect.before), (room.stage, room.score));
        assert_eq!((effect.stage, effect.after), (after.id, after.score));
        let change = effect.change.expect("both scores");
        let shown = effect.after.expect("after") - effect.before.expect("before");
        assert!((change - shown).abs() < 1e-9, "{change} ≠ {shown}");
    }
    // cur-03 agreed at 2 where sales said 4 and customer service 0; cur-08 at 1 over a mean of
    // 3.1: the curative stage falls.
    let curative = &view.consensus_effect[2];
    assert!(curative.change.expect("change") < 0.0, "{curative:?}");

    // What divided the room: cur-03 (4 against 0) among the first, the largest spread first,
    // each with the value agreed afterwards.
    assert!(!view.divisions.is_empty());
    let spreads: Vec<f64> = view
        .divisions
        .iter()
        .map(|division| division.standard_deviation.unwrap_or(0.0))
        .collect();
    assert!(
        spreads.windows(2).all(|pair| pair[0] >= pair[1]),
        "{spreads:?}"
    );
    let cur03 = view
        .divisions
        .iter()
        .position(|division| division.question.ends_with("cur-03"))
        .expect("cur-03 divides the room");
    assert!(cur03 < 8, "cur-03 among the most divided, at {cur03}");
    let division = &view.divisions[cur03];
    assert_eq!((division.lowest, division.highest), (Some(0), Some(4)));
    assert_eq!(division.votes, 8);
    assert_eq!(
        division.levels.iter().sum::<u32>() + division.not_applicable + division.dont_know,
        8
    );
    assert_eq!(
        serde_json::to_value(division.agreed).expect("JSON"),
        serde_json::json!("2")
    );

    // Without any consensus value there is no effect to show.
    for (question, _, _) in workshop::CONSENSUS {
        tcm_api::assessments::set_consensus(
            &workbench,
            &tcm_api::transfer::ConsensusInput {
                assessment_id: id,
                question_id: question.to_owned(),
                value: None,
                note: String::new(),
            },
        )
        .expect("removed");
    }
    let view = tcm_api::results::assessment_results(&workbench, id, "fr").expect("results");
    assert!(view.consensus_effect.is_empty());
    assert!(
        view.divisions
            .iter()
            .all(|division| division.agreed.is_none())
    );
}

/// Text with every run of white space (line ends of wrapped lines) as one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One line of the `-layout` text that starts with `label`, with the rest of its row.
fn layout_line(layout: &str, label: &str) -> String {
    layout
        .lines()
        .find(|line| line.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no line starts with {label}"))
        .to_owned()
}

fn layout_text(path: &Path, first: usize, last: usize) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout", "-f", &first.to_string(), "-l", &last.to_string()])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_pdf_workshop_section_tells_participation_gaps_debates_and_the_consensus_effect() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = workshop::anonymous_workshop(&workbench);
    let out = out_dir(&dir);
    let pdf = out.join("atelier-fr.pdf");
    tcm_api::reports::export_report(&workbench, id, "fr", &pdf).expect("report");
    let text = flat(&pdf_text(&pdf));
    for expected in [
        "8 participants ont donné 736 réponses (Direction, Service client, Ventes).",
        "Écarts de perception entre groupes",
        "Moins de trois personnes : aucun chiffre.",
        "Masqué : avec les chiffres de la salle, il révélerait ceux d’un groupe plus petit.",
        "Les questions les plus discutées",
        "Consensus enregistré",
        "6 valeurs de consensus enregistrées.",
        "Valeurs retenues",
        "Atelier « relation client » — comité élargi",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
    // French typography as printed (pdftotext gives no-break spaces back as plain ones):
    // no line of the section starts with a closing « » », « : », « ? » or « % », none ends
    // with « « » or « = ».
    let section = &text[text.find("participants ont donné").expect("section")..];
    let tight: String = section.split_whitespace().collect();
    assert!(
        tight.contains("«?»13%") && tight.contains("n=2"),
        "{section}"
    );
    // The small cells keep their no-break spaces when copied: each stage's share of « ? »
    // reads as printed, not `«?»0%` (pdftotext used to glue the evenly spaced pieces).
    let raw = pdf_text(&pdf);
    for cell in ["« ? » 0 %", "« ? » 3 %", "« ? » 13 %"] {
        assert!(
            raw.lines().any(|line| line.trim() == cell),
            "`{cell}` is not read back as printed"
        );
    }
    assert!(!raw.contains("«?»"), "no-break spaces lost");
    // The pages of the section, as a reader lays them out.
    let pages = (1..=40)
        .filter(|page| {
            let text = layout_text(&pdf, *page, *page);
            text.contains("participants ont donné")
                || text.contains("Consensus enregistré")
                || text.contains("Valeurs retenues")
        })
        .collect::<Vec<_>>();
    let (first, last) = (pages[0], pages[pages.len() - 1]);
    let layout = layout_text(&pdf, first, last);
    let plain = String::from_utf8(
        Command::new("pdftotext")
            .args(["-f", &first.to_string(), "-l", &last.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext")
            .stdout,
    )
    .expect("UTF-8");
    for line in plain.lines().filter(|line| !line.trim().is_empty()) {
        let line = line.trim();
        assert!(
            !line.starts_with(['»', ':', '?', '%', ';', '!', '=']) && !line.ends_with(['«', '=']),
            "a line broken at a no-break space: `{line}`"
        );
    }
    // Withheld groups: a dash in every stage, no figure.
    for name in ["Direction", "Service client"] {
        let line = layout_line(&layout, name);
        assert!(
            !line.chars().any(|c| c.is_ascii_digit()),
            "a figure for {name}: {line}"
        );
        assert_eq!(line.matches('—').count(), 5, "{line}");
    }
    // Sales and the room: their scores, as the results compute them.
    let view = tcm_api::results::assessment_results(&workbench, id, "fr").expect("results");
    let sales = group(&view, "Ventes");
    let line = layout_line(&layout, "Ventes");
    for stage in &sales.stages {
        assert!(line.contains(&french(stage.score)), "{line}");
    }
    // Before → after discussion for each stage: the room's answers, then the audit's scores
    // (consensus included), and the difference between the two figures printed.
    for (room, after) in view.room.iter().zip(&view.stages) {
        let name = &after.name.fr;
        let line = layout
            .lines()
            .filter(|line| line.trim_start().starts_with(name.as_str()))
            .find(|line| line.contains('+') || line.contains('−') || line.matches(',').count() == 3)
            .unwrap_or_else(|| panic!("no before → after line for {name}"));
        let (before, after) = (room.score.expect("before"), after.score.expect("after"));
        let change = ((after - before) * 10.0).round() / 10.0;
        let change = if change > 0.0 {
            format!("+{change:.1}")
        } else if change < 0.0 {
            format!("−{:.1}", change.abs())
        } else {
            format!("{change:.1}")
        }
        .replace('.', ",");
        for figure in [french(Some(before)), french(Some(after)), change] {
            assert!(line.contains(&figure), "{figure} missing from {line}");
        }
    }
    // The values agreed, each once with the room's answers before it.
    for (question, value, _) in workshop::CONSENSUS {
        let line = layout_line(&layout, question);
        assert!(line.trim_end().ends_with(value), "{question}: {line}");
    }
    if std::env::var_os("TCM_WORKSHOP_OUT").is_some() {
        let status = Command::new("pdftoppm")
            .args([
                "-r",
                "80",
                "-png",
                "-f",
                &first.to_string(),
                "-l",
                &last.to_string(),
            ])
            .arg(&pdf)
            .arg(out.join("atelier-fr"))
            .status()
            .expect("pdftoppm runs");
        assert!(status.success());
    }

    let pdf = out.join("atelier-en.pdf");
    tcm_api::reports::export_report(&workbench, id, "en", &pdf).expect("report");
    let text = flat(&pdf_text(&pdf));
    for expected in [
        "8 participants gave 736 answers (Direction, Service client, Ventes).",
        "Perception gaps between groups",
        "Fewer than three people: no figure.",
        "Hidden: with the room’s figures it would reveal a smaller group’s.",
        "Values agreed",
    ] {
        assert!(text.contains(expected), "`{expected}` is missing");
    }
}

/// The text of a Word document's body, paragraph by paragraph.
fn docx_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("docx");
    let output = Command::new("unzip")
        .args(["-p"])
        .arg(path)
        .arg("word/document.xml")
        .output()
        .expect("unzip runs");
    assert!(output.status.success() && !bytes.is_empty());
    let xml = String::from_utf8(output.stdout).expect("UTF-8");
    let mut text = String::new();
    for piece in xml.split('<') {
        if piece.starts_with("/w:p>") || piece.starts_with("/w:tc>") {
            text.push('\n');
        } else if let Some((tag, content)) = piece.split_once('>')
            && tag.starts_with("w:t")
            && !tag.starts_with("w:tc")
            && !tag.starts_with("w:tbl")
        {
            text.push_str(
                &content
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'"),
            );
        }
    }
    text
}

#[test]
fn the_word_report_has_the_same_workshop_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = workshop::anonymous_workshop(&workbench);
    let docx = out_dir(&dir).join("atelier-fr.docx");
    transfers::export(&workbench, id, ExportKind::Docx, &docx).expect("docx");
    let text = docx_text(&docx);
    for expected in [
        "8 participants ont donné 736 réponses (Direction, Service client, Ventes).",
        "Écarts de perception entre groupes",
        "«\u{a0}?\u{a0}» 13\u{a0}%",
        "Moins de trois personnes\u{a0}: aucun chiffre.",
        "Masqué\u{a0}: avec les chiffres de la salle",
        "Les questions les plus discutées",
        "6 valeurs de consensus enregistrées.",
        "Avant discussion",
        "Effet",
        "Valeurs retenues",
    ] {
        assert!(text.contains(expected), "`{expected:?}` is missing");
    }
    // The withheld groups' rows: the name, its size, why, then five dashes.
    let lines: Vec<&str> = text.lines().filter(|line| !line.is_empty()).collect();
    for name in ["Direction", "Service client"] {
        let at = lines
            .iter()
            .rposition(|line| *line == name)
            .unwrap_or_else(|| panic!("{name} row"));
        let row = &lines[at..at + 8];
        assert_eq!(row[0], name);
        assert_eq!(
            row.iter().filter(|cell| **cell == "—").count(),
            5,
            "{row:?}"
        );
        assert!(
            row[2..]
                .iter()
                .all(|cell| !cell.chars().any(|c| c.is_ascii_digit())),
            "{row:?}"
        );
    }
}

#[test]
fn the_anonymous_tcm_blanks_the_group_of_two_and_the_full_tcm_keeps_everything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workbench = workbench(&dir);
    let id = workshop::anonymous_workshop(&workbench);
    let read = |kind: ExportKind, name: &str| {
        let path = dir.path().join(name);
        transfers::export(&workbench, id, kind, &path).expect("exported");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("file")).expect("JSON");
        json["respondents"]
            .as_array()
            .expect("respondents")
            .iter()
            .map(|respondent| respondent["group"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    // Shared: the two directors' answers carry no group that would point at them.
    let shared = read(ExportKind::AnonymousTcm, "partage.tcm");
    assert_eq!(shared.len(), 8);
    assert!(
        !shared.iter().any(|group| group == "Direction"),
        "{shared:?}"
    );
    assert_eq!(shared.iter().filter(|group| *group == "Ventes").count(), 3);
    assert_eq!(
        shared
            .iter()
            .filter(|group| *group == "Service client")
            .count(),
        3
    );
    // The consultant's own file keeps every group: it restores the assessment as it was, and
    // any app reading it withholds the same figures.
    let full = read(ExportKind::Tcm, "atelier.tcm");
    assert_eq!(full.iter().filter(|group| *group == "Direction").count(), 2);
}
