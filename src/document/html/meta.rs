//! What a page's markup says about the statement: its title, its dates, its address,
//! each with where it was found.
//!
//! Read before Readability runs (it removes what is not content) and only from the
//! page itself: meta tags (Open Graph, Dublin Core, `article:*`), JSON-LD, `<time>`
//! elements, the page's `<h1>` and `<title>`, and the short date lines near the top of
//! the page.

use dom_query::{Document, NodeRef};

use crate::document::dates;

/// A fact whose value is a line of the page's text to put back above the content.
pub const DATE_LINE: &str = "date_line";

/// The longest value kept: a title or a date, not a paragraph.
const MAX_VALUE: usize = 400;

/// Elements that are not the statement's page: a date or heading in them is someone
/// else's (another article's teaser, the site's banner).
const ELSEWHERE: &str = "nav, footer, aside, form, [role=\"navigation\"], [role=\"banner\"], \
    [role=\"contentinfo\"], [role=\"complementary\"]";

/// One thing the page says, the front-matter key it becomes, and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// "title", "published_time", "modified_time", "date", "source_url", or [`DATE_LINE`].
    pub key: &'static str,
    pub value: String,
    /// Where: "h1", "og:title", "title element", "article:published_time", "json-ld",
    /// "time element", "canonical link", "date line"…
    pub origin: &'static str,
    /// The line of the page's source it was found on (1-based).
    pub line: usize,
}

/// The page's facts; `json_ld` is what [`json_ld_dates`] read before scripts were removed.
pub fn read(
    document: &Document,
    html: &str,
    json_ld: (Option<String>, Option<String>),
) -> Vec<Fact> {
    let metas = meta_tags(document);
    let meta = |names: &[&'static str]| {
        names.iter().find_map(|&name| {
            metas
                .iter()
                .find(|(n, v)| n == name && !v.is_empty())
                .map(|(_, v)| (v.clone(), name))
        })
    };
    let mut facts = Vec::new();
    let mut push = |key: &'static str, found: Option<(String, &'static str)>| {
        if let Some((value, origin)) = found {
            let value = tidy(&value);
            if !value.is_empty() {
                let line = line_of(html, &value, origin);
                facts.push(Fact {
                    key,
                    value,
                    origin,
                    line,
                });
            }
        }
    };
    let title = own_heading(document)
        .map(|h| (h, "h1"))
        .or_else(|| meta(&["og:title", "twitter:title", "dc.title", "dcterms.title"]))
        .or_else(|| title_element(document).map(|t| (t, "title element")));
    push("title", title);
    let published = meta(&[
        "article:published_time",
        "datepublished",
        "dcterms.issued",
        "dc.date.issued",
        "dcterms.date",
        "dc.date",
        "date",
    ])
    .or(json_ld.0.map(|d| (d, "json-ld")));
    push("published_time", published);
    let modified = meta(&[
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "dcterms.modified",
        "last-modified",
    ])
    .or(json_ld.1.map(|d| (d, "json-ld")));
    push("modified_time", modified);
    let head = head_region(document);
    push(
        "date",
        head.time_attribute.map(|value| (value, "time element")),
    );
    push(
        "source_url",
        document
            .select("link[rel=\"canonical\"]")
            .attr("href")
            .map(|h| (h.to_string(), "canonical link"))
            .or_else(|| meta(&["og:url"])),
    );
    for line in head.date_lines {
        push(DATE_LINE, Some((line, "date line")));
    }
    facts
}

