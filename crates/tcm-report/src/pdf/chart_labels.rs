//! Splits a chart's SVG into its drawing and its text labels. The drawing becomes a vector
//! form in the PDF; the labels are written as real PDF text on top of it, in the embedded
//! font. That keeps chart text searchable and copyable, and spares converting every glyph to
//! a path (by far the slowest part of embedding an SVG).
//!
//! It reads the `<text>` elements plotters' SVG backend writes: `x`, `y`, `dy` (`0.76em`,
//! `0.5ex`, `-0.5ex`), `text-anchor`, `font-size`, `font-weight` and `fill`, the text itself
//! XML-escaped.

use super::page::Colour;

/// A label of a chart, in the SVG's pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f32,
    /// The baseline, once `dy` is applied.
    pub baseline: f32,
    pub anchor: Anchor,
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// The x-height of DejaVu Sans, in ems: what `ex` means for the labels.
const EX: f32 = 0.547;

/// The SVG without its `<text>` elements, and the labels they held.
pub fn split(svg: &str) -> (String, Vec<Label>) {
    let mut drawing = String::with_capacity(svg.len());
    let mut labels = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        drawing.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(close) = after.find("</text>") else {
            break;
        };
        let element = &after[..close];
        if let Some(label) = parse_label(element) {
            labels.push(label);
        }
        rest = &after[close + "</text>".len()..];
    }
    drawing.push_str(rest);
    (drawing, labels)
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = at + tag[at..].find('"')?;
    Some(&tag[at..end])
}

fn parse_label(element: &str) -> Option<Label> {
    let tag_end = element.find('>')?;
    let tag = &element[..tag_end];
    let text = unescape(element[tag_end + 1..].trim());
    let x: f32 = attribute(tag, "x")?.parse().ok()?;
    let y: f32 = attribute(tag, "y")?.parse().ok()?;
    let size: f32 = attribute(tag, "font-size")?.parse().ok()?;
    let dy = match attribute(tag, "dy").unwrap_or("0") {
        "0.76em" => 0.76 * size,
        "0.5ex" => 0.5 * EX * size,
        "-0.5ex" => -0.5 * EX * size,
        _ => 0.0,
    };
    let anchor = match attribute(tag, "text-anchor").unwrap_or("start") {
        "middle" => Anchor::Middle,
        "end" => Anchor::End,
        _ => Anchor::Start,
    };
    Some(Label {
        text,
        x,
        baseline: y + dy,
        anchor,
        size,
        bold: attribute(tag, "font-weight") == Some("bold"),
        colour: attribute(tag, "fill")
            .and_then(hex_colour)
            .unwrap_or(Colour::INK),
    })
}

fn hex_colour(text: &str) -> Option<Colour> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |range: std::ops::Range<usize>| u8::from_str_radix(hex.get(range)?, 16).ok();
    Some(Colour(byte(0..2)?, byte(2..4)?, byte(4..6)?))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_lifted_out_of_the_drawing() {
        let svg = "<svg width=\"10\" height=\"10\"><rect/>\
                   <text x=\"52\" y=\"18\" dy=\"0.76em\" text-anchor=\"middle\" font-family=\"DejaVu Sans\" \
                   font-size=\"10\" opacity=\"1\" fill=\"#C2415B\" font-weight=\"bold\">\nPréventive &amp; «\u{a0}co\u{a0}»\n</text>\
                   <circle/></svg>";
        let (drawing, labels) = split(svg);
        assert_eq!(
            drawing,
            "<svg width=\"10\" height=\"10\"><rect/><circle/></svg>"
        );
        assert_eq!(
            labels,
            vec![Label {
                text: "Préventive & «\u{a0}co\u{a0}»".to_owned(),
                x: 52.0,
                baseline: 25.6,
                anchor: Anchor::Middle,
                size: 10.0,
                bold: true,
                colour: Colour(0xC2, 0x41, 0x5B),
            }]
        );
    }
}
