//! Pages joined into one text, without what every page repeats.
//!
//! A running header or footer is a line at the top or bottom of a page that recurs
//! on at least half the pages (two at least), compared with its digits ignored, so
//! "Page 3 of 5" and "Page 4 of 5" are one line; a bare page number ("7", "- 7 -",
//! "Page 7", "7/12") at a page's edge goes whatever the count.

use rustc_hash::FxHashMap as HashMap;

use super::Pdf;
use crate::document::header::{HeaderLine, LineClass};

/// How many non-blank lines at each edge of a page can be a running header or footer.
const EDGE: usize = 3;

pub fn join(pages: &[String]) -> Pdf {
    let lines: Vec<Vec<&str>> = pages
        .iter()
        .map(|page| page.lines().map(str::trim_end).collect())
        .collect();
    let edges: Vec<Vec<usize>> = lines.iter().map(|page| edge_lines(page)).collect();
    let mut pages_with: HashMap<String, usize> = HashMap::default();
    for (page, edge) in lines.iter().zip(&edges) {
        let mut keys: Vec<String> = edge.iter().map(|&i| key(page[i])).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *pages_with.entry(key).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    let mut text = String::new();
    let mut dropped = Vec::new();
    let mut line_number = 1;
    for (page, edge) in lines.iter().zip(&edges) {
        let page_start = line_number;
        let mut kept = Vec::with_capacity(page.len());
        for (i, line) in page.iter().enumerate() {
            let at_edge = edge.contains(&i);
            let repeated = at_edge && pages_with.get(&key(line)).is_some_and(|&n| n >= needed);
            let number = at_edge && is_page_number(line);
            if repeated || number {
                let top = edge.iter().position(|&e| e == i).is_some_and(|p| p < EDGE);
                dropped.push(HeaderLine {
                    line: page_start,
                    text: line.trim().into(),
                    class: LineClass::Furniture,
                    detail: match (number, top) {
                        (true, _) => "page_number",
                        (false, true) => "running_header",
                        (false, false) => "running_footer",
                    },
                });
            } else {
                kept.push(*line);
            }
        }
        while kept.last().is_some_and(|l| l.trim().is_empty()) {
            kept.pop();
        }
        let start = kept.iter().take_while(|l| l.trim().is_empty()).count();
        for line in &kept[start..] {
            text.push_str(line);
            text.push('\n');
            line_number += 1;
        }
        if kept.len() > start {
            text.push('\n');
            line_number += 1;
        }
    }
    Pdf {
        text,
        pages: pages.len(),
        dropped,
        title: None,
    }
}

/// The indices of a page's first and last [`EDGE`] non-blank lines.
fn edge_lines(page: &[&str]) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len())
        .filter(|&i| !page[i].trim().is_empty())
        .collect();
    let mut edge: Vec<usize> = filled.iter().take(EDGE).copied().collect();
    let tail = filled.len().saturating_sub(EDGE).max(edge.len());
    edge.extend(filled[tail..].iter().copied());
    edge
}

/// A line compared across pages: lowercase, digits as '#', spaces collapsed.
fn key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        }));
    }
    key
}

/// Up to three digits (a year is not a page number): "7", "- 7 -", "– 7 –", "Page 7", "page 7 of 12", "7/12", "7 of 12", "[7]".
fn is_page_number(line: &str) -> bool {
    let line = line
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')' | ' '));
    let line = line
        .strip_prefix("Page ")
        .or_else(|| line.strip_prefix("page "))
        .or_else(|| line.strip_prefix("PAGE "))
        .unwrap_or(line);
    let mut parts = line.split(['/', ' ']).filter(|p| !p.is_empty());
    let number =
        |p: Option<&str>| p.is_some_and(|p| p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (first, None, None, None) => number(first),
        (first, second, None, None) => number(first) && number(second),
        (first, Some("of"), third, None) => number(first) && number(third),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize, body: &str) -> String {
        format!("Joint Statement on Ports\n\n{body}\n\nPage {n} of 3\n")
    }

    #[test]
    fn running_lines_and_page_numbers_go() {
        let pages = [
            page(1, "We commit to open ports."),
            page(2, "We condemn piracy."),
            page(3, "We call on all states to act."),
        ];
        let pdf = join(&pages);
        assert_eq!(
            pdf.text,
            "We commit to open ports.\n\nWe condemn piracy.\n\nWe call on all states to act.\n\n"
        );
        let details: Vec<&str> = pdf.dropped.iter().map(|d| d.detail).collect();
        assert_eq!(
            details,
            [
                "running_header",
                "page_number",
                "running_header",
                "page_number",
                "running_header",
                "page_number"
            ]
        );
        assert_eq!(pdf.dropped[2].line, 3, "the line where page 2 begins");
    }

    #[test]
    fn a_line_on_one_page_of_two_stays() {
        let pages = [
            "Title\n\nWe agree.\n".to_string(),
            "We decide.\n".to_string(),
        ];
        let pdf = join(&pages);
        assert!(pdf.text.starts_with("Title\n"));
    }

    #[test]
    fn page_numbers() {
        for yes in [
            "7",
            "- 7 -",
            "– 12 –",
            "Page 7",
            "page 7 of 12",
            "7/12",
            "7 of 12",
            "[3]",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2023", "7 March", "Paragraph 7", "1. We agree", ""] {
            assert!(!is_page_number(no), "{no}");
        }
    }
}
