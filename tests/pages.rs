//! Saved web pages (issue 14): pages of our own in the shapes official sites use
//! (`tests/fixtures/pages/`), and the shipped statement written out as a page by code.
//! Read the way the program reads a file: `read_input`, then parse and analyse.

use std::path::{Path, PathBuf};

use communique::analysis::{Analysis, CommitmentKind, Lexicons};
use communique::cli::{self, EMBEDDED_STATEMENT};
use communique::document::{LineClass, Statement};

fn page(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name)
}

fn open(path: &Path) -> (Statement, Analysis) {
    let mut input = cli::read_input(Some(path), false).unwrap_or_else(|f| panic!("{}", f.reason));
    cli::open(&mut input, Lexicons::embedded())
}

fn acts(analysis: &Analysis, statement: &Statement) -> Vec<(CommitmentKind, String)> {
    analysis
        .commitments
        .iter()
        .map(|c| (c.kind, c.object(statement).to_string()))
        .collect()
}

fn all_text(statement: &Statement) -> String {
    statement
        .paragraphs
        .iter()
        .map(|p| &*p.text)
        .chain(statement.headings.iter().map(|h| h.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_ministry_press_release_reads_as_its_statement() {
    let (s, a) = open(&page("ministry-press-release.html"));
    let m = &s.metadata;
    assert_eq!(
        m.title,
        "Joint Statement of Norway and Chile on Port Security"
    );
    assert_eq!(m.date.unwrap().to_string(), "2023-05-14");
    assert_eq!(m.last_updated.unwrap().to_string(), "2023-05-15T11:05");
    assert_eq!(m.published.unwrap().to_string(), "2023-05-14");
    assert_eq!(
        m.source_url.as_deref(),
        Some("https://www.mfa.example/press/2023/05/port-security")
    );
    let headings: Vec<&str> = s.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(headings, ["Safe and open ports", "Working together"]);
    let numbers: Vec<Option<&str>> = (0..s.paragraphs.len()).map(|p| s.number(p)).collect();
    assert_eq!(numbers, [None, Some("1"), Some("2"), None, None]);
    use CommitmentKind::*;
    assert_eq!(
        acts(&a, &s),
        [
            (
                Reaffirm,
                "their commitment to keeping ports open to lawful trade and to the free movement of seafarers".to_string()
            ),
            (
                Condemn,
                "the attacks on merchant vessels in the Strait of Magellan".to_string()
            ),
            (Demand, "respect the freedom of navigation".to_string()),
            (
                Commit,
                "establish a joint port security centre by the end of 2024".to_string()
            ),
            (
                Support,
                "the agreement of their customs services to share information on cargo".to_string()
            ),
            (Demand, "ratify the Convention on Port Safety".to_string()),
        ]
    );
    assert_eq!(a.authorship.phrase.as_deref(), Some("Norway and Chile"));
}

#[test]
fn navigation_teasers_scripts_and_hidden_text_stay_out() {
    let (s, _) = open(&page("ministry-press-release.html"));
    let text = all_text(&s);
    for absent in [
        "Skip to main content",
        "About us",
        "Press releases",
        "Share this page",
        "Ministers meet on fisheries",
        "illegal fishing",
        "tracking scripts",
        "dataLayer",
        "font-weight",
        "only the printed page shows",
        "hidden text",
        "Privacy",
        "©",
        "](",
    ] {
        assert!(
            !text.contains(absent),
            "{absent:?} reached the text:\n{text}"
        );
    }
    assert!(text.contains("they welcome the agreement of their customs services"));
}

#[test]
fn the_header_list_says_where_each_field_came_from() {
    let (s, _) = open(&page("ministry-press-release.html"));
    let page_lines: Vec<(&str, &str)> = s
        .header
        .iter()
        .filter(|h| h.class == LineClass::Page)
        .map(|h| (h.detail, h.text.as_str()))
        .collect();
    assert_eq!(
        page_lines,
        [
            (
                "h1",
                "title: Joint Statement of Norway and Chile on Port Security"
            ),
            (
                "article:published_time",
                "published_time: 2023-05-14T09:30:00+02:00"
            ),
            (
                "article:modified_time",
                "modified_time: 2023-05-15T11:05:00+02:00"
            ),
            (
                "og:url",
                "source_url: https://www.mfa.example/press/2023/05/port-security"
            ),
            ("date line", "date_line: 14 May 2023"),
            ("date line", "date_line: Last updated: 15 May 2023 11:05"),
        ]
    );
    let h1 = s.header.iter().find(|h| h.detail == "h1").unwrap();
    let source = std::fs::read_to_string(page("ministry-press-release.html")).unwrap();
    assert!(
        source
            .lines()
            .nth(h1.line as usize - 1)
            .unwrap()
            .contains("og:title")
            || source
                .lines()
                .nth(h1.line as usize - 1)
                .unwrap()
                .contains("<title>"),
        "the line of the page's source where the title is first written"
    );
    assert!(
        !s.header.iter().any(|h| h.class == LineClass::FrontMatter),
        "the front matter made of the page's facts is not listed twice"
    );
    let dateline = s
        .header
        .iter()
        .find(|h| h.class == LineClass::Dateline)
        .unwrap();
    assert_eq!(dateline.text, "14 May 2023");
}

#[test]
fn a_page_in_windows_1252_is_decoded_as_it_declares() {
    let (s, a) = open(&page("legacy-windows-1252.html"));
    let m = &s.metadata;
    assert_eq!(
        m.title,
        "Joint Declaration of Austria and Portugal on the Danube–Tagus Partnership"
    );
    assert_eq!(m.date.unwrap().to_string(), "2009-03-03");
    assert_eq!(m.place.as_deref(), Some("Vienna"));
    assert!(s.paragraphs[0].text.contains("“Danube–Tagus” partnership"));
    assert!(s.paragraphs[0].text.contains("café owners’ associations"));
    assert_eq!(s.paragraphs.len(), 3);
    assert!(!all_text(&s).contains("Impressum") && !all_text(&s).contains("Startseite"));
    use CommitmentKind::*;
    let kinds: Vec<CommitmentKind> = a.commitments.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Support, Commit, Demand]);
}

/// The shipped statement as a ministry would publish it: title, occasion and date list
/// in the page's head, each paragraph a `<p>`, with navigation and a footer around.
fn shipped_statement_as_a_page() -> String {
    let mut blocks = EMBEDDED_STATEMENT
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let title = blocks.next().unwrap();
    let occasion = blocks.next().unwrap();
    let bullets = blocks.next().unwrap();
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut html = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{} | Example Organisation</title></head>\n<body>\n<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n<main><article>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<ul class=\"dates\">\n",
        escape(title),
        escape(title),
        escape(occasion)
    );
    for item in bullets.lines() {
        let item = item.trim().trim_start_matches('•').trim();
        html.push_str(&format!("<li>{}</li>\n", escape(item)));
    }
    html.push_str("</ul>\n");
    for paragraph in blocks {
        html.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    html.push_str(
        "</article></main>\n<footer>Example Organisation · Contact</footer>\n</body></html>\n",
    );
    html
}

#[test]
fn the_shipped_statement_as_a_page_gives_its_15_acts() {
    let dir = std::env::temp_dir().join(format!("communique-page-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("japan-nato.html");
    std::fs::write(&path, shipped_statement_as_a_page()).unwrap();
    let (s, a) = open(&path);
    let text = Statement::parse(EMBEDDED_STATEMENT, "shipped");
    let text_analysis = communique::analysis::analyse(&text, Lexicons::embedded());
    assert_eq!(a.commitments.len(), 15);
    assert_eq!(acts(&a, &s), acts(&text_analysis, &text));
    assert_eq!(s.metadata.title, text.metadata.title);
    assert_eq!(s.metadata.date, text.metadata.date);
    assert_eq!(s.metadata.occasion, text.metadata.occasion);
    assert_eq!(s.metadata.parties, text.metadata.parties);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_page_without_an_article_is_its_visible_text() {
    let dir = std::env::temp_dir().join(format!("communique-bare-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bare");
    std::fs::write(
        &path,
        "<html><head><title>Short note</title><script>var x = 1;</script></head><body><nav>Menu</nav><p>We welcome the agreement.</p><footer>Footer</footer></body></html>",
    )
    .unwrap();
    let mut input = cli::read_input(Some(&path), false).unwrap();
    assert!(
        input.markdown == Some(true),
        "sniffed as a page without its extension"
    );
    assert_eq!(
        input.warning.map(|w| w.to_string()).as_deref(),
        Some("no article found in the page: its whole visible text is shown")
    );
    let (s, a) = cli::open(&mut input, Lexicons::embedded());
    assert_eq!(s.metadata.title, "Short note");
    let text = all_text(&s);
    assert!(text.contains("We welcome the agreement."), "{text}");
    assert!(!text.contains("var x") && !text.contains("Menu") && !text.contains("Footer"));
    assert_eq!(a.commitments.len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_library_folder_opens_its_pages_and_names_a_broken_pdf() {
    let dir = std::env::temp_dir().join(format!("communique-page-library-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(page("ministry-press-release.html"), dir.join("ports.html")).unwrap();
    std::fs::copy(page("legacy-windows-1252.html"), dir.join("danube.htm")).unwrap();
    std::fs::write(dir.join("cut.pdf"), b"%PDF-1.5\n1 0 obj\n<< /Type /Catalog").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_communique"))
        .arg(&dir)
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[1].starts_with("2023-05-14") && lines[1].contains("Port Security"));
    assert!(lines[2].starts_with("2009-03-03") && lines[2].contains("Danube"));
    let acts: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(acts[1], "6", "{}", lines[1]);
    let err = String::from_utf8(out.stderr).unwrap();
    let reason = if cfg!(feature = "pdf") {
        "cut.pdf: broken PDF"
    } else {
        "cut.pdf: is a PDF"
    };
    assert!(err.contains(reason), "{err}");
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}
