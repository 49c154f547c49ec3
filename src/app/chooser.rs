//! The small choosers of a kind (`t`) and of an addressee (`a`): each row says how
//! many acts choosing it would list under the rest of the query, empty rows are greyed
//! and skipped, and choosing writes the `kind:` or `to:` term into the query line, so
//! the line always shows what is in force.

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::CommitmentKind;
use crate::analysis::filter::{Field, Query};
use crate::analysis::query::with_field;

use super::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooserKind {
    Kinds,
    Addressees,
}

impl ChooserKind {
    pub fn title(self) -> &'static str {
        match self {
            ChooserKind::Kinds => "Kind of act",
            ChooserKind::Addressees => "Addressed to",
        }
    }

    fn field(self) -> Field {
        match self {
            ChooserKind::Kinds => Field::Kind,
            ChooserKind::Addressees => Field::Addressee,
        }
    }
}

/// One row: what it shows, the acts it would list, and the term's value (`None` for
/// the row that lifts the choice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChooserItem {
    pub label: String,
    pub count: usize,
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chooser {
    pub kind: ChooserKind,
    pub items: Vec<ChooserItem>,
    pub cursor: usize,
}

impl Chooser {
    /// The chooser for the reader's statement and query.
    pub fn open(app: &mut App, kind: ChooserKind) -> Chooser {
        let field = kind.field();
        let rest = with_field(app.query.value(), field, None);
        // The acts the rest of the query lists: what each row would narrow.
        let listed: Vec<usize> = match Query::parse(&rest) {
            Some(query) => {
                let result = app.filter.run(&query, &app.statement, &app.analysis);
                result.acts.iter().map(|m| m.act as usize).collect()
            }
            None => (0..app.analysis.commitments.len()).collect(),
        };
        let acts = &app.analysis.commitments;
        let mut items = vec![ChooserItem {
            label: match kind {
                ChooserKind::Kinds => "every kind".into(),
                ChooserKind::Addressees => "anyone or no one".into(),
            },
            count: listed.len(),
            value: None,
        }];
        match kind {
            ChooserKind::Kinds => {
                for k in CommitmentKind::ALL {
                    items.push(ChooserItem {
                        label: k.badge().to_string(),
                        count: listed.iter().filter(|&&i| acts[i].kind == k).count(),
                        value: Some(k.as_str().to_string()),
                    });
                }
            }
            ChooserKind::Addressees => {
                let mut by_name: HashMap<&str, usize> = HashMap::default();
                for &i in &listed {
                    if let Some(to) = acts[i].addressee(&app.analysis) {
                        *by_name.entry(to).or_default() += 1;
                    }
                }
                let mut counts: Vec<(&str, usize)> = by_name.into_iter().collect();
                counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                items.extend(counts.into_iter().map(|(name, count)| ChooserItem {
                    label: name.to_string(),
                    count,
                    value: Some(name.to_string()),
                }));
            }
        }
        // Start on what is in force, if anything.
        let current = Query::parse(app.query.value()).and_then(|q| {
            q.required()
                .find(|t| t.field == field)
                .map(|t| t.value.to_lowercase())
        });
        let cursor = current
            .and_then(|c| {
                items
                    .iter()
                    .position(|i| i.value.as_ref().is_some_and(|v| v.to_lowercase() == c))
            })
            .unwrap_or(0);
        Chooser {
            kind,
            items,
            cursor,
        }
    }

    /// Moves by `delta` rows, over the empty ones.
    pub fn step(&mut self, delta: isize) {
        let len = self.items.len() as isize;
        let mut at = self.cursor as isize;
        let direction = delta.signum();
        let mut left = delta.abs();
        while left > 0 {
            let mut next = at + direction;
            while (0..len).contains(&next) && self.items[next as usize].count == 0 {
                next += direction;
            }
            if !(0..len).contains(&next) {
                break;
            }
            at = next;
            left -= 1;
        }
        self.cursor = at as usize;
    }

    /// The query line with this chooser's row taken.
    pub fn chosen(&self, raw: &str) -> String {
        let value = self.items.get(self.cursor).and_then(|i| i.value.as_deref());
        with_field(raw, self.kind.field(), value)
    }
}
