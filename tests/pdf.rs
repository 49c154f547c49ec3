//! PDFs (issue 14), written by code in each test with lopdf: one and two columns,
//! running headers and footers, words broken at line ends, numbered paragraphs; and the
//! broken ones — cut short, encrypted, too large — each a one-line error in seconds.
#![cfg(feature = "pdf")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use communique::analysis::{Analysis, CommitmentKind, Lexicons};
use communique::cli;
use communique::document::{LineClass, Statement};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// A line of text on a page: where it starts (points from the bottom left) and what it says.
struct Placed<'a> {
    x: i64,
    y: i64,
    text: &'a str,
}

fn at(x: i64, y: i64, text: &str) -> Placed<'_> {
    Placed { x, y, text }
}

/// A PDF of A4 pages in Helvetica 11 pt, each page's lines written in the order given.
fn pdf(pages: &[Vec<Placed>]) -> Vec<u8> {
    let pages = pages
        .iter()
        .map(|lines| {
            let mut operations = Vec::new();
            for line in lines {
                operations.extend([
                    Operation::new("BT", vec![]),
                    Operation::new("Tf", vec!["F1".into(), 11.into()]),
                    Operation::new("Td", vec![line.x.into(), line.y.into()]),
                    Operation::new("Tj", vec![Object::string_literal(win_ansi(line.text))]),
                    Operation::new("ET", vec![]),
                ]);
            }
            operations
        })
        .collect();
    pdf_of_operations(pages)
}

