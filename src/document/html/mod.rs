//! A saved web page: its main content as Markdown, its metadata as front matter.
//!
//! Official sites wrap a statement in navigation, breadcrumbs, share buttons, teasers
//! of other articles and footers. The page's main content is found with dom_smoothie
//! (Mozilla's Readability, in Rust) and written out as Markdown, which the Markdown
//! reader then reads as any archive copy: headings, paragraphs and numbered lists
//! survive, links become their text. What the page says about the statement — its
//! title, dates, address — is read from the markup ([`meta`]) and put above the text as
//! a front-matter block, so one header model reads pages, archive copies and text.
//! Date lines that Readability drops as too short to be content (the list of dates
//! under a title) are put back at the top of the text, where the header reader finds
//! them as it does in a copied page. When Readability finds no article, the page's
//! visible text, without its navigation, header and footer, is used instead.
//!
//! Scripts, styles, templates and hidden elements never reach the text.

pub mod charset;
mod hidden;
mod meta;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::header::{HeaderLine, LineClass};
pub use meta::Fact;

/// The largest page read; a saved statement is a few hundred kilobytes, and a page's
/// tree takes many times its size in memory.
pub const MAX_BYTES: usize = 32 << 20;

/// How long a page may take to give its text (a few megabytes take well under a second).
pub const TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Elements whose content is never text a reader sees.
const INVISIBLE: &str = "script, style, noscript, template, svg, iframe, object, canvas, \
    [hidden], [aria-hidden=\"true\"], [style*=\"display:none\"], [style*=\"display: none\"], \
    [style*=\"visibility:hidden\"], [style*=\"visibility: hidden\"]";

/// Classes that the common stylesheets (Bootstrap, Drupal, WordPress) hide, whose
/// rules are in a stylesheet the saved page links to rather than holds.
const HIDDEN_CLASSES: &str = ".hidden, .hide, .d-none, .visually-hidden, .sr-only, \
    .screen-reader-text, .element-invisible, .invisible";

/// Page furniture the fallback leaves out when Readability found no article.
const FURNITURE: &str = "nav, header, footer, aside, form, button, select, dialog, \
    [role=\"navigation\"], [role=\"banner\"], [role=\"contentinfo\"], [role=\"search\"]";

/// What was read from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Front matter with the page's metadata, then its main content as Markdown.
    pub text: String,
    /// The metadata's origins, one header line each (class [`LineClass::Page`]), with
    /// the line of the page's source it was found on.
    pub lines: Vec<HeaderLine>,
    /// Readability found no article: the text is the page's visible text.
    pub whole_page: bool,
}

/// Whether bytes are an HTML page: a doctype, an `<html>`, `<head>` or `<body>` tag
/// near the start (after a byte-order mark, whitespace and comments).
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let start = lower.trim_ascii_start();
    if !start.starts_with(b"<") {
        return false;
    }
    [&b"<!doctype html"[..], b"<html", b"<head", b"<body"]
        .iter()
        .any(|tag| memchr::memmem::find(start, tag).is_some())
}

/// Reads a decoded page.
pub fn read(html: &str) -> Page {
    let document = Document::from(html);
    // JSON-LD is a script, and hiding rules are in styles: read before they go.
    let json_ld = meta::json_ld_dates(&document);
    let hidden = hidden::selectors(&document);
    remove_invisible(&document, &hidden);
    let facts = meta::read(&document, html, json_ld);
    let article = extract_article(document);
    let whole_page = article.is_none();
    let content = article.unwrap_or_else(|| visible_text(html));
    let title = facts.iter().find(|f| f.key == "title");
    let content = without_title_heading(&content, title.map(|f| f.value.as_str()));
    let mut text = front_matter(&facts);
    for fact in facts.iter().filter(|f| f.key == meta::DATE_LINE) {
        if !has_line(content, &fact.value) {
            text.push_str(&fact.value);
            text.push_str("\n\n");
        }
    }
    text.push_str(content.trim());
    text.push('\n');
    let lines = facts
        .iter()
        .map(|fact| HeaderLine {
            line: crate::document::saturating_u32(fact.line),
            text: compact_str::format_compact!("{}: {}", fact.key, fact.value),
            class: LineClass::Page,
            detail: fact.origin,
        })
        .collect();
    Page {
        text,
        lines,
        whole_page,
    }
}

/// Removes what a reader of the page never sees: scripts, styles, hidden elements,
/// and elements of the classes the page's own styles hide (`hidden`).
fn remove_invisible(document: &Document, hidden: &[String]) {
    document.select(INVISIBLE).remove();
    document.select(HIDDEN_CLASSES).remove();
    for selector in hidden {
        if let Some(found) = document.try_select(selector) {
            found.remove();
        }
    }
}

/// The page's main content as Markdown, or `None` when Readability finds none or
/// judges the page not to hold an article.
fn extract_article(document: Document) -> Option<String> {
    let config = Config {
        text_mode: TextMode::Markdown,
        // Statements are short: a page of one paragraph is still an article.
        char_threshold: 200,
        ..Config::default()
    };
    let mut readability = Readability::with_document(document, None, Some(config)).ok()?;
    // Readability's own check that the page holds an article at all: on a page of a
    // few lines it would take whatever block scores best, a menu as well as a text.
    if !readability.is_probably_readable() {
        return None;
    }
    let article = readability.parse().ok()?;
    let text = article.text_content.to_string();
    (!text.trim().is_empty()).then_some(text)
}

/// The page's visible text as Markdown without its navigation, header and footer —
/// what is left when Readability found no article.
fn visible_text(html: &str) -> String {
    let document = Document::from(html);
    let hidden = hidden::selectors(&document);
    remove_invisible(&document, &hidden);
    document.select(FURNITURE).remove();
    match document.body() {
        Some(body) => body.md(None).to_string(),
        None => document.md(None).to_string(),
    }
}

/// The content from below its heading that repeats the title: the title is in the
/// front matter, and the lines under it are then the top of the text, where datelines
/// are. Readability keeps the page's `<h1>` when the `<title>` differs from it; the
/// whole-page fallback also has the site's menus above it, which go with it.
fn without_title_heading<'a>(content: &'a str, title: Option<&str>) -> &'a str {
    /// How far down the title heading is looked for.
    const HEAD_LINES: usize = 60;
    let Some(title) = title else {
        return content;
    };
    let mut at = 0;
    for line in content.split_inclusive('\n').take(HEAD_LINES) {
        at += line.len();
        let trimmed = line.trim();
        if trimmed.starts_with('#') && trimmed.trim_start_matches('#').trim() == title {
            return &content[at..];
        }
    }
    content
}

/// Whether the Markdown has `line` as a line of its own (or a list item).
fn has_line(markdown: &str, line: &str) -> bool {
    markdown.lines().any(|l| {
        l.trim()
            .trim_start_matches(['-', '*', '+'])
            .trim()
            .trim_matches('*')
            == line
    })
}

/// The facts that are front-matter fields, as a YAML block (JSON strings are YAML).
fn front_matter(facts: &[Fact]) -> String {
    let fields: Vec<&Fact> = facts.iter().filter(|f| f.key != meta::DATE_LINE).collect();
    if fields.is_empty() {
        return String::new();
    }
    let mut block = String::from("---\n");
    for fact in fields {
        let value = serde_json::to_string(&fact.value).unwrap_or_default();
        block.push_str(&format!("{}: {value}\n", fact.key));
    }
    block.push_str("---\n\n");
    block
}
