//! Strengths and weaknesses: the themes that stand out of a scorecard, best and worst.
//!
//! The rule, exactly: only themes with a score take part; strengths are the highest scores
//! first, weaknesses the lowest first; equal scores keep questionnaire order in both lists;
//! each list holds at most `count` themes (so with fewer than 2 × `count` scored themes, a
//! theme can be in both).

use crate::questionnaire::ThemeId;
use crate::scoring::Scorecard;

/// How many strengths and weaknesses the results show.
pub const STANDOUT_THEMES: usize = 3;

/// The themes that stand out, best first and worst first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThemeRanking {
    pub strengths: Vec<ThemeId>,
    pub weaknesses: Vec<ThemeId>,
}

/// Ranks the scored themes of `card`: at most `count` strengths and `count` weaknesses.
pub fn rank_themes(card: &Scorecard, count: usize) -> ThemeRanking {
    let scored: Vec<(&ThemeId, f64)> = card
        .themes
        .iter()
        .filter_map(|theme| {
            theme
                .result
                .score
                .map(|score| (&theme.theme, score.value()))
        })
        .collect();
    let pick = |descending: bool| {
        let mut ordered = scored.clone();
        // A stable sort: ties stay in questionnaire order.
        ordered.sort_by(|a, b| {
            if descending {
                b.1.total_cmp(&a.1)
            } else {
                a.1.total_cmp(&b.1)
            }
        });
        ordered
            .into_iter()
            .take(count)
            .map(|(theme, _)| theme.clone())
            .collect()
    };
    ThemeRanking {
        strengths: pick(true),
        weaknesses: pick(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{GroupScore, Score, ThemeScore};
    use crate::stage::StageId;

    fn card(themes: &[(&str, Option<f64>)]) -> Scorecard {
        Scorecard {
            respondents: 1,
            overall: None,
            stages: Vec::new(),
            themes: themes
                .iter()
                .map(|(id, score)| ThemeScore {
                    theme: ThemeId::new(*id),
                    stage: StageId::Creative,
                    result: GroupScore {
                        score: score.map(Score::new),
                        coverage: None,
                        answered: 0,
                        applicable: 0,
                        questions: 0,
                    },
                })
                .collect(),
            questions: Vec::new(),
        }
    }

    fn ids(themes: &[ThemeId]) -> Vec<&str> {
        themes.iter().map(ThemeId::as_str).collect()
    }

    struct Case {
        name: &'static str,
        themes: &'static [(&'static str, Option<f64>)],
        count: usize,
        strengths: &'static [&'static str],
        weaknesses: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        Case {
            name: "no theme scored: nothing stands out",
            themes: &[("a", None), ("b", None)],
            count: 3,
            strengths: &[],
            weaknesses: &[],
        },
        Case {
            name: "best first and worst first, at most three each",
            themes: &[
                ("a", Some(40.0)),
                ("b", Some(90.0)),
                ("c", Some(10.0)),
                ("d", Some(70.0)),
                ("e", Some(55.0)),
                ("f", Some(25.0)),
            ],
            count: 3,
            strengths: &["b", "d", "e"],
            weaknesses: &["c", "f", "a"],
        },
        Case {
            name: "themes without a score take no part",
            themes: &[
                ("a", None),
                ("b", Some(50.0)),
                ("c", None),
                ("d", Some(20.0)),
            ],
            count: 3,
            strengths: &["b", "d"],
            weaknesses: &["d", "b"],
        },
        Case {
            name: "ties keep questionnaire order in both lists",
            themes: &[("a", Some(50.0)), ("b", Some(50.0)), ("c", Some(50.0))],
            count: 2,
            strengths: &["a", "b"],
            weaknesses: &["a", "b"],
        },
        Case {
            name: "unrounded values decide: 33.34 is above 33.33",
            themes: &[("a", Some(100.0 / 3.0)), ("b", Some(33.34))],
            count: 1,
            strengths: &["b"],
            weaknesses: &["a"],
        },
        Case {
            name: "count zero: empty lists",
            themes: &[("a", Some(50.0))],
            count: 0,
            strengths: &[],
            weaknesses: &[],
        },
    ];

    #[test]
    fn ranks_the_scored_themes() {
        for case in CASES {
            let ranking = rank_themes(&card(case.themes), case.count);
            assert_eq!(ids(&ranking.strengths), case.strengths, "{}", case.name);
            assert_eq!(ids(&ranking.weaknesses), case.weaknesses, "{}", case.name);
        }
    }
}
