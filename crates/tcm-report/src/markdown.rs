//! Small Markdown helpers: escaping user text so it always reads as text.

/// Escapes the characters Markdown would read as formatting in running text.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(
            character,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn formatting_characters_are_escaped_and_french_text_is_kept() {
        assert_eq!(escape("a*b_c|d"), "a\\*b\\_c\\|d");
        assert_eq!(escape("« l’été : 4 ? »"), "« l’été : 4 ? »");
        assert_eq!(escape("<script>"), "\\<script\\>");
    }
}
