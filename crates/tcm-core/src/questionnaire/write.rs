//! Writing a questionnaire back as a TOML file. Stored assessments keep this text as their
//! questionnaire snapshot; reading it back gives the same questionnaire. A questionnaire whose
//! questions all have a rubric is written in format 2; otherwise (version 1 of the grid, old
//! snapshots) in format 1, which older versions of the product can still read.

use std::fmt::Write;

use super::model::Questionnaire;
use super::parse::{FORMAT_VERSION, OLDEST_FORMAT_VERSION};
use crate::text::Localized;

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn localized(out: &mut String, key: &str, text: &Localized) {
    let _ = writeln!(out, "{key}.fr = {}", quoted(&text.fr));
    let _ = writeln!(out, "{key}.en = {}", quoted(&text.en));
}

/// A weight as TOML: an integer when it is one, a decimal otherwise.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value:?}")
    }
}

impl Questionnaire {
    /// The file format this questionnaire is written in: 2 when every question has a rubric,
    /// 1 otherwise.
    pub fn format(&self) -> i64 {
        if !self.questions.is_empty()
            && self
                .questions
                .iter()
                .all(|question| question.rubric.is_some())
        {
            FORMAT_VERSION
        } else {
            OLDEST_FORMAT_VERSION
        }
    }

    /// The questionnaire as a complete file. A variant is written in full (its questions,
    /// themes, scale and stages), with `variant_of` naming its base.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "format = {}", self.format());
        let _ = writeln!(out, "id = {}", quoted(&self.id));
        let _ = writeln!(out, "version = {}", quoted(&self.version.to_string()));
        localized(&mut out, "title", &self.title);
        if let Some(description) = &self.description {
            localized(&mut out, "description", description);
        }
        if let Some(origin) = &self.variant_of {
            let _ = writeln!(
                out,
                "variant_of = {{ id = {}, version = {} }}",
                quoted(&origin.id),
                quoted(&origin.version.to_string())
            );
        }
        for level in &self.scale {
            let _ = writeln!(out, "\n[[scale]]\nlevel = {}", level.level);
            localized(&mut out, "label", &level.label);
            localized(&mut out, "description", &level.description);
        }
        for stage in &self.stages {
            let _ = writeln!(out, "\n[[stages]]\nid = {}", quoted(stage.id.as_str()));
            localized(&mut out, "name", &stage.name);
            localized(&mut out, "purpose", &stage.purpose);
        }
        for theme in &self.themes {
            let _ = writeln!(
                out,
                "\n[[themes]]\nid = {}\nstage = {}",
                quoted(theme.id.as_str()),
                quoted(theme.stage.as_str())
            );
            localized(&mut out, "name", &theme.name);
            if let Some(description) = &theme.description {
                localized(&mut out, "description", description);
            }
        }
        for question in &self.questions {
            let _ = writeln!(
                out,
                "\n[[questions]]\nid = {}\nstage = {}\ntheme = {}\nweight = {}\nsource = {}",
                quoted(question.id.as_str()),
                quoted(question.stage.as_str()),
                quoted(question.theme.as_str()),
                number(question.weight),
                quoted(&question.source)
            );
            if let Some(quote) = &question.quote {
                let _ = writeln!(out, "quote = {}", quoted(quote));
            }
            if !question.depends_on.is_empty() {
                let ids: Vec<String> = question
                    .depends_on
                    .iter()
                    .map(|id| quoted(id.as_str()))
                    .collect();
                let _ = writeln!(out, "depends_on = [{}]", ids.join(", "));
            }
            localized(&mut out, "text", &question.text);
            localized(&mut out, "help", &question.help);
            if let Some(note) = &question.may_not_apply {
                localized(&mut out, "may_not_apply", note);
            }
            if let Some(rubric) = &question.rubric {
                for (code, pick) in [
                    (
                        "fr",
                        (|text: &Localized| text.fr.clone()) as fn(&Localized) -> String,
                    ),
                    ("en", |text: &Localized| text.en.clone()),
                ] {
                    let levels: Vec<String> = rubric
                        .levels()
                        .iter()
                        .map(|level| format!("  {},", quoted(&pick(level))))
                        .collect();
                    let _ = writeln!(out, "rubric.{code} = [\n{}\n]", levels.join("\n"));
                }
            }
            if let Some(look_for) = &question.look_for {
                localized(&mut out, "look_for", look_for);
            }
            localized(&mut out, "action.title", &question.action.title);
            localized(&mut out, "action.description", &question.action.description);
            let _ = writeln!(
                out,
                "action.effort = {}\naction.impact = {}",
                question.action.effort, question.action.impact
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(quoted("« l’été »\u{7}"), "\"« l’été »\\u0007\"");
    }
}
