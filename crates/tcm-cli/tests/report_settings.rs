//! `tcm report` with the consultant's settings: flags for one report, `--remember` for the
//! organisation's next ones, and hostile logos or summaries refused with the file named.

use predicates::prelude::*;

mod common;

use common::{demo_database, pdf_text, tcm};

#[test]
fn flags_shape_one_report_and_remember_keeps_them() {
    let (dir, db) = demo_database();
    let logo = dir.path().join("logo.svg");
    std::fs::write(
        &logo,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"30\"><rect width=\"90\" height=\"30\" fill=\"#2e86c1\"/></svg>",
    )
    .expect("written");
    let summary = dir.path().join("synthese.txt");
    std::fs::write(
        &summary,
        "\u{feff}Le client écoute ; il n’anticipe pas.\n\n- Agir vite\n",
    )
    .expect("written");
    let first = dir.path().join("premier.pdf");
    tcm(&db)
        .args([
            "report",
            "--assessment",
            "2",
            "--firm",
            "Cabinet Orée",
            "--prepared-by",
            "Élodie R.",
        ])
        .args(["--sections", "summary,plan", "--summary-file"])
        .arg(&summary)
        .arg("--logo")
        .arg(&logo)
        .arg("--remember")
        .arg("--out")
        .arg(&first)
        .assert()
        .success()
        .stdout(predicate::str::contains("report settings saved"));
    let text = pdf_text(&first);
    assert!(text.contains("Cabinet Orée"));
    assert!(text.contains("Le client écoute ; il n’anticipe pas."));
    assert!(text.contains("Agir vite"));
    assert!(!text.contains("Annexe"), "the appendix is left out");
    // The next report, without flags, has the remembered settings.
    let second = dir.path().join("second.pdf");
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&second)
        .assert()
        .success();
    let text = pdf_text(&second);
    assert!(text.contains("Cabinet Orée") && text.contains("Élodie R."));
    assert!(!text.contains("Annexe"));
}

#[test]
fn hostile_logos_and_summaries_are_refused_naming_the_file() {
    let (dir, db) = demo_database();
    let out = dir.path().join("r.pdf");
    // A PNG header declaring 100 000 × 100 000 pixels.
    let mut bomb = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bomb.extend_from_slice(&100_000u32.to_be_bytes());
    bomb.extend_from_slice(&100_000u32.to_be_bytes());
    bomb.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let png = dir.path().join("bombe.png");
    std::fs::write(&png, bomb).expect("written");
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&out)
        .arg("--logo")
        .arg(&png)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bombe.png: the PNG logo declares 100000 × 100000 pixels",
        ));
    let svg = dir.path().join("externe.svg");
    std::fs::write(
        &svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\">\n<rect fill=\"url(file:///etc/x)\"/></svg>",
    )
    .expect("written");
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&out)
        .arg("--logo")
        .arg(&svg)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(
                "externe.svg: the SVG logo refers to something outside itself",
            )
            .and(predicate::str::contains("(line 2)")),
        );
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"R\xe9sum\xe9").expect("written");
    tcm(&db)
        .args(["report", "--assessment", "2", "--out"])
        .arg(&out)
        .arg("--summary-file")
        .arg(&latin1)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "latin1.txt: the summary file is not UTF-8 text (byte 1)",
        ));
    tcm(&db)
        .args([
            "report",
            "--assessment",
            "2",
            "--sections",
            "summary,annexes",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown section `annexes`"));
    assert!(!out.exists(), "nothing was written");
}
