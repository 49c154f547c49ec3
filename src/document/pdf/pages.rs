//! A PDF's text, page by page, with pdf-extract.
//!
//! pdf-extract follows text shown with `Tj` and `TJ` but skips the two quote operators
//! (`'` moves to the next line and shows a string; `"` also sets the word and character
//! spacing), so a PDF whose generator writes its lines with them came out empty. Each
//! page that uses them has its content spelled out with the operators pdf-extract does
//! follow before its text is read.
//!
//! The document information's `Title` is kept too: a PDF whose text starts without a
//! title line is named by it rather than by its file name.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Document, Object, ObjectId, PlainTextOutput};

/// What pdf-extract read from a PDF.
pub struct Pages {
    /// The text of every page, first to last.
    pub texts: Vec<String>,
    /// The document information's title, when it is a title and not a file name.
    pub title: Option<String>,
}

/// Reads every page's text. `Err` holds the parser's message.
pub fn read(bytes: &[u8]) -> Result<Pages, String> {
    let mut document = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    if document.is_encrypted() {
        // An empty user password opens many "encrypted" PDFs (printing or copying
        // restricted only); anything else is refused with the parser's reason.
        document.decrypt("").map_err(|e| e.to_string())?;
    }
    let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
    for &page in &pages {
        spell_out_quote_operators(&mut document, page);
    }
    let mut texts = Vec::with_capacity(pages.len());
    for number in 1..=pages.len() {
        let mut text = String::new();
        let mut output = PlainTextOutput::new(&mut text);
        pdf_extract::output_doc_page(&document, &mut output, number as u32)
            .map_err(|e| e.to_string())?;
        texts.push(text);
    }
    let title = info_title(&document);
    Ok(Pages { texts, title })
}

/// The `Title` of the trailer's `Info` dictionary, unless it is empty or what
/// generators write when the author gave none: the source file's name ("Microsoft
/// Word - JS_final.docx", "statement_v2.pdf", "Untitled").
fn info_title(document: &Document) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?;
    let info = match info {
        Object::Reference(id) => document.get_dictionary(*id).ok()?,
        Object::Dictionary(dictionary) => dictionary,
        _ => return None,
    };
    let raw =
        pdf_extract::decode_text_string(&with_breaks_as_spaces(info.get(b"Title").ok()?)).ok()?;
    let title = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = match title.split_once(" - ") {
        Some((application, rest)) if application.starts_with("Microsoft ") => rest,
        _ => &title,
    };
    let named_like_a_file = title.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty()
            && (2..=5).contains(&extension.len())
            && extension.chars().all(|c| c.is_ascii_alphanumeric())
    });
    let one_word = !title.contains(' ');
    (!named_like_a_file && !one_word && title.chars().count() <= 300).then(|| title.to_string())
}

/// A title typed over two lines keeps its word break: pdf-extract's PDFDocEncoding
/// table drops control bytes, which would glue "on" and "Fisheries" together. UTF-16
/// strings (byte-order mark first) are left to the decoder.
fn with_breaks_as_spaces(title: &Object) -> Object {
    match title {
        Object::String(bytes, format) if !bytes.starts_with(&[0xFE, 0xFF]) => {
            let spaced = bytes
                .iter()
                .map(|&b| if b < 0x20 { b' ' } else { b })
                .collect();
            Object::String(spaced, *format)
        }
        other => other.clone(),
    }
}

/// Rewrites `'` and `"` on one page as the `Tw`/`Tc`, `T*` and `Tj` they stand for.
fn spell_out_quote_operators(document: &mut Document, page: ObjectId) {
    let Ok(raw) = document.get_page_content(page) else {
        return;
    };
    // Most pages never use the operators; the bytes are searched before anything is
    // decoded (an apostrophe inside a string only costs a decode).
    if memchr::memchr2(b'\'', b'"', &raw).is_none() {
        return;
    }
    let Ok(content) = Content::decode(&raw) else {
        return;
    };
    if !content.operations.iter().any(|op| is_quote(&op.operator)) {
        return;
    }
    let operations = spelled_out(content.operations);
    if let Ok(encoded) = (Content { operations }).encode() {
        let _ = document.change_page_content(page, encoded);
    }
}

fn is_quote(operator: &str) -> bool {
    operator == "'" || operator == "\""
}

fn spelled_out(operations: Vec<Operation>) -> Vec<Operation> {
    let mut out = Vec::with_capacity(operations.len() + 8);
    for operation in operations {
        match (operation.operator.as_str(), operation.operands.len()) {
            ("'", 1) => {
                out.push(Operation::new("T*", vec![]));
                out.push(Operation::new("Tj", operation.operands));
            }
            ("\"", 3) => {
                let mut operands = operation.operands.into_iter();
                let (word, character, string) = (
                    operands.next().unwrap_or(Object::Null),
                    operands.next().unwrap_or(Object::Null),
                    operands.next().unwrap_or(Object::Null),
                );
                out.push(Operation::new("Tw", vec![word]));
                out.push(Operation::new("Tc", vec![character]));
                out.push(Operation::new("T*", vec![]));
                out.push(Operation::new("Tj", vec![string]));
            }
            _ => out.push(operation),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(operations: &[Operation]) -> Vec<&str> {
        operations.iter().map(|op| op.operator.as_str()).collect()
    }

    #[test]
    fn quote_operators_become_the_ones_they_stand_for() {
        let string = || Object::string_literal("We will cooperate.");
        let operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("'", vec![string()]),
            Operation::new("\"", vec![1.into(), 0.5.into(), string()]),
            Operation::new("ET", vec![]),
        ];
        let out = spelled_out(operations);
        assert_eq!(
            names(&out),
            ["BT", "T*", "Tj", "Tw", "Tc", "T*", "Tj", "ET"]
        );
        assert_eq!(out[2].operands, vec![string()]);
        assert_eq!(out[3].operands, vec![Object::Integer(1)]);
        assert_eq!(out[6].operands, vec![string()]);
    }

    fn titled(title: Object) -> Option<String> {
        let mut document = Document::with_version("1.5");
        let info = document.add_object(pdf_extract::dictionary! { "Title" => title });
        document.trailer.set("Info", info);
        info_title(&document)
    }

    #[test]
    fn the_information_title_unless_it_is_a_file_name() {
        let literal = |text: &str| Object::string_literal(text);
        assert_eq!(
            titled(literal("Joint  Statement on\nFisheries")).as_deref(),
            Some("Joint Statement on Fisheries")
        );
        assert_eq!(
            titled(pdf_extract::text_string("Déclaration commune – Océans")).as_deref(),
            Some("Déclaration commune – Océans")
        );
        assert_eq!(
            titled(literal("Microsoft Word - Joint Statement on Fisheries")).as_deref(),
            Some("Joint Statement on Fisheries")
        );
        for junk in [
            "Microsoft Word - JS_final_v2.docx",
            "statement 2023.pdf",
            "Untitled",
            "  ",
        ] {
            assert_eq!(titled(literal(junk)), None, "{junk}");
        }
        assert_eq!(info_title(&Document::with_version("1.5")), None);
    }

    #[test]
    fn a_malformed_quote_is_left_as_it_was() {
        let out = spelled_out(vec![Operation::new("'", vec![])]);
        assert_eq!(names(&out), ["'"]);
    }
}
