//! Numbers and dates as each language writes them: `62,5` and `12 mars 2026` in French,
//! `62.5` and `12 March 2026` in English.

use chrono::{Datelike, NaiveDate};
use tcm_core::Language;

/// `value` with `digits` decimals, with the language's decimal separator.
pub fn decimal(value: f64, digits: usize, language: Language) -> String {
    let text = format!("{value:.digits$}");
    match language {
        Language::French => text.replace('.', ","),
        Language::English => text,
    }
}

/// A score rounded to 0.1 as every output shows it.
pub fn score(value: f64, language: Language) -> String {
    decimal(tcm_core::Score::new(value).rounded(), 1, language)
}

/// A share as a whole percentage: `85 %` (with a no-break space) or `85%`.
pub fn percent(share: f64, language: Language) -> String {
    let whole = (share * 100.0).round();
    match language {
        Language::French => format!("{whole}\u{a0}%"),
        Language::English => format!("{whole}%"),
    }
}

/// How far `after` moved from `before`: `+4,2`, `−1,0` or `0,0` (a true minus sign); a dash
/// when a side is unknown.
pub fn change(
    before: Option<f64>,
    after: Option<f64>,
    digits: usize,
    language: Language,
) -> String {
    match (before, after) {
        (Some(before), Some(after)) => {
            let change = after - before;
            let magnitude = decimal(change.abs(), digits, language);
            if change > 1e-9 {
                format!("+{magnitude}")
            } else if change < -1e-9 {
                format!("−{magnitude}")
            } else {
                magnitude
            }
        }
        _ => "—".to_owned(),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written out: `1er mars 2026`, `12 mars 2026`, `12 March 2026`.
pub fn long_date(date: NaiveDate, language: Language) -> String {
    let month = date.month0() as usize;
    match language {
        Language::French => {
            let day = if date.day() == 1 {
                "1er".to_owned()
            } else {
                date.day().to_string()
            };
            format!("{day} {} {}", MONTHS_FR[month], date.year())
        }
        Language::English => format!("{} {} {}", date.day(), MONTHS_EN[month], date.year()),
    }
}

/// A date in a table cell: `12/03/2026` or `2026-03-12`.
pub fn short_date(date: NaiveDate, language: Language) -> String {
    match language {
        Language::French => date.format("%d/%m/%Y").to_string(),
        Language::English => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let cases = [
            (decimal(62.54, 1, Language::French), "62,5"),
            (decimal(62.54, 1, Language::English), "62.5"),
            (score(12.25, Language::French), "12,3"),
            (percent(0.846, Language::French), "85\u{a0}%"),
            (long_date(date, Language::French), "1er mars 2026"),
            (long_date(date, Language::English), "1 March 2026"),
            (short_date(date, Language::French), "01/03/2026"),
        ];
        for (found, expected) in cases {
            assert_eq!(found, expected);
        }
    }
}
