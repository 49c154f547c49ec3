//! The page's own rules for hiding: `.note-print { display: none }` in a `<style>`.
//!
//! Only top-level rules are read (not those in `@media print` or a narrow-screen
//! query, which do not hide on a screen), and only their simple selectors — one
//! class, id or element — so a rule for `:hover` or a descendant can never remove
//! the statement.

use dom_query::Document;

/// The most rules a page's styles contribute (a hostile page could hold millions).
const MAX_RULES: usize = 256;

/// The simple selectors of the page's top-level style rules that hide.
pub fn selectors(document: &Document) -> Vec<String> {
    let mut found = Vec::new();
    for style in document.select("style").nodes() {
        read_rules(&style.text(), &mut found);
        if found.len() >= MAX_RULES {
            break;
        }
    }
    found.truncate(MAX_RULES);
    found
}

fn read_rules(css: &str, found: &mut Vec<String>) {
    let mut depth = 0usize;
    let mut start = 0;
    let mut selector = "";
    for (i, c) in css.char_indices() {
        match c {
            '{' => {
                if depth == 0 {
                    selector = css[start..i].trim();
                }
                depth += 1;
                start = i + 1;
            }
            '}' => {
                if depth == 1 && !selector.starts_with('@') && hides(&css[start..i]) {
                    found.extend(
                        selector
                            .split(',')
                            .map(str::trim)
                            .filter(|s| is_simple(s))
                            .map(str::to_string),
                    );
                }
                depth = depth.saturating_sub(1);
                start = i + 1;
            }
            _ => {}
        }
    }
}

fn hides(declarations: &str) -> bool {
    let compact: String = declarations
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// One class (`.x`), one id (`#x`) or one element name.
fn is_simple(selector: &str) -> bool {
    let name = selector.strip_prefix(['.', '#']).unwrap_or(selector);
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !matches!(name, "html" | "body" | "main" | "article")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_hiding_rules_only() {
        let mut found = Vec::new();
        read_rules(
            ".off { display : NONE } #gone{visibility:hidden} p{color:red} \
             @media print { .screen-only { display:none } } \
             .menu:hover .x { display:none } body { display:none } .a, .b {display:none}",
            &mut found,
        );
        assert_eq!(found, [".off", "#gone", ".a", ".b"]);
    }
}
