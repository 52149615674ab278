//! Comparing names that people type in headers and sheet tabs: case, accents, spacing and a
//! trailing `:` or `*` (a required field in a form) do not matter.

/// The name folded for comparison: trimmed, lower case, without accents, inner spaces
/// (including non-breaking ones) collapsed, a trailing `:` or `*` dropped, typographic
/// apostrophes made straight.
pub fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for character in name.trim_start_matches('\u{feff}').chars() {
        if character.is_whitespace() {
            if !folded.is_empty() && !folded.ends_with(' ') {
                folded.push(' ');
            }
            continue;
        }
        match character {
            '’' | '‘' => folded.push('\''),
            'œ' | 'Œ' => folded.push_str("oe"),
            'æ' | 'Æ' => folded.push_str("ae"),
            _ => {
                for lower in character.to_lowercase() {
                    folded.push(without_accent(lower));
                }
            }
        }
    }
    let trimmed = folded.trim_end_matches([' ', ':', '*']);
    trimmed.to_owned()
}

/// The base letter of an accented Latin letter (French and neighbours); other characters as
/// they are.
fn without_accent(character: char) -> char {
    match character {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// `text` without `prefix` at its start, compared without regard to ASCII case.
pub fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::{fold, strip_prefix_ignoring_case};

    #[test]
    fn folding_ignores_case_accents_spacing_and_form_marks() {
        for (name, folded) in [
            ("Répondant", "repondant"),
            ("  RÉPONDANT ", "repondant"),
            ("\u{feff}Rôle", "role"),
            ("Adresse\u{a0}e-mail", "adresse e-mail"),
            ("Nom  et   prénom *", "nom et prenom"),
            ("Département :", "departement"),
            ("Réponses", "reponses"),
            ("Plan d’action", "plan d'action"),
            ("Œuvre", "oeuvre"),
            ("", ""),
        ] {
            assert_eq!(fold(name), folded, "{name:?}");
        }
    }

    #[test]
    fn prefixes_ignore_ascii_case_and_respect_character_boundaries() {
        assert_eq!(
            strip_prefix_ignoring_case("CRE-01 texte", "cre-01"),
            Some(" texte")
        );
        assert_eq!(strip_prefix_ignoring_case("cre", "cre-01"), None);
        assert_eq!(strip_prefix_ignoring_case("é-01", "e-"), None);
    }
}
