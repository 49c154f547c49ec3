//! The query language of the live filter, as close to fzf's as a statement allows.
//!
//! Terms are separated by spaces and all must match, in any order. `'word` is written
//! out and starts a word (`'word'` is the whole word), `^word` begins a field, `word$`
//! ends one, `!word` excludes, `a | b` matches either, `"a phrase"` is written out with
//! its spaces (`\ ` escapes a single space, as in fzf). A term may be limited to one
//! field: `kind:` (or `k:`), `by:` the actor, `to:` the addressee, `topic:` and `cue:`.
//! Any other term is fuzzy: its letters in order and close together
//! ([`super::matcher`]).

use super::matcher::Pattern;

/// What part of an act a term is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Everything: kind, actor, addressee, cue, object and the sentence around them.
    Any,
    Kind,
    Actor,
    Addressee,
    Topic,
    Cue,
}

impl Field {
    /// The field a `name:` prefix names.
    fn named(name: &str) -> Option<Field> {
        Some(match name.to_ascii_lowercase().as_str() {
            "kind" | "k" => Field::Kind,
            "by" => Field::Actor,
            "to" => Field::Addressee,
            "topic" => Field::Topic,
            "cue" => Field::Cue,
            _ => return None,
        })
    }

    /// The prefix that writes it.
    pub fn prefix(self) -> &'static str {
        match self {
            Field::Any => "",
            Field::Kind => "kind:",
            Field::Actor => "by:",
            Field::Addressee => "to:",
            Field::Topic => "topic:",
            Field::Cue => "cue:",
        }
    }
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub field: Field,
    pub pattern: Pattern,
    /// The value as typed, without its marks: "North Korea" of `to:"North Korea"`.
    pub value: String,
    /// Byte range of the term in the raw query.
    pub span: (usize, usize),
}

/// A parsed query: every group must match; a group matches if any of its terms does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

/// Splits the raw query into tokens with their byte spans: spaces separate, except
/// inside double quotes or after a backslash.
fn tokens(raw: &str) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = None;
    let mut quoted = false;
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push((std::mem::take(&mut current), (s, i)));
            }
            continue;
        }
        start.get_or_insert(i);
        match c {
            '\\' if chars.peek().is_some_and(|&(_, n)| n == ' ') => {
                chars.next();
                current.push(' ');
            }
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    if let Some(s) = start {
        out.push((current, (s, raw.len())));
    }
    out
}

/// One token as a term; `None` when it has nothing to match yet ("kind:", "!", "'").
fn term(token: &str, span: (usize, usize)) -> Option<Term> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (field, value) = match rest.split_once(':') {
        Some((name, value)) => match Field::named(name) {
            Some(field) => (field, value),
            None => (Field::Any, rest),
        },
        None => (Field::Any, rest),
    };
    let (mut text, mut exact, mut word_start) = (value, false, false);
    let mut word_end = false;
    let (mut at_start, mut at_end) = (false, false);
    if let Some(phrase) = text.strip_prefix('"') {
        text = phrase.strip_suffix('"').unwrap_or(phrase);
        (exact, word_start) = (true, true);
    } else if let Some(word) = text.strip_prefix('\'') {
        text = word;
        (exact, word_start) = (true, true);
        if let Some(whole) = text.strip_suffix('\'').filter(|w| !w.is_empty()) {
            text = whole;
            word_end = true;
        }
    } else {
        if let Some(anchored) = text.strip_prefix('^') {
            text = anchored;
            (exact, at_start) = (true, true);
        }
        if let Some(anchored) = text.strip_suffix('$') {
            text = anchored;
            (exact, at_end) = (true, true);
        }
    }
    if text.is_empty() {
        return None;
    }
    // fzf's negations are written out, not fuzzy: `!kor` drops what has a word "kor…".
    if negated && !exact {
        (exact, word_start) = (true, true);
    }
    let mut pattern = Pattern::new(text);
    if exact {
        pattern = pattern.exact();
    }
    pattern.word_start = word_start;
    pattern.word_end = word_end;
    pattern.at_start = at_start;
    pattern.at_end = at_end;
    Some(Term {
        negated,
        field,
        pattern,
        value: text.to_string(),
        span,
    })
}

impl Query {
    /// `None` for a query with nothing to match.
    pub fn parse(raw: &str) -> Option<Query> {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join = false;
        for (token, span) in tokens(raw) {
            if token == "|" {
                join = !groups.is_empty();
                continue;
            }
            let Some(term) = term(&token, span) else {
                continue;
            };
            match groups.last_mut() {
                Some(group) if join => group.push(term),
                _ => groups.push(vec![term]),
            }
            join = false;
        }
        (!groups.is_empty()).then_some(Query { groups })
    }

    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }

    /// The terms that stand alone (not in an `a | b` group) and are not negated: the
    /// ones a result must satisfy, whatever else the query says.
    pub fn required(&self) -> impl Iterator<Item = &Term> {
        self.groups
            .iter()
            .filter(|g| g.len() == 1 && !g[0].negated)
            .map(|g| &g[0])
    }

    /// Whether everything this query matches is matched by `previous` too: each of its
    /// groups is implied by one of ours. A negation or an alternative only carries over
    /// unchanged, as typing more of it would widen the result.
    pub fn narrows(&self, previous: &Query) -> bool {
        previous.groups.iter().all(|old| {
            self.groups
                .iter()
                .any(|new| match (new.as_slice(), old.as_slice()) {
                    ([n], [o]) if !n.negated && !o.negated => {
                        n.field == o.field && n.pattern.implies(&o.pattern)
                    }
                    _ => same_group(new, old),
                })
        })
    }
}

