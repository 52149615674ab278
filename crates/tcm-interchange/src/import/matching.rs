//! Which question a column's header names, as the form tools write headers: the question's
//! id anywhere in the header whatever its case and separator (`cre-01`, `CRE_01`, `cre01`,
//! `grp/cre_01`, `T01[cre01]`, `Vos segments… (cre-01)`), else the question's text in French
//! or English once case, accents and spacing are folded (`Créative [Vos segments…]` in a
//! Google Forms grid). A header that only resembles an id or a text is a *near match*: it is
//! proposed to the user, never applied.
//!
//! Every search is bounded: long headers are read only up to [`LONGEST_HEADER`] bytes, and
//! near matches are looked for in at most [`NEAR_HEADERS_CHECKED`] headers.

use std::collections::HashMap;
use std::fmt;

use tcm_core::{QuestionId, Questionnaire};

use crate::names::fold;

/// How much of a header is searched for an id or compared with the questions' texts.
const LONGEST_HEADER: usize = 2_000;
/// Headers longer than this (in characters) are not compared loosely with question texts.
const NEAR_TEXT_LONGEST: usize = 600;
/// How many headers are compared loosely with the question texts, at most.
pub(crate) const NEAR_HEADERS_CHECKED: usize = 500;
/// The bigram similarity (Sørensen–Dice, 0 to 1) from which a header resembles a text.
const NEAR_TEXT_SIMILARITY: f64 = 0.7;
/// Separators accepted between the parts of an id: `cre-01`, `cre_01`, `cre.01`, `cre01`.
const ID_SEPARATORS: [&str; 4] = ["", "-", "_", "."];
/// The longest separator between the parts of an id in a near match (`cre - 1`).
const NEAR_SEPARATOR_LONGEST: usize = 3;

/// How a header was tied to a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// The question's id is in the header.
    Id,
    /// The header is the question's text (French or English).
    Text,
}

impl fmt::Display for MatchedBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MatchedBy::Id => "its id",
            MatchedBy::Text => "its text",
        })
    }
}

/// An id found in a header: the question, and the byte just after the id in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IdInHeader {
    pub question: QuestionId,
    pub end: usize,
}

/// A run of ASCII letters or of ASCII digits in a text, by byte range, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    start: usize,
    end: usize,
}

/// The runs of ASCII letters and of ASCII digits of `text`; anything else separates them.
fn tokens(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut current: Option<(usize, bool)> = None;
    for (index, character) in text.char_indices() {
        let kind = if character.is_ascii_alphabetic() {
            Some(false)
        } else if character.is_ascii_digit() {
            Some(true)
        } else {
            None
        };
        match (current, kind) {
            (Some((_, was_digit)), Some(is_digit)) if was_digit == is_digit => {}
            (Some((start, _)), _) => {
                tokens.push(Token {
                    text: text[start..index].to_ascii_lowercase(),
                    start,
                    end: index,
                });
                current = kind.map(|is_digit| (index, is_digit));
            }
            (None, _) => current = kind.map(|is_digit| (index, is_digit)),
        }
    }
    if let Some((start, _)) = current {
        tokens.push(Token {
            text: text[start..].to_ascii_lowercase(),
            start,
            end: text.len(),
        });
    }
    tokens
}

/// The byte ranges of the runs of ASCII letters and digits of `text` that no other letter
/// or digit touches (`é` included).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut touched = false;
    for (index, character) in text.char_indices() {
        if character.is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(index);
            }
        } else {
            if let Some(begin) = start.take()
                && !touched
                && !character.is_alphanumeric()
            {
                words.push((begin, index));
            }
            touched = character.is_alphanumeric();
        }
    }
    if let Some(begin) = start
        && !touched
    {
        words.push((begin, text.len()));
    }
    words
}

/// A number's digits without leading zeros (`001` → `1`, `0` → `0`).
fn without_leading_zeros(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() && !digits.is_empty() {
        "0"
    } else {
        trimmed
    }
}

/// `text` compared for an exact match: folded, every space removed, a leading number such
/// as `12.` or `3)` dropped (forms number their questions).
fn text_key(text: &str) -> String {
    let folded = fold(text);
    let numbered = folded
        .split_once(['.', ')'])
        .filter(|(number, rest)| {
            !number.is_empty()
                && number.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(' ')
        })
        .map_or(folded.as_str(), |(_, rest)| rest);
    numbered.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The parts of a header that may be a question's text: the whole header, what its last
/// `[…]` holds (a Google Forms grid row, a LimeSurvey subquestion), what follows its last `/`
/// (a KoboToolbox group path).
fn text_candidates(header: &str) -> Vec<&str> {
    let mut candidates = vec![header];
    if let Some(inner) = header
        .trim_end()
        .strip_suffix(']')
        .and_then(|rest| rest.rsplit_once('[').map(|(_, inner)| inner))
    {
        candidates.push(inner);
    }
    if let Some((_, last)) = header.rsplit_once('/') {
        candidates.push(last);
    }
    candidates
}

/// A near match: the question a header resembles, and by what.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NearMatch {
    pub question: QuestionId,
    pub by: MatchedBy,
}

