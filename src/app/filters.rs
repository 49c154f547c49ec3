//! What the query line holds, in layers Esc clears one at a time — the words typed,
//! then the topic, then who acts or is addressed, then the kind — and the sentence an
//! empty result gives to say why.

use crate::analysis::CommitmentKind;
use crate::analysis::filter::{Field, Query};
use crate::analysis::query::Term;

/// A layer of the query, in the order Esc clears them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    Words,
    Topic,
    Who,
    Kind,
}

impl Layer {
    pub fn name(self) -> &'static str {
        match self {
            Layer::Words => "the filter",
            Layer::Topic => "the topic",
            Layer::Who => "the actor or addressee",
            Layer::Kind => "the kind",
        }
    }
}

fn layer(group: &[Term]) -> Layer {
    if group.iter().any(|t| t.field == Field::Any) {
        return Layer::Words;
    }
    match group.first().map(|t| t.field) {
        Some(Field::Topic) => Layer::Topic,
        Some(Field::Kind) => Layer::Kind,
        _ => Layer::Who,
    }
}

/// The first layer Esc would clear.
pub fn next_layer(query: &Query) -> Option<Layer> {
    query.groups.iter().map(|g| layer(g)).min()
}

/// `raw` without the groups of its first layer.
pub fn without_next_layer(raw: &str) -> String {
    let Some(query) = Query::parse(raw) else {
        return String::new();
    };
    let Some(first) = next_layer(&query) else {
        return String::new();
    };
    let mut spans: Vec<(usize, usize)> = query
        .groups
        .iter()
        .filter(|g| layer(g) == first)
        .filter_map(|g| Some((g.first()?.span.0, g.last()?.span.1)))
        .collect();
    spans.sort_unstable();
    let mut out = String::new();
    let mut last = 0;
    for (s, e) in spans {
        out.push_str(&raw[last..s.max(last)]);
        last = e.max(last);
    }
    out.push_str(&raw[last..]);
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        joined
    } else {
        joined + " "
    }
}

/// Why nothing matches, in words: "No demand addressed to China in Maritime security —
/// Esc to clear the topic".
pub fn why_empty(query: &Query, topic_names: &[&str]) -> String {
    let values = |field: Field| -> Vec<&str> {
        query
            .required()
            .filter(|t| t.field == field)
            .map(|t| t.value.as_str())
            .collect()
    };
    let kinds = values(Field::Kind);
    let mut out = format!(
        "No {}",
        if kinds.is_empty() {
            "act".to_string()
        } else {
            kinds.join(" ")
        }
    );
    for (field, words) in [
        (Field::Addressee, "addressed to"),
        (Field::Actor, "by"),
        (Field::Cue, "with the cue"),
    ] {
        for value in values(field) {
            out.push_str(&format!(" {words} {value}"));
        }
    }
    if !topic_names.is_empty() {
        out.push_str(&format!(" in {}", topic_names.join(" or ")));
    } else if !values(Field::Topic).is_empty() {
        out.push_str(&format!(
            " on the topic “{}”",
            values(Field::Topic).join(" ")
        ));
    }
    let words: Vec<&str> = query
        .groups
        .iter()
        .filter(|g| layer(g) == Layer::Words)
        .flat_map(|g| g.iter().map(|t| t.value.as_str()))
        .collect();
    if !words.is_empty() {
        out.push_str(&format!(" matching “{}”", words.join(" ")));
    }
    if let Some(layer) = next_layer(query) {
        out.push_str(&format!(" — Esc to clear {}", layer.name()));
    }
    out.push_str(&hint(query));
    out
}

/// What a query was likely meant to say, when it says something else: a word "left out"
/// with a minus, as search engines take it, or a kind that is none of the six.
fn hint(query: &Query) -> String {
    let terms = || query.groups.iter().flatten();
    if terms().any(|t| t.field == Field::Kind && !t.negated && !names_a_kind(t)) {
        let kinds: Vec<&str> = CommitmentKind::ALL.iter().map(|k| k.as_str()).collect();
        return format!(" (kinds are {}; cue: finds a verb)", kinds.join(", "));
    }
    let minus = terms().find(|t| {
        t.field == Field::Any && !t.negated && t.value.len() > 1 && t.value.starts_with('-')
    });
    match minus {
        Some(t) => format!(" (to leave a word out, write !{})", &t.value[1..]),
        None => String::new(),
    }
}

fn names_a_kind(term: &Term) -> bool {
    CommitmentKind::ALL
        .iter()
        .any(|k| term.pattern.find(k.as_str(), &[]).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_clears_words_then_topic_then_who_then_kind() {
        let mut raw = "kind:demand to:china korea topic:\"Maritime security\" !urge".to_string();
        let mut seen = Vec::new();
        while let Some(query) = Query::parse(&raw) {
            seen.push(next_layer(&query).unwrap());
            raw = without_next_layer(&raw);
        }
        assert_eq!(seen, [Layer::Words, Layer::Topic, Layer::Who, Layer::Kind]);
    }

    #[test]
    fn an_empty_result_says_why() {
        let query = Query::parse("kind:demand topic:maritime").unwrap();
        assert_eq!(
            why_empty(&query, &["Maritime security"]),
            "No demand in Maritime security — Esc to clear the topic"
        );
        let query = Query::parse("to:china urge").unwrap();
        assert_eq!(
            why_empty(&query, &[]),
            "No act addressed to china matching “urge” — Esc to clear the filter"
        );
    }

    #[test]
    fn an_empty_result_says_what_was_likely_meant() {
        let query = Query::parse("kind:urge").unwrap();
        assert_eq!(
            why_empty(&query, &[]),
            "No urge — Esc to clear the kind (kinds are commit, reaffirm, demand, condemn, \
             concern, support; cue: finds a verb)"
        );
        let query = Query::parse("kind:dem -korea").unwrap();
        assert_eq!(
            why_empty(&query, &[]),
            "No dem matching “-korea” — Esc to clear the filter (to leave a word out, \
             write !korea)"
        );
        // A kind written in part, or a lone minus, is as meant.
        for raw in ["kind:dem korea", "korea -"] {
            let query = Query::parse(raw).unwrap();
            assert!(!why_empty(&query, &[]).contains('('), "{raw}");
        }
    }
}