fn same_group(a: &[Term], b: &[Term]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.negated == y.negated && x.field == y.field && x.pattern == y.pattern)
}

/// `raw` without its stand-alone positive terms on `field`, and with `value` as the
/// one such term instead (none when `value` is `None`): what choosing a kind, an
/// addressee or a topic does to the query line.
pub fn with_field(raw: &str, field: Field, value: Option<&str>) -> String {
    let mut kept = String::new();
    let mut last = 0;
    if let Some(query) = Query::parse(raw) {
        let mut spans: Vec<(usize, usize)> = query
            .required()
            .filter(|t| t.field == field)
            .map(|t| t.span)
            .collect();
        spans.sort_unstable();
        for (s, e) in spans {
            kept.push_str(&raw[last..s]);
            last = e;
        }
    }
    kept.push_str(&raw[last..]);
    let mut out = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(value) = value {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(field.prefix());
        if value.contains(char::is_whitespace) || value.contains(['"', '|']) {
            out.push('"');
            out.push_str(&value.replace('"', ""));
            out.push('"');
        } else {
            out.push_str(value);
        }
    }
    // The reader types on after it.
    if !out.is_empty() {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str) -> Term {
        let q = Query::parse(raw).unwrap();
        assert_eq!(q.groups.len(), 1, "{raw}");
        q.groups[0][0].clone()
    }

    #[test]
    fn empty_and_incomplete_terms_match_nothing_yet() {
        for raw in ["", "  ", "'", "!", "^", "$", "kind:", "to:\"", "|", " | "] {
            assert_eq!(Query::parse(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn term_forms() {
        let t = one("korea");
        assert!(t.pattern.fuzzy && !t.negated && t.field == Field::Any);
        let t = one("'urge");
        assert!(!t.pattern.fuzzy && t.pattern.word_start && !t.pattern.word_end);
        let t = one("'urge'");
        assert!(t.pattern.word_end && t.value == "urge");
        let t = one("^we");
        assert!(t.pattern.at_start && !t.pattern.fuzzy);
        let t = one("korea$");
        assert!(t.pattern.at_end && t.value == "korea");
        let t = one("!china");
        assert!(t.negated && t.pattern.word_start && !t.pattern.fuzzy);
        let t = one("k:demand");
        assert_eq!((t.field, t.value.as_str()), (Field::Kind, "demand"));
        let t = one("to:\"North Korea\"");
        assert_eq!(
            (t.field, t.value.as_str()),
            (Field::Addressee, "North Korea")
        );
        assert!(t.pattern.sensitive && t.pattern.word_start);
        let t = one("north\\ korea");
        assert_eq!(t.value, "north korea");
        let t = one("10:30");
        assert_eq!((t.field, t.value.as_str()), (Field::Any, "10:30"));
        let t = one("!kind:condemn");
        assert!(t.negated && t.field == Field::Kind);
    }

    #[test]
    fn groups_and_alternatives() {
        let q = Query::parse("korea | china urge").unwrap();
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].len(), 2);
        assert_eq!(q.required().count(), 1);
        let spans: Vec<_> = q.terms().map(|t| t.span).collect();
        assert_eq!(spans, [(0, 5), (8, 13), (14, 18)]);
    }

    #[test]
    fn narrowing() {
        let narrows =
            |a: &str, b: &str| Query::parse(a).unwrap().narrows(&Query::parse(b).unwrap());
        assert!(narrows("korea", "kor"));
        assert!(narrows("kor urge", "kor"));
        assert!(narrows("urge kor", "kor"));
        assert!(narrows("'korea", "kor"));
        assert!(!narrows("kor", "korea"));
        assert!(!narrows("!ko", "!k"), "a negation widens as it grows");
        assert!(narrows("!k x", "!k"));
        assert!(!narrows("a | bc", "a | b"));
        assert!(narrows("a | b c", "a | b"));
        assert!(!narrows("to:korea", "korea"), "another field");
    }

    #[test]
    fn choosing_a_field_rewrites_the_query() {
        assert_eq!(
            with_field("korea kind:condemn", Field::Kind, Some("demand")),
            "korea kind:demand "
        );
        assert_eq!(with_field("kind:demand", Field::Kind, None), "");
        assert_eq!(
            with_field("urge", Field::Addressee, Some("North Korea")),
            "urge to:\"North Korea\" "
        );
        assert_eq!(
            with_field(
                "to:\"North Korea\" !kind:commit",
                Field::Kind,
                Some("demand")
            ),
            "to:\"North Korea\" !kind:commit kind:demand "
        );
    }
}
