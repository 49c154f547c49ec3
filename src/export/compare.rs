//! A comparison of two statements written out: JSON for scripts (the contract in the
//! README) and Markdown as a briefing — what is new, what was dropped, what hardened
//! or softened, with the sentences quoted and both statements' paragraph numbers.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{CommitmentOut, DocumentOut, commitment_out, document_out, write_safe};
use super::markdown::md;
use crate::compare::tokens::Piece;
use crate::compare::{ActChange, ActStatus, Comparison, ParagraphStatus, Side};

#[derive(Serialize)]
struct CompareOut<'a> {
    old: SideOut<'a>,
    new: SideOut<'a>,
    summary: SummaryOut<'a>,
    acts: Vec<ActChangeOut<'a>>,
    paragraphs: Vec<ParagraphOut<'a>>,
}

#[derive(Serialize)]
struct SideOut<'a> {
    document: DocumentOut<'a>,
}

#[derive(Serialize)]
struct Counted {
    unchanged: usize,
    reworded: usize,
    strengthened: usize,
    weakened: usize,
    changed: usize,
    new: usize,
    dropped: usize,
}

impl From<&crate::compare::Counts> for Counted {
    fn from(c: &crate::compare::Counts) -> Counted {
        Counted {
            unchanged: c.of(ActStatus::Unchanged),
            reworded: c.of(ActStatus::Reworded),
            strengthened: c.of(ActStatus::Strengthened),
            weakened: c.of(ActStatus::Weakened),
            changed: c.of(ActStatus::Changed),
            new: c.of(ActStatus::New),
            dropped: c.of(ActStatus::Dropped),
        }
    }
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    #[serde(flatten)]
    counts: Counted,
    new_addressees: &'a [String],
    topics: Vec<TopicOut<'a>>,
}

#[derive(Serialize)]
struct TopicOut<'a> {
    topic: &'a str,
    #[serde(flatten)]
    counts: Counted,
}

#[derive(Serialize)]
struct ActOut<'a> {
    #[serde(flatten)]
    act: CommitmentOut<'a>,
    sentence_text: &'a str,
}

#[derive(Serialize)]
struct ActChangeOut<'a> {
    status: ActStatus,
    old: Option<ActOut<'a>>,
    new: Option<ActOut<'a>>,
    why: &'a str,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    status: ParagraphStatus,
    /// 1-based positions, as the single-statement export numbers paragraphs.
    old: Option<usize>,
    new: Option<usize>,
    /// The statements' own numbers ("7", "b").
    old_number: Option<String>,
    new_number: Option<String>,
    diff: &'a [Piece],
}

fn act_out<'a>(side: &Side<'a>, index: Option<usize>) -> Option<ActOut<'a>> {
    let place = index?;
    let act = &side.analysis.commitments[place];
    Some(ActOut {
        act: commitment_out(side.statement, side.analysis, place),
        sentence_text: side.statement.sentence_text(act.sentence),
    })
}

/// The comparison as JSON.
pub fn write_compare_json(
    old: Side,
    new: Side,
    comparison: &Comparison,
    out: &mut dyn Write,
) -> io::Result<()> {
    let summary = &comparison.summary;
    let number = |side: &Side, p: Option<usize>| p.map(|p| side.statement.paragraph_number(p));
    let value = CompareOut {
        old: SideOut {
            document: document_out(old.statement, old.analysis),
        },
        new: SideOut {
            document: document_out(new.statement, new.analysis),
        },
        summary: SummaryOut {
            counts: (&summary.counts).into(),
            new_addressees: &summary.new_addressees,
            topics: summary
                .topics
                .iter()
                .map(|t| TopicOut {
                    topic: &t.topic,
                    counts: (&t.counts).into(),
                })
                .collect(),
        },
        acts: comparison
            .acts
            .iter()
            .map(|c| ActChangeOut {
                status: c.status,
                old: act_out(&old, c.old),
                new: act_out(&new, c.new),
                why: &c.why,
            })
            .collect(),
        paragraphs: comparison
            .paragraphs
            .iter()
            .map(|p| ParagraphOut {
                status: p.status,
                old: p.old.map(|i| i + 1),
                new: p.new.map(|j| j + 1),
                old_number: number(&old, p.old),
                new_number: number(&new, p.new),
                diff: &p.diff,
            })
            .collect(),
    };
    write_safe(&value, out)
}

/// How a statement is named in the briefing: its title (unless the series shares it),
/// date and file.
fn named(side: &Side, with_title: bool) -> String {
    let meta = &side.statement.metadata;
    let mut facts = Vec::new();
    if let Some(date) = meta.date {
        facts.push(date.long());
    }
    if let Some(file) = side.statement.file_name() {
        facts.push(format!(
            "`{}`",
            crate::document::safe::visible(&file).replace('`', "'")
        ));
    }
    let facts = if facts.is_empty() {
        String::new()
    } else {
        format!(" ({})", facts.join(", "))
    };
    if with_title || facts.is_empty() {
        format!("**{}**{facts}", md(&meta.title))
    } else {
        facts
            .trim_start()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .to_string()
    }
}

/// The sections of the briefing, in the order an analyst wants them.
const GROUPS: [(ActStatus, &str); 6] = [
    (ActStatus::New, "New"),
    (ActStatus::Dropped, "Dropped"),
    (ActStatus::Strengthened, "Hardened"),
    (ActStatus::Weakened, "Softened"),
    (ActStatus::Changed, "Changed"),
    (ActStatus::Reworded, "Reworded"),
];