/// A PDF of A4 pages whose content streams are the operations given (font `F1`).
fn pdf_of_operations(pages: Vec<Vec<Operation>>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for operations in pages {
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// The bytes of a string in WinAnsiEncoding (the characters these tests use).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '’' => 0x92,
            '–' => 0x96,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("communique-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn open(path: &Path) -> (Statement, Analysis) {
    let mut input = cli::read_input(Some(path), false).unwrap_or_else(|f| panic!("{}", f.reason));
    cli::open(&mut input, Lexicons::embedded())
}

fn kinds(analysis: &Analysis) -> Vec<CommitmentKind> {
    analysis.commitments.iter().map(|c| c.kind).collect()
}

/// Lines from the top of a page down, 14 pt apart, at the left margin.
fn column(x: i64, top: i64, lines: &[&'static str]) -> Vec<Placed<'static>> {
    lines
        .iter()
        .enumerate()
        .map(|(i, text)| at(x, top - 14 * i as i64, text))
        .collect()
}

fn with_running_lines(
    page: usize,
    of: usize,
    mut lines: Vec<Placed<'static>>,
) -> Vec<Placed<'static>> {
    let footer: &'static str = Box::leak(format!("Page {page} of {of}").into_boxed_str());
    lines.insert(0, at(72, 800, "Joint Communiqué – Norway and Chile"));
    lines.push(at(72, 40, footer));
    lines
}

#[test]
fn running_headers_footers_and_broken_words_are_undone() {
    let page1 = column(
        72,
        740,
        &[
            "Joint Communiqué of Norway and Chile",
            "",
            "Oslo, 9 June 2022",
            "",
            "1. Norway and Chile reaffirm their commitment to deepening coopera-",
            "tion in ocean research, and in the protection of marine life.",
            "",
            "2. Norway and Chile condemn the illegal fishing that threatens the",
        ],
    );
    let page2 = column(
        72,
        740,
        &[
            "stocks of the South Pacific and will share satellite data on vessels.",
            "",
            "3. Norway and Chile call on all coastal states to join the agreement",
            "on port state measures, a cornerstone of ocean cooperation.",
            "",
            "4. Norway and Chile welcome the self-",
            "defence of small island states and their self-defence forces.",
        ],
    );
    let page3 = column(72, 740, &["5. Norway and Chile will meet again in 2023."]);
    let bytes = pdf(&[
        with_running_lines(1, 3, page1),
        with_running_lines(2, 3, page2),
        with_running_lines(3, 3, page3),
    ]);
    let (s, a) = open(&write("communique.pdf", &bytes));
    let m = &s.metadata;
    assert_eq!(m.title, "Joint Communiqué of Norway and Chile");
    assert_eq!(m.date.unwrap().to_string(), "2022-06-09");
    assert_eq!(m.place.as_deref(), Some("Oslo"));
    let numbers: Vec<Option<&str>> = (0..s.paragraphs.len()).map(|p| s.number(p)).collect();
    assert_eq!(
        numbers,
        [Some("1"), Some("2"), Some("3"), Some("4"), Some("5")]
    );
    assert!(
        s.paragraphs[0]
            .text
            .contains("deepening cooperation in ocean research"),
        "a word broken by the typesetter is whole again: {}",
        s.paragraphs[0].text
    );
    assert!(
        s.paragraphs[1].text.ends_with(
            "threatens the stocks of the South Pacific and will share satellite data on vessels."
        ),
        "a paragraph carried over a page break is one paragraph: {}",
        s.paragraphs[1].text
    );
    assert!(
        s.paragraphs[3]
            .text
            .contains("welcome the self-defence of small")
    );
    let text: String = s.paragraphs.iter().map(|p| &*p.text).collect();
    assert!(!text.contains("Page ") && !text.contains("Joint Communiqué –"));
    let dropped: Vec<&str> = s
        .header
        .iter()
        .filter(|h| h.class == LineClass::Furniture)
        .map(|h| h.detail)
        .collect();
    assert_eq!(
        dropped.iter().filter(|d| **d == "running_header").count(),
        3
    );
    assert_eq!(dropped.iter().filter(|d| **d == "page_number").count(), 3);
    use CommitmentKind::*;
    assert_eq!(
        kinds(&a),
        [Reaffirm, Condemn, Commit, Demand, Support, Commit]
    );
    assert_eq!(a.authorship.phrase.as_deref(), Some("Norway and Chile"));
}

#[test]
fn two_columns_are_read_column_by_column() {
    let left = column(
        56,
        740,
        &[
            "1. Norway and Chile commit to",
            "doubling their research funding",
            "for the Antarctic by 2030.",
            "",
            "2. Norway and Chile condemn",
            "the dumping of waste at sea.",
        ],
    );
    let right = column(
        310,
        740,
        &[
            "3. Norway and Chile urge all",
            "states to ratify the treaty",
            "on the high seas.",
            "",
            "4. Norway and Chile welcome",
            "the new marine reserves.",
        ],
    );
    let mut lines = column(56, 780, &["Joint Statement on the Oceans"]);
    lines.extend(left);
    lines.extend(right);
    let (s, a) = open(&write("columns.pdf", &pdf(&[lines])));
    assert_eq!(s.metadata.title, "Joint Statement on the Oceans");
    let texts: Vec<&str> = s.paragraphs.iter().map(|p| &*p.text).collect();
    assert_eq!(
        texts,
        [
            "Norway and Chile commit to doubling their research funding for the Antarctic by 2030.",
            "Norway and Chile condemn the dumping of waste at sea.",
            "Norway and Chile urge all states to ratify the treaty on the high seas.",
            "Norway and Chile welcome the new marine reserves.",
        ]
    );
    use CommitmentKind::*;
    assert_eq!(kinds(&a), [Commit, Condemn, Demand, Support]);
}

#[test]
fn lines_shown_with_the_quote_operators_are_read() {
    // Some generators write each line with `'` (next line, show) or `"` (also set the
    // spacing) rather than `Td` and `Tj`.
    let show = |text: &str| Object::string_literal(win_ansi(text));
    let operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![72.into(), 760.into()]),
        Operation::new("Tj", vec![show("Joint Statement on Fisheries")]),
        Operation::new("'", vec![show("")]),
        Operation::new(
            "'",
            vec![show("1. Norway and Chile will share their catch")],
        ),
        Operation::new("'", vec![show("data from next year.")]),
        Operation::new("'", vec![show("")]),
        Operation::new(
            "\"",
            vec![
                0.into(),
                0.into(),
                show("2. Norway and Chile condemn illegal fishing."),
            ],
        ),
        Operation::new("ET", vec![]),
    ];
    let (s, a) = open(&write("quotes.pdf", &pdf_of_operations(vec![operations])));
    assert_eq!(s.metadata.title, "Joint Statement on Fisheries");
    let texts: Vec<&str> = s.paragraphs.iter().map(|p| &*p.text).collect();
    assert_eq!(
        texts,
        [
            "Norway and Chile will share their catch data from next year.",
            "Norway and Chile condemn illegal fishing.",
        ]
    );
    use CommitmentKind::*;
    assert_eq!(kinds(&a), [Commit, Condemn]);
}

#[test]
fn a_pdf_without_a_title_line_is_named_by_its_information_title() {
    let plain = pdf(&[column(
        72,
        740,
        &["Norway and Chile condemn illegal fishing."],
    )]);
    let mut doc = Document::load_mem(&plain).unwrap();
    let info = doc
        .add_object(dictionary! { "Title" => lopdf::text_string("Fisheries – a joint statement") });
    doc.trailer.set("Info", info);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let (s, a) = open(&write("titled.pdf", &bytes));
    assert_eq!(s.metadata.title, "Fisheries – a joint statement");
    let from_info: Vec<(&str, &str)> = s
        .header
        .iter()
        .filter(|line| line.class == LineClass::Page)
        .map(|line| (&*line.text, line.detail))
        .collect();
    assert_eq!(
        from_info,
        [("title: Fisheries – a joint statement", "pdf info")]
    );
    assert_eq!(kinds(&a), [CommitmentKind::Condemn]);
    // Without one, the file name stands in.
    let (s, _) = open(&write("untitled-statement.pdf", &plain));
    assert_eq!(s.metadata.title, "untitled-statement");
}

#[test]
fn a_pdf_restricted_only_by_an_owner_password_opens() {
    let plain = pdf(&[column(
        72,
        740,
        &[
            "Joint Statement",
            "",
            "Norway and Chile condemn the secret.",
        ],
    )]);
    let bytes = encrypted(&plain, "");
    let (s, a) = open(&write("owner-only.pdf", &bytes));
    assert_eq!(s.metadata.title, "Joint Statement");
    assert_eq!(kinds(&a), [CommitmentKind::Condemn]);
}

/// The PDF encrypted (RC4, 128 bits) with the user password given.
fn encrypted(plain: &[u8], user_password: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(plain).unwrap();
    let id = Object::String(b"communique-tests".to_vec(), lopdf::StringFormat::Literal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn reason_of(path: &Path) -> String {
    match cli::read_input(Some(path), false) {
        Ok(_) => panic!("{} opened", path.display()),
        Err(failure) => failure.reason,
    }
}

#[test]
fn a_cut_short_pdf_is_a_one_line_error() {
    let whole = pdf(&[column(72, 740, &["We agree."])]);
    let started = Instant::now();
    let reason = reason_of(&write("cut.pdf", &whole[..whole.len() / 2]));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(reason.starts_with("broken PDF"), "{reason}");
    assert!(!reason.contains('\n'));
}

#[test]
fn an_encrypted_pdf_is_refused_with_its_reason() {
    let plain = pdf(&[column(72, 740, &["Norway and Chile condemn the secret."])]);
    let reason = reason_of(&write("encrypted.pdf", &encrypted(&plain, "reader")));
    assert_eq!(
        reason,
        "PDF is encrypted (communique cannot open password-protected PDFs)"
    );
}

#[test]
fn a_200_mb_pdf_is_refused_at_once() {
    let dir = std::env::temp_dir().join(format!("communique-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.pdf");
    let file = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"%PDF-1.5\n").unwrap();
    file.set_len(200 << 20).unwrap();
    let started = Instant::now();
    let reason = reason_of(&path);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(
        reason,
        "PDF too large (200 MiB; communique reads PDFs up to 64 MiB)"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn garbage_after_the_magic_is_an_error_not_a_crash() {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    let mut x: u32 = 7;
    bytes.extend((0..20_000).map(|_| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (x >> 16) as u8
    }));
    let reason = reason_of(&write("garbage.pdf", &bytes));
    assert!(reason.contains("PDF"), "{reason}");
}