/// Every meta tag's name (or property, or itemprop), lowercase, with its content.
fn meta_tags(document: &Document) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    for node in document.select("meta, [itemprop]").nodes() {
        let name = ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .find_map(|a| node.attr(a));
        let value = node.attr("content").or_else(|| node.attr("datetime"));
        if let (Some(name), Some(value)) = (name, value) {
            tags.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    tags
}

/// The page's own heading: its first `<h1>` outside navigation, asides and footers.
fn own_heading(document: &Document) -> Option<String> {
    document
        .select("h1")
        .nodes()
        .iter()
        .filter(|h| !is_elsewhere(h))
        .map(|h| tidy(&h.text()))
        .find(|t| !t.is_empty())
}

/// The `<title>`, without the site's name: the longest part between separators
/// ("Joint statement on ports | Ministry of Foreign Affairs").
fn title_element(document: &Document) -> Option<String> {
    let title = tidy(&document.select("head title").text());
    [" | ", " - ", " – ", " — ", " :: ", " · "]
        .iter()
        .find(|sep| title.contains(**sep))
        .map(|sep| {
            title
                .split(sep)
                .max_by_key(|part| part.chars().count())
                .unwrap_or(&title)
                .trim()
                .to_string()
        })
        .or(Some(title))
        .filter(|t| !t.is_empty())
}

/// `datePublished` and `dateModified` of the page's JSON-LD, at its top level or in
/// its `@graph`.
pub fn json_ld_dates(document: &Document) -> (Option<String>, Option<String>) {
    let mut dates = (None, None);
    for script in document
        .select("script[type=\"application/ld+json\"]")
        .nodes()
    {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text()) else {
            continue;
        };
        let graph = value.get("@graph").and_then(|g| g.as_array());
        let items: Vec<&serde_json::Value> = match (&value, graph) {
            (_, Some(graph)) => graph.iter().collect(),
            (serde_json::Value::Array(items), _) => items.iter().collect(),
            (item, _) => vec![item],
        };
        for item in items {
            let text = |key: &str| item.get(key).and_then(|v| v.as_str()).map(str::to_string);
            dates.0 = dates.0.or_else(|| text("datePublished"));
            dates.1 = dates.1.or_else(|| text("dateModified"));
        }
    }
    dates
}

/// What the top of the page, above the statement's first long paragraph, says of when.
#[derive(Default)]
struct HeadRegion {
    /// The first `<time>` element's `datetime`, when its text is not a date line.
    time_attribute: Option<String>,
    /// Short lines holding a date ("14 March 2019", "Last updated: 15 Mar. 2019 09:05").
    date_lines: Vec<String>,
}

/// A paragraph this long is the statement's text: the page's head ends there.
const LONG_PARAGRAPH: usize = 120;
/// At most this many words on a date line.
const DATE_LINE_WORDS: usize = 10;

fn head_region(document: &Document) -> HeadRegion {
    let mut region = HeadRegion::default();
    let Some(body) = document.body() else {
        return region;
    };
    for node in body.descendants_it() {
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        if name.as_ref() == "p" && tidy(&node.text()).chars().count() >= LONG_PARAGRAPH {
            break;
        }
        let leaf = node.element_children().iter().all(|c| {
            matches!(
                c.node_name().as_deref(),
                Some("time" | "span" | "strong" | "b" | "em" | "i" | "br" | "small" | "abbr")
            )
        });
        let candidate = matches!(
            name.as_ref(),
            "p" | "div" | "span" | "li" | "time" | "dd" | "small" | "strong" | "h2" | "h3" | "h4"
        );
        if !(candidate && leaf) || is_elsewhere(&node) || inside_candidate_leaf(&node) {
            continue;
        }
        let text = tidy(&node.text());
        let is_date_line =
            text.split_whitespace().count() <= DATE_LINE_WORDS && dates::find_date(&text).is_some();
        if is_date_line {
            if !region.date_lines.contains(&text) {
                region.date_lines.push(text);
            }
        } else if name.as_ref() == "time" && region.time_attribute.is_none() {
            region.time_attribute = node.attr("datetime").map(|d| d.to_string());
        }
    }
    region
}

/// Whether an ancestor is itself a leaf date-line candidate (its text is read whole).
fn inside_candidate_leaf(node: &NodeRef) -> bool {
    node.parent().is_some_and(|p| {
        matches!(
            p.node_name().as_deref(),
            Some("p" | "li" | "dd" | "span" | "strong" | "small" | "time" | "h2" | "h3" | "h4")
        )
    })
}

fn is_elsewhere(node: &NodeRef) -> bool {
    node.ancestors_it(None)
        .any(|a| a.is_element() && a.is(ELSEWHERE))
}

/// Whitespace collapsed, trimmed, cut to [`MAX_VALUE`] characters.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if out.len() > MAX_VALUE {
            out.truncate(out.floor_char_boundary(MAX_VALUE));
            break;
        }
    }
    out
}

/// The 1-based line of the page's source where a value (or else the name of where it
/// was found) first appears; 1 when neither is found as written (entities, say).
fn line_of(html: &str, value: &str, origin: &str) -> usize {
    let at = html.find(value).or_else(|| html.find(origin)).unwrap_or(0);
    memchr::memchr_iter(b'\n', &html.as_bytes()[..at]).count() + 1
}