/// The comparison as a Markdown briefing.
pub fn write_compare_markdown(
    old: Side,
    new: Side,
    comparison: &Comparison,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    writeln!(
        out,
        "# What changed: {}\n",
        md(&new.statement.metadata.title)
    )?;
    let titled = old.statement.metadata.title != new.statement.metadata.title;
    writeln!(
        out,
        "From {}  \nto {}\n",
        named(&old, titled),
        named(&new, titled)
    )?;
    writeln!(out, "**{}**\n", comparison.summary.line())?;
    if comparison.summary.counts.changes() == 0 {
        writeln!(out, "No act changed.\n")?;
    }
    for (status, heading) in GROUPS {
        let changes: Vec<&ActChange> = comparison
            .acts
            .iter()
            .filter(|c| c.status == status)
            .collect();
        if changes.is_empty() {
            continue;
        }
        writeln!(out, "## {heading} ({})\n", changes.len())?;
        for change in changes {
            write_act(&mut out, &old, &new, change)?;
        }
    }
    if !comparison.summary.new_addressees.is_empty() {
        writeln!(
            out,
            "## New addressees\n\n{}\n",
            comparison
                .summary
                .new_addressees
                .iter()
                .map(|a| format!("- {}", md(a)))
                .collect::<Vec<_>>()
                .join("\n")
        )?;
    }
    write_paragraphs(&mut out, &old, &new, comparison)?;
    let topics: Vec<_> = comparison
        .summary
        .topics
        .iter()
        .filter(|t| t.counts.changes() > 0)
        .collect();
    if !topics.is_empty() {
        writeln!(out, "## By topic\n")?;
        writeln!(
            out,
            "| topic | new | dropped | hardened | softened | changed | reworded |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|")?;
        for t in topics {
            let c = &t.counts;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                md(&t.topic),
                c.of(ActStatus::New),
                c.of(ActStatus::Dropped),
                c.of(ActStatus::Strengthened),
                c.of(ActStatus::Weakened),
                c.of(ActStatus::Changed),
                c.of(ActStatus::Reworded)
            )?;
        }
        writeln!(out)?;
    }
    out.flush()
}

fn write_act(out: &mut impl Write, old: &Side, new: &Side, change: &ActChange) -> io::Result<()> {
    let shown = change
        .new
        .map(|j| (new, &new.analysis.commitments[j]))
        .or_else(|| change.old.map(|i| (old, &old.analysis.commitments[i])));
    let Some((side, act)) = shown else {
        return Ok(());
    };
    let who = match act.addressee(side.analysis) {
        Some(addressee) => format!(" → {}", md(addressee)),
        None => String::new(),
    };
    let at = |side: &Side, index: Option<usize>| {
        index.map(|i| {
            let p = side.analysis.commitments[i].sentence.paragraph();
            format!("¶{}", md(&side.statement.paragraph_number(p)))
        })
    };
    let place = match (at(old, change.old), at(new, change.new)) {
        (Some(a), Some(b)) if a == b => format!("{b} in both"),
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (Some(a), None) => format!("{a} of the old statement"),
        (None, Some(b)) => format!("{b} of the new statement"),
        (None, None) => String::new(),
    };
    writeln!(
        out,
        "- **{}{who}**: {}  ",
        act.kind.as_str(),
        md(&super::object_cell(side.statement, act))
    )?;
    let why = if change.status == ActStatus::New || change.status == ActStatus::Dropped {
        String::new()
    } else {
        format!(" · {}", md(&change.why))
    };
    writeln!(out, "  _{place}_{why}  ")?;
    let quote = |side: &Side, i: usize| {
        md(&super::sentence_cell(side.statement, &side.analysis.commitments[i]).text)
    };
    match (change.old, change.new) {
        (Some(i), Some(j)) => {
            writeln!(out, "  > was: {}  ", quote(old, i))?;
            writeln!(out, "  > now: {}\n", quote(new, j))?;
        }
        (Some(i), None) => writeln!(out, "  > {}\n", quote(old, i))?,
        (None, Some(j)) => writeln!(out, "  > {}\n", quote(new, j))?,
        (None, None) => {}
    }
    Ok(())
}

fn write_paragraphs(
    out: &mut impl Write,
    old: &Side,
    new: &Side,
    comparison: &Comparison,
) -> io::Result<()> {
    let count = |status| {
        comparison
            .paragraphs
            .iter()
            .filter(|p| p.status == status)
            .count()
    };
    writeln!(
        out,
        "## Paragraphs\n\n{} the same, {} changed, {} moved, {} new, {} dropped.\n",
        count(ParagraphStatus::Same),
        count(ParagraphStatus::Changed),
        count(ParagraphStatus::Moved),
        count(ParagraphStatus::New),
        count(ParagraphStatus::Dropped)
    )?;
    for p in &comparison.paragraphs {
        let number = |side: &Side, i: Option<usize>| {
            i.map(|i| md(&side.statement.paragraph_number(i)))
                .unwrap_or_default()
        };
        let line = match p.status {
            ParagraphStatus::Moved => format!(
                "- ¶{} moved to ¶{}{}",
                number(old, p.old),
                number(new, p.new),
                if p.diff.is_empty() {
                    ""
                } else {
                    ", and changed"
                }
            ),
            ParagraphStatus::New => format!("- ¶{} is new", number(new, p.new)),
            ParagraphStatus::Dropped => format!("- ¶{} was dropped", number(old, p.old)),
            _ => continue,
        };
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}