/// The questions of a questionnaire, indexed for reading headers.
pub(crate) struct QuestionMatcher<'q> {
    questionnaire: &'q Questionnaire,
    /// Each question's id as tokens, in questionnaire order.
    ids: Vec<Vec<String>>,
    /// Questions by the first token of their id.
    by_first_token: HashMap<String, Vec<usize>>,
    /// Questions by their id's letters and digits alone (`samplecre01`, `q12` for `1.2`): a
    /// LimeSurvey code.
    by_compact_id: HashMap<String, usize>,
    /// Questions by the key of their French and English texts.
    by_text: HashMap<String, usize>,
    /// Each question's texts as folded for a loose comparison.
    folded_texts: Vec<[String; 2]>,
}

impl<'q> QuestionMatcher<'q> {
    pub(crate) fn new(questionnaire: &'q Questionnaire) -> QuestionMatcher<'q> {
        let mut by_first_token: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_compact_id = HashMap::new();
        let mut by_text = HashMap::new();
        let mut ids = Vec::new();
        let mut folded_texts = Vec::new();
        for (index, question) in questionnaire.questions().iter().enumerate() {
            let id: Vec<String> = tokens(question.id.as_str())
                .into_iter()
                .map(|token| token.text)
                .collect();
            if let Some(first) = id.first() {
                by_first_token.entry(first.clone()).or_default().push(index);
            }
            by_compact_id.entry(id.concat()).or_insert(index);
            // LimeSurvey's code when the id starts with a digit: `q12` for `1.2`.
            by_compact_id
                .entry(crate::forms::limesurvey_code(question.id.as_str()).to_ascii_lowercase())
                .or_insert(index);
            ids.push(id);
            for text in [&question.text.fr, &question.text.en] {
                by_text.entry(text_key(text)).or_insert(index);
            }
            folded_texts.push([fold(&question.text.fr), fold(&question.text.en)]);
        }
        QuestionMatcher {
            questionnaire,
            ids,
            by_first_token,
            by_compact_id,
            by_text,
            folded_texts,
        }
    }

    fn question(&self, index: usize) -> Option<QuestionId> {
        self.questionnaire
            .questions()
            .get(index)
            .map(|question| question.id.clone())
    }

    /// The question whose id stands anywhere in `header`, bounded by anything but a letter
    /// or a digit, its parts joined by `-`, `_`, `.` or nothing, in any case. When several
    /// ids are there, the longest wins, then the first.
    pub(crate) fn id_in(&self, header: &str) -> Option<IdInHeader> {
        let (index, end) = self.find_id(header, false)?;
        Some(IdInHeader {
            question: self.question(index)?,
            end,
        })
    }

    /// Tokens of the id of question `index` at tokens `at` of a header, strictly or loosely.
    fn id_at(
        &self,
        header: &str,
        found: &[Token],
        at: usize,
        index: usize,
        loose: bool,
    ) -> Option<usize> {
        let id = self.ids.get(index)?;
        let window = found.get(at..at.checked_add(id.len())?)?;
        for (position, (token, part)) in window.iter().zip(id).enumerate() {
            let same = if loose && part.bytes().all(|b| b.is_ascii_digit()) {
                without_leading_zeros(&token.text) == without_leading_zeros(part)
            } else {
                token.text == *part
            };
            if !same {
                return None;
            }
            if position > 0 {
                let gap = header.get(window[position - 1].end..token.start)?;
                let allowed = if loose {
                    gap.len() <= NEAR_SEPARATOR_LONGEST && !gap.chars().any(char::is_alphanumeric)
                } else {
                    ID_SEPARATORS.contains(&gap)
                };
                if !allowed {
                    return None;
                }
            }
        }
        let first = window.first()?;
        let last = window.last()?;
        let before = header.get(..first.start)?.chars().next_back();
        let after = header.get(last.end..)?.chars().next();
        let bounded = |character: Option<char>| !character.is_some_and(char::is_alphanumeric);
        (bounded(before) && bounded(after)).then_some(last.end)
    }

    /// The longest id found in `header` (then the first), as a question index and the byte
    /// after it.
    fn find_id(&self, header: &str, loose: bool) -> Option<(usize, usize)> {
        let header = cut(header, LONGEST_HEADER);
        let found = tokens(header);
        let mut best: Option<(usize, usize, usize)> = None;
        for (at, token) in found.iter().enumerate() {
            let Some(candidates) = self.by_first_token.get(&token.text) else {
                continue;
            };
            for &index in candidates {
                if let Some(end) = self.id_at(header, &found, at, index, loose) {
                    let length = self
                        .ids
                        .get(index)
                        .map_or(0, |id| id.iter().map(String::len).sum());
                    if best.is_none_or(|(_, _, best_length)| length > best_length) {
                        best = Some((index, end, length));
                    }
                }
            }
        }
        if !loose {
            for (start, end) in words(header) {
                let word = header
                    .get(start..end)
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if let Some(&index) = self.by_compact_id.get(&word) {
                    let length = self
                        .ids
                        .get(index)
                        .map_or(0, |id| id.iter().map(String::len).sum());
                    if best.is_none_or(|(_, _, best_length)| length > best_length) {
                        best = Some((index, end, length));
                    }
                }
            }
        }
        best.map(|(index, end, _)| (index, end))
    }

    /// The question whose French or English text `header` is (or holds in its last `[…]`,
    /// or after its last `/`), compared after folding case, accents and spacing.
    pub(crate) fn text_of(&self, header: &str) -> Option<QuestionId> {
        let header = cut(header, LONGEST_HEADER);
        text_candidates(header)
            .into_iter()
            .find_map(|candidate| self.by_text.get(&text_key(candidate)))
            .and_then(|&index| self.question(index))
    }

    /// The question `header` names by its id or, failing that, by its text.
    pub(crate) fn question_in(&self, header: &str) -> Option<(QuestionId, MatchedBy)> {
        self.id_in(header)
            .map(|found| (found.question, MatchedBy::Id))
            .or_else(|| {
                self.text_of(header)
                    .map(|question| (question, MatchedBy::Text))
            })
    }

    /// The question `header` resembles without naming it: an id written loosely (`CRE 1`,
    /// `cre-001`), or a text close to a question's (a word changed, a typo).
    pub(crate) fn near(&self, header: &str) -> Option<NearMatch> {
        if let Some((index, _)) = self.find_id(header, true) {
            return self.question(index).map(|question| NearMatch {
                question,
                by: MatchedBy::Id,
            });
        }
        if header.chars().count() > NEAR_TEXT_LONGEST {
            return None;
        }
        let mut best: Option<(usize, f64)> = None;
        for candidate in text_candidates(header) {
            let candidate = fold(candidate);
            if candidate.chars().count() < 12 {
                continue;
            }
            for (index, texts) in self.folded_texts.iter().enumerate() {
                for text in texts {
                    let similarity = strsim::sorensen_dice(&candidate, text);
                    if similarity >= NEAR_TEXT_SIMILARITY
                        && best.is_none_or(|(_, best)| similarity > best)
                    {
                        best = Some((index, similarity));
                    }
                }
            }
        }
        best.and_then(|(index, _)| self.question(index))
            .map(|question| NearMatch {
                question,
                by: MatchedBy::Text,
            })
    }
}

/// `text` cut to at most `bytes` bytes, at a character boundary.
fn cut(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use tcm_core::{QuestionId, Questionnaire};

    use super::{MatchedBy, NearMatch, QuestionMatcher, cut, text_key};

    const SAMPLE: &str = include_str!("../../../../questionnaires/sample.toml");
    const TCM_92: &str = include_str!("../../../../questionnaires/tcm-92.toml");

    fn sample() -> Questionnaire {
        Questionnaire::from_toml(SAMPLE, "sample.toml").expect("valid")
    }

    fn tcm_92() -> Questionnaire {
        Questionnaire::from_toml(TCM_92, "tcm-92.toml").expect("valid")
    }

    #[test]
    fn ids_are_found_anywhere_whatever_their_case_and_separator() {
        let questionnaire = tcm_92();
        let matcher = QuestionMatcher::new(&questionnaire);
        for (header, expected) in [
            ("cre-01", Some("cre-01")),
            ("CRE-01", Some("cre-01")),
            ("cre_01", Some("cre-01")),
            ("CRE01", Some("cre-01")),
            ("cre.01", Some("cre-01")),
            ("grp/cre_01", Some("cre-01")),
            ("grp_creative/cre01", Some("cre-01")),
            ("T01[cre01]", Some("cre-01")),
            ("Créative [cre-01 Vos segments]", Some("cre-01")),
            ("Vos segments de clientèle… (cre-01)", Some("cre-01")),
            (
                "Vos segments de clientèle reposent-ils… cre-01",
                Some("cre-01"),
            ),
            ("cre-01 - Vos segments", Some("cre-01")),
            ("cre-01\u{a0}: Vos segments", Some("cre-01")),
            ("act-12", Some("act-12")),
            ("LimeSurvey act12 code", Some("act-12")),
            ("cre-011", None),
            ("cre-01x", None),
            ("xcre-01", None),
            ("écre-01", None),
            ("cre-01é", None),
            ("cre--01", None),
            ("cre 01", None),
            ("cre-1", None),
            ("", None),
        ] {
            let found = matcher.id_in(header).map(|found| found.question);
            assert_eq!(found, expected.map(QuestionId::new), "{header:?}");
        }
    }

    #[test]
    fn the_byte_after_the_id_is_given_for_what_follows_it() {
        let questionnaire = tcm_92();
        let matcher = QuestionMatcher::new(&questionnaire);
        let found = matcher.id_in("grp/cre01_comment").expect("an id");
        assert_eq!(&"grp/cre01_comment"[found.end..], "_comment");
    }

    #[test]
    fn the_longest_id_wins() {
        let questionnaire = sample();
        let matcher = QuestionMatcher::new(&questionnaire);
        assert_eq!(
            matcher.id_in("sample_cre_01").map(|found| found.question),
            Some(QuestionId::new("sample-cre-01"))
        );
        assert_eq!(matcher.id_in("cre-01"), None);
    }

    #[test]
    fn texts_match_in_either_language_after_folding() {
        let questionnaire = sample();
        let matcher = QuestionMatcher::new(&questionnaire);
        let question = questionnaire.questions().first().expect("a question");
        let id = Some((question.id.clone(), MatchedBy::Text));
        let french = question.text.fr.clone();
        let english = question.text.en.clone();
        for header in [
            french.clone(),
            french.to_uppercase(),
            french.replace(['é', 'è'], "e").replace(' ', "  "),
            french.replace('\u{a0}', "").replace(" ?", "?"),
            format!("3. {french}"),
            format!("{french} *"),
            english.clone(),
            format!("Créative [{french}]"),
            format!("Stage grid [{english}]"),
            format!("group_creative/{english}"),
        ] {
            assert_eq!(matcher.question_in(&header), id, "{header:?}");
        }
        assert_eq!(matcher.question_in("Vos segments"), None);
    }

    #[test]
    fn near_matches_are_found_for_loose_ids_and_changed_texts_only() {
        let questionnaire = tcm_92();
        let matcher = QuestionMatcher::new(&questionnaire);
        let near = |question: &str, by| {
            Some(NearMatch {
                question: QuestionId::new(question),
                by,
            })
        };
        assert_eq!(
            matcher.near("CRE 1 Vos segments"),
            near("cre-01", MatchedBy::Id)
        );
        assert_eq!(matcher.near("cre-001"), near("cre-01", MatchedBy::Id));
        assert_eq!(matcher.near("cre - 13"), near("cre-13", MatchedBy::Id));
        let question = questionnaire.questions().first().expect("a question");
        let changed = question.text.fr.replacen("Vos", "Les", 1).replace('?', "");
        assert_eq!(
            matcher.near(&changed),
            near(question.id.as_str(), MatchedBy::Text),
            "{changed:?}"
        );
        for header in [
            "Horodateur",
            "Adresse e-mail",
            "Quelle est votre taille ?",
            "cre-1x",
        ] {
            assert_eq!(matcher.near(header), None, "{header:?}");
        }
    }

    #[test]
    fn long_headers_are_cut_on_a_character_boundary() {
        let header = "é".repeat(3_000);
        assert_eq!(cut(&header, 2_001).len(), 2_000);
        let questionnaire = tcm_92();
        let matcher = QuestionMatcher::new(&questionnaire);
        let long = format!("{} cre-01", "x ".repeat(5_000));
        assert_eq!(matcher.id_in(&long), None);
        assert_eq!(matcher.near(&long), None);
    }

    #[test]
    fn text_keys_drop_numbering_spacing_and_case() {
        assert_eq!(text_key("12. Vos  Segments ?"), "vossegments?");
        assert_eq!(text_key("Vos segments\u{a0}?"), "vossegments?");
        assert_eq!(text_key("2025.03 bilan"), "2025.03bilan");
    }
}
