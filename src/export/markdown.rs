//! The Markdown export: a briefing a person would send a colleague.
//!
//! Title, date and parties; the sections with their topics; then the acts grouped by
//! kind, each with who is addressed, what, where in the statement, and the sentence.

use std::io::{self, Write};

use crate::analysis::sections::whole_title;
use crate::analysis::{Analysis, CommitmentKind};
use crate::document::{Statement, safe};

/// Document text made inert: visible controls, and Markdown/HTML syntax escaped.
pub(super) fn md(text: &str) -> String {
    let visible = safe::visible(text);
    let mut out = String::with_capacity(visible.len() + 8);
    for c in visible.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn kind_heading(kind: CommitmentKind) -> &'static str {
    match kind {
        CommitmentKind::Commit => "Commitments",
        CommitmentKind::Reaffirm => "Reaffirmations",
        CommitmentKind::Demand => "Demands",
        CommitmentKind::Condemn => "Condemnations",
        CommitmentKind::Concern => "Concerns",
        CommitmentKind::Support => "Support",
    }
}

pub fn write_markdown(
    statement: &Statement,
    analysis: &Analysis,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    let meta = &statement.metadata;
    writeln!(out, "# {}\n", md(&meta.title))?;
    if let Some(occasion) = &meta.occasion {
        writeln!(out, "_{}_\n", md(occasion))?;
    }
    let mut facts = Vec::new();
    if let Some(date) = meta.date {
        let place = meta
            .place
            .as_deref()
            .map(|p| format!("{}, ", md(p)))
            .unwrap_or_default();
        facts.push(format!("- **Date:** {place}{}", date.long()));
    }
    if let Some(updated) = meta.last_updated {
        facts.push(format!(
            "- **Last updated:** {} {:02}:{:02}",
            updated.date.long(),
            updated.hour,
            updated.minute
        ));
    }
    if let Some(authors) = &analysis.authorship.phrase {
        facts.push(format!("- **Authors:** {}", md(authors)));
    } else if !meta.parties.is_empty() {
        facts.push(format!("- **Parties:** {}", md(&meta.parties.join(", "))));
    }
    for person in &meta.people {
        facts.push(format!(
            "- **{}**{}",
            md(&person.name),
            person
                .role
                .as_deref()
                .map(|r| format!(", {}", md(r)))
                .unwrap_or_default()
        ));
    }
    if let Some(source) = statement.file_name() {
        facts.push(format!(
            "- **Source:** `{}`",
            safe::visible(&source).replace('`', "'")
        ));
    }
    if !facts.is_empty() {
        writeln!(out, "{}\n", facts.join("\n"))?;
    }

    let counts: Vec<String> = analysis
        .kind_counts()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    writeln!(
        out,
        "{} paragraphs in {} sections; {} acts{}.\n",
        statement.paragraphs.len(),
        analysis.sections.len(),
        analysis.commitments.len(),
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        }
    )?;

    writeln!(out, "## Sections\n")?;
    let mut acts_in = vec![0usize; analysis.sections.len()];
    for act in &analysis.commitments {
        acts_in[analysis.act_section(act)] += 1;
    }
    for (s, section) in analysis.sections.iter().enumerate() {
        let topics: Vec<&str> = analysis
            .topics_of(section)
            .iter()
            .map(|&t| analysis.topic_name(t))
            .collect();
        let paragraphs = match (section.paragraphs().start, section.paragraphs().end) {
            (s, e) if e == s + 1 => format!("¶{}", s + 1),
            (s, e) if e > s => format!("¶{}–{}", s + 1, e),
            _ => "heading only".to_string(),
        };
        let acts = acts_in[s];
        write!(
            out,
            "{}. **{}** ({paragraphs}",
            section.id(),
            md(whole_title(
                analysis.section_title(section),
                section,
                statement
            ))
        )?;
        if acts > 0 {
            write!(out, ", {acts} act{}", if acts == 1 { "" } else { "s" })?;
        }
        write!(out, ")")?;
        if !topics.is_empty() {
            write!(out, " — {}", md(&topics.join(", ")))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "\n## What the authors said\n")?;
    if analysis.commitments.is_empty() {
        writeln!(out, "No commitments, demands or other positions found.")?;
    }
    for kind in CommitmentKind::ALL {
        let acts: Vec<_> = analysis
            .commitments
            .iter()
            .filter(|c| c.kind == kind)
            .collect();
        if acts.is_empty() {
            continue;
        }
        writeln!(out, "### {} ({})\n", kind_heading(kind), acts.len())?;
        for act in acts {
            let section = &analysis.sections[analysis.act_section(act)];
            let who = match act.addressee(analysis) {
                Some(addressee) => format!("{} → {}", md(act.actor(analysis)), md(addressee)),
                None => md(act.actor(analysis)),
            };
            let strength = act
                .strength()
                .map(|words| format!(", {words}"))
                .unwrap_or_default();
            writeln!(
                out,
                "- **{who}**{strength}: {}  ",
                md(&super::object_cell(statement, act))
            )?;
            writeln!(
                out,
                "  _¶{} · §{} {}_ · cue “{}”  ",
                md(&statement.paragraph_number(act.sentence.paragraph())),
                section.id(),
                md(whole_title(
                    analysis.section_title(section),
                    section,
                    statement
                )),
                md(act.cue(statement))
            )?;
            writeln!(
                out,
                "  > {}\n",
                md(&super::sentence_cell(statement, act).text)
            )?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_and_controls_are_inert() {
        assert_eq!(
            md("<script>*x*</script>"),
            "\\<script\\>\\*x\\*\\</script\\>"
        );
        assert_eq!(md("a\x1b]8;;http://x\x07b"), "a␛\\]8;;http://x␇b");
    }
}
