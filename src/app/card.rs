//! The selected act's card as data: its fields as displayed, with the filter's matched
//! characters, for the UI to wrap and draw.

use crate::analysis::filter::{Hit, HitField};
use crate::document::safe::SafeText;

use super::App;
use super::textview::wrap;

/// Width of the labels column ("What ").
pub const LABEL: usize = 5;

/// How a field is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plain,
    Cue,
}

/// One field of the card, as displayed (control characters made visible).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardField {
    pub label: &'static str,
    pub text: String,
    pub role: Role,
    /// Byte ranges of `text` the filter matched.
    pub hits: Vec<(usize, usize)>,
}

impl CardField {
    /// The field's rows at `width` columns of value: byte ranges of `text`.
    pub fn rows(&self, width: usize) -> Vec<(usize, usize)> {
        wrap(&self.text, width.max(1))
    }
}

/// A span of a paragraph as displayed (control characters made visible), with the
/// hits that fall in it re-based onto it.
pub fn span_shown(
    paragraph: &str,
    (s, e): (usize, usize),
    hits: &[Hit],
) -> (String, Vec<(usize, usize)>) {
    let raw = paragraph.get(s..e).unwrap_or("");
    let shown = SafeText::new(raw);
    let ranges = hits
        .iter()
        .filter(|h| h.field == HitField::Text)
        .map(Hit::range)
        .filter(|&(hs, he)| hs < e && he > s)
        .map(|(hs, he)| shown.map_range(hs.max(s) - s, he.min(e) - s))
        .collect();
    (shown.text(raw).to_string(), ranges)
}

/// The fields of act `index`: who, towards whom, the cue, how strongly, what, where.
pub fn fields(app: &App, index: usize) -> Vec<CardField> {
    let act = &app.analysis.commitments[index];
    let statement = &app.statement;
    let hits = app
        .acts
        .position(index)
        .map_or_else(Vec::new, |row| app.hits_of(row));
    let hits = hits.as_slice();
    let paragraph = &statement.paragraphs[act.sentence.paragraph()].text;
    let in_span = |span: (usize, usize)| span_shown(paragraph, span, hits);
    let own = |text: &str, field: HitField| -> (String, Vec<(usize, usize)>) {
        let shown = SafeText::new(text);
        let ranges = hits
            .iter()
            .filter(|h| h.field == field)
            .map(|h| {
                let (s, e) = h.range();
                shown.map_range(s, e)
            })
            .collect();
        (shown.text(text).to_string(), ranges)
    };
    let field = |label, (text, hits): (String, Vec<(usize, usize)>), role| CardField {
        label,
        text,
        role,
        hits,
    };
    let by = act.actor(&app.analysis);
    let mut out = vec![field("By", own(by, HitField::Actor), Role::Plain)];
    if let Some(addressee) = act.addressee(&app.analysis) {
        out.push(field(
            "To",
            own(addressee, HitField::Addressee),
            Role::Plain,
        ));
    }
    let (cue, cue_hits) = in_span(act.cue_range());
    out.push(field(
        "Cue",
        (
            format!("“{cue}”"),
            cue_hits
                .into_iter()
                .map(|(s, e)| (s + '“'.len_utf8(), e + '“'.len_utf8()))
                .collect(),
        ),
        Role::Cue,
    ));
    if let Some(strength) = act.strength() {
        out.push(field(
            "How",
            (strength.to_string(), Vec::new()),
            Role::Plain,
        ));
    }
    out.push(field("What", in_span(act.object_range()), Role::Plain));
    let section = &app.analysis.sections[app.analysis.act_section(act)];
    out.push(field(
        "In",
        (
            crate::document::safe::visible(&format!(
                "§{} {}",
                section.id(),
                app.analysis.section_title(section)
            ))
            .into_owned(),
            Vec::new(),
        ),
        Role::Plain,
    ));
    out
}
