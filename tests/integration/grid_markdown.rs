//! The committed Markdown rendering of the grid is the one `tcm grid` produces today.

use tcm_report::grid_markdown::{Languages, render, render_with_changelog};

use crate::util::{grid, read};

#[test]
fn the_committed_markdown_grid_is_up_to_date() {
    let rendered = render_with_changelog(
        &grid("tcm-92.toml"),
        Languages::Both,
        "tcm-92.toml",
        &read("questionnaires/tcm-92-changelog.md"),
    );
    let committed = read("questionnaires/tcm-92.md");
    assert!(
        rendered == committed,
        "questionnaires/tcm-92.md is out of date; regenerate it with:\n  \
         cargo run -p tcm-cli -- grid questionnaires/tcm-92.toml --changelog questionnaires/tcm-92-changelog.md --out questionnaires/tcm-92.md"
    );
    assert!(
        committed.contains("## Changelog"),
        "the grid lists its changes"
    );
}

#[test]
fn the_markdown_grid_holds_every_question_in_both_languages() {
    let grid = grid("tcm-92.toml");
    let rendered = render(&grid, Languages::Both, "tcm-92.toml");
    for question in grid.questions() {
        assert!(
            rendered.contains(&format!("#### `{}`", question.id)),
            "{}",
            question.id
        );
        assert!(
            rendered.contains(&question.text.fr.replace('*', "\\*")),
            "{} fr",
            question.id
        );
        assert!(
            rendered.contains(&question.text.en.replace('*', "\\*")),
            "{} en",
            question.id
        );
    }
    let french_only = render(
        &grid,
        Languages::One(tcm_core::Language::French),
        "tcm-92.toml",
    );
    assert!(french_only.contains("Échelle de réponse") && !french_only.contains("Answer scale"));
}
