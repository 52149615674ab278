//! The consultant's own summary, written by hand in the report settings and shown first:
//! paragraphs separated by blank lines, lines starting with `- ` or `• ` as bullets.

use crate::document::{Block, Piece, Tone};
use crate::input::ReportInput;
use crate::settings::ReportSettings;
use crate::words::words;

pub fn management_summary(input: &ReportInput<'_>, settings: &ReportSettings) -> Vec<Block> {
    let text = settings.executive_summary.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Section(
        words(input.language).management_summary.to_owned(),
    )];
    let normalised = text.replace("\r\n", "\n");
    for paragraph in normalised.split("\n\n") {
        let lines: Vec<&str> = paragraph
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let bullet = |line: &&str| line.starts_with("- ") || line.starts_with("• ");
        if lines.iter().all(bullet) {
            blocks.push(Block::Bullets(
                lines
                    .iter()
                    .map(|line| {
                        line[line.find(' ').map_or(0, |at| at + 1)..]
                            .trim()
                            .to_owned()
                    })
                    .collect(),
            ));
        } else {
            blocks.push(Block::Paragraph(Piece::new(lines.join(" "), Tone::Normal)));
        }
    }
    blocks
}
