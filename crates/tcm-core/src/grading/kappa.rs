//! Cohen's kappa with quadratic weights: agreement between two raters on the ordinal 0–4
//! scale, corrected for the agreement expected by chance, where a disagreement of two levels
//! weighs four times one of one level.

use crate::answer::Level;

/// Number of categories: the levels 0 to 4.
const CATEGORIES: usize = 5;

/// Quadratic-weighted Cohen's kappa of pairs `(reference, rated)`.
///
/// κ = 1 − Σ wᵢⱼ Oᵢⱼ / Σ wᵢⱼ Eᵢⱼ, with O the observed 5 × 5 table of pairs, E the table
/// expected from the two raters' marginals (Eᵢⱼ = rowᵢ × columnⱼ / n) and wᵢⱼ = (i − j)².
/// The five categories are always the levels 0–4, whatever levels actually occur, so a
/// distance is a distance between levels (as `cohen_kappa_score(labels=[0, 1, 2, 3, 4],
/// weights="quadratic")` computes it).
///
/// `None` when there is no pair, or when chance alone predicts no disagreement (both raters
/// gave one same level everywhere): kappa is then undefined, not 0 nor 1.
pub fn quadratic_weighted_kappa(pairs: impl IntoIterator<Item = (Level, Level)>) -> Option<f64> {
    let mut observed = [[0u32; CATEGORIES]; CATEGORIES];
    let mut rows = [0u32; CATEGORIES];
    let mut columns = [0u32; CATEGORIES];
    let mut count = 0u32;
    for (reference, rated) in pairs {
        let (i, j) = (usize::from(reference.value()), usize::from(rated.value()));
        observed[i][j] += 1;
        rows[i] += 1;
        columns[j] += 1;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let n = f64::from(count);
    let mut weighted_observed = 0.0;
    let mut weighted_expected = 0.0;
    for i in 0..CATEGORIES {
        for j in 0..CATEGORIES {
            let weight = (i as f64 - j as f64).powi(2);
            weighted_observed += weight * f64::from(observed[i][j]);
            weighted_expected += weight * f64::from(rows[i]) * f64::from(columns[j]) / n;
        }
    }
    (weighted_expected > 0.0).then(|| 1.0 - weighted_observed / weighted_expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(values: &[u8]) -> Vec<Level> {
        values
            .iter()
            .map(|&value| Level::new(value).expect("a level"))
            .collect()
    }

    fn kappa(reference: &[u8], rated: &[u8]) -> Option<f64> {
        quadratic_weighted_kappa(levels(reference).into_iter().zip(levels(rated)))
    }

    fn close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("kappa is defined");
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn values_computed_by_hand() {
        // Perfect agreement.
        close(kappa(&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 4]), 1.0);
        // Reversed scale: Σw·O = 16 + 4 + 0 + 4 + 16 = 40; every marginal is 1, so
        // Σw·E = (1/5) Σᵢⱼ (i − j)² = 100 / 5 = 20; κ = 1 − 40/20 = −1.
        close(kappa(&[0, 1, 2, 3, 4], &[4, 3, 2, 1, 0]), -1.0);
        // One miss by one level: Σw·O = 1; rows {1, 2, 3} and columns {1, 2, 4}, one each,
        // Σw·E = (10 + 5 + 6) / 3 = 7; κ = 1 − 1/7 = 6/7.
        close(kappa(&[1, 2, 3], &[1, 2, 4]), 6.0 / 7.0);
        // Always one level too high, on two levels: Σw·O = 2; rows {1, 2}, columns {2, 3},
        // Σw·E = (1 + 4 + 0 + 1) / 2 = 3; κ = 1 − 2/3 = 1/3.
        close(kappa(&[1, 2], &[2, 3]), 1.0 / 3.0);
    }

    /// Reference values computed once with scikit-learn 1.9.1 in Python 3.11:
    /// `sklearn.metrics.cohen_kappa_score(reference, rated, labels=[0, 1, 2, 3, 4],
    /// weights="quadratic")`, printed with `repr` and pasted here.
    #[test]
    fn values_from_scikit_learn() {
        let cases: &[(&[u8], &[u8], f64)] = &[
            (
                &[0, 1, 2, 3, 4, 4, 3, 2, 1, 0],
                &[0, 1, 2, 3, 4, 3, 3, 2, 1, 1],
                0.9411764705882353,
            ),
            (
                &[2, 3, 1, 0, 4, 2, 3, 3, 1, 2, 4, 0],
                &[3, 3, 2, 0, 3, 1, 3, 4, 1, 2, 4, 1],
                0.8481012658227848,
            ),
            (
                &[4, 4, 3, 3, 2, 2, 1, 1],
                &[0, 1, 2, 3, 4, 0, 1, 2],
                -0.16666666666666674,
            ),
            (&[1, 2, 3, 1, 2, 3], &[2, 2, 2, 2, 2, 2], 0.0),
            (
                &[
                    2, 2, 1, 1, 1, 1, 1, 1, 0, 4, 1, 2, 0, 3, 1, 4, 0, 2, 1, 0, 2, 3, 3, 1, 2,
                ],
                &[
                    2, 3, 0, 1, 2, 1, 1, 1, 1, 4, 1, 3, 0, 4, 0, 4, 1, 2, 2, 1, 2, 4, 3, 1, 2,
                ],
                0.8502994011976048,
            ),
        ];
        for (reference, rated, expected) in cases {
            close(kappa(reference, rated), *expected);
        }
    }

    #[test]
    fn kappa_is_symmetric_in_its_raters() {
        let a = [0, 1, 1, 2, 3, 4, 4, 2, 0, 3];
        let b = [1, 1, 2, 2, 3, 3, 4, 0, 0, 4];
        let forward = kappa(&a, &b).expect("defined");
        let backward = kappa(&b, &a).expect("defined");
        assert!((forward - backward).abs() < 1e-12);
    }

    #[test]
    fn undefined_without_pairs_or_without_expected_disagreement() {
        assert_eq!(kappa(&[], &[]), None);
        // Both raters said 2 everywhere: chance predicts perfect agreement, kappa is 0/0.
        assert_eq!(kappa(&[2, 2, 2], &[2, 2, 2]), None);
        // The key is constant but the group varies: defined, and no better than chance.
        close(kappa(&[2, 2, 2], &[1, 2, 3]), 0.0);
    }
}
