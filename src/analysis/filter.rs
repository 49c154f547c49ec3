//! The live filter: which acts and sentences match what the reader types.
//!
//! Fuzzy matching (fuzzy-matcher's SkimMatcherV2, smart case) ranks acts by score and
//! reports the matched characters of the label the panel shows, so they can be
//! highlighted. Sentences are matched with a stricter bar — a long sentence contains
//! almost any letters in order — as a fraction of the score the query earns against
//! itself. A query starting with `'` matches exactly, as in fzf.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::document::{SentenceRef, Statement};

use super::{Analysis, Commitment, CommitmentKind};

/// Fraction of the query's own score a sentence must reach to count as a match.
const SENTENCE_BAR: f64 = 0.6;
/// The same for an act label, which is short and can be looser.
const LABEL_BAR: f64 = 0.35;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub pattern: String,
    /// `'korea`: a case-insensitive (smart case) substring, not a fuzzy match.
    pub exact: bool,
}

impl Query {
    /// `None` for an empty query (a lone `'` is empty too).
    pub fn parse(raw: &str) -> Option<Query> {
        let (exact, pattern) = match raw.strip_prefix('\'') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let pattern = pattern.trim();
        (!pattern.is_empty()).then(|| Query {
            pattern: pattern.to_string(),
            exact,
        })
    }
}

/// An act that matches, with where it matched in its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActMatch {
    pub act: usize,
    pub score: i64,
    /// Char indices into [`act_label`] of the matched characters (empty when the act
    /// matched through its section title rather than its label).
    pub indices: Vec<usize>,
}

/// A sentence that matches, with the byte ranges (in its paragraph) to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceMatch {
    pub at: SentenceRef,
    pub ranges: Vec<(usize, usize)>,
}

/// Everything one query matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterResult {
    /// Best first.
    pub acts: Vec<ActMatch>,
    /// In reading order.
    pub sentences: Vec<SentenceMatch>,
    /// Matches (sentences and acts) per section.
    pub section_hits: Vec<usize>,
}

/// Who an act is about, as the panel shows it: "→ North Korea" for an addressed demand,
/// the party for a one-party act, nothing when the authors speak together.
pub fn act_who(analysis: &Analysis, act: &Commitment) -> String {
    match &act.addressee {
        Some(addressee) => format!("→ {addressee}"),
        None if act.actor != analysis.authors => act.actor.to_string(),
        None => String::new(),
    }
}

/// The label the panel shows for an act (after its badge), and the text matched.
pub fn act_label(statement: &Statement, analysis: &Analysis, act: &Commitment) -> String {
    let who = act_who(analysis, act);
    let object = act.object_short(statement, crate::analysis::acts::MAX_OBJECT_CHARS);
    let text = if who.is_empty() {
        object
    } else {
        format!("{who}: {object}")
    };
    format!("{} {}", act.kind.badge(), text)
}

/// Matches queries against one statement (it keeps that statement's sentences ready
/// to search, so use one `Filter` per statement).
pub struct Filter {
    matcher: SkimMatcherV2,
    sentences: std::cell::OnceCell<Vec<Prepared>>,
}

/// A sentence's characters as written and case-folded, computed once, not per keystroke.
struct Prepared {
    chars: Vec<char>,
    folded: Vec<char>,
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            matcher: SkimMatcherV2::default().smart_case(),
            sentences: std::cell::OnceCell::new(),
        }
    }
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Filter")
    }
}

impl Filter {
    /// Matches `query` against the acts (limited to `kinds`/`topic` if given) and the
    /// sentences of the statement.
    pub fn run(
        &self,
        query: &Query,
        statement: &Statement,
        analysis: &Analysis,
        kind: Option<CommitmentKind>,
        topic: Option<usize>,
    ) -> FilterResult {
        let mut result = FilterResult {
            section_hits: vec![0; analysis.sections.len()],
            ..Default::default()
        };
        let own_score = self.perfect(query);
        for (i, act) in analysis.commitments.iter().enumerate() {
            if kind.is_some_and(|k| k != act.kind)
                || topic.is_some_and(|t| !analysis.act_topics(act).contains(&t))
            {
                continue;
            }
            let label = act_label(statement, analysis, act);
            let found = self.best(query, &label, own_score, LABEL_BAR).or_else(|| {
                // An act also matches through its section's title, ranked below the rest.
                let title = &analysis.sections[act.section].title;
                self.best(query, title, own_score, LABEL_BAR)
                    .map(|(score, _)| (score / 2, Vec::new()))
            });
            if let Some((score, indices)) = found {
                result.acts.push(ActMatch {
                    act: i,
                    score,
                    indices,
                });
                result.section_hits[act.section] += 1;
            }
        }
        result
            .acts
            .sort_by(|a, b| b.score.cmp(&a.score).then(a.act.cmp(&b.act)));
        let prepared = self.sentences.get_or_init(|| {
            statement
                .sentences()
                .map(|(_, text)| Prepared {
                    chars: text.chars().collect(),
                    folded: text.chars().map(fold).collect(),
                })
                .collect()
        });
        for ((at, text), prepared) in statement.sentences().zip(prepared) {
            let Some((_, indices)) = self.sentence(query, text, prepared, own_score) else {
                continue;
            };
            let ranges = char_ranges(text, &indices)
                .into_iter()
                .map(|(s, e)| {
                    let offset = statement.paragraphs[at.paragraph].sentences[at.index].start;
                    (offset + s, offset + e)
                })
                .collect();
            result.sentences.push(SentenceMatch { at, ranges });
            if let Some(&section) = analysis.paragraph_section.get(at.paragraph) {
                result.section_hits[section] += 1;
            }
        }
        result
    }

    /// The score the query earns against itself: the best any text can do.
    fn perfect(&self, query: &Query) -> i64 {
        if query.exact {
            return 1;
        }
        self.matcher
            .fuzzy_match(&query.pattern, &query.pattern)
            .unwrap_or(1)
            .max(1)
    }

    /// A sentence's match. A match good enough to clear the bar is compact, so the
    /// sentence is first searched for its tightest window holding the query's letters in
    /// order; too wide a window is no match, and the fuzzy scorer then runs only on that
    /// window and a little around it, not on the whole sentence.
    fn sentence(
        &self,
        query: &Query,
        text: &str,
        prepared: &Prepared,
        perfect: i64,
    ) -> Option<(i64, Vec<usize>)> {
        if query.exact {
            return self.best(query, text, perfect, SENTENCE_BAR);
        }
        let chars = &prepared.chars;
        // Smart case, as the fuzzy matcher does it.
        let sensitive = query.pattern.chars().any(char::is_uppercase);
        let pattern: Vec<char> = query
            .pattern
            .chars()
            .map(|c| if sensitive { c } else { fold(c) })
            .collect();
        let haystack = if sensitive {
            &prepared.chars
        } else {
            &prepared.folded
        };
        let (start, end) = tightest_window(haystack, &pattern)?;
        if end - start > pattern.len() * 3 + 6 {
            return None;
        }
        const MARGIN: usize = 12;
        let from = start.saturating_sub(MARGIN);
        let to = (end + MARGIN).min(chars.len());
        let window: String = chars[from..to].iter().collect();
        let (score, indices) = self.best(query, &window, perfect, SENTENCE_BAR)?;
        Some((score, indices.into_iter().map(|i| i + from).collect()))
    }

    /// Score and matched char indices of `query` in `text`, if it clears the bar.
    fn best(&self, query: &Query, text: &str, perfect: i64, bar: f64) -> Option<(i64, Vec<usize>)> {
        if query.exact {
            let indices = exact_indices(text, &query.pattern)?;
            return Some((1000 - indices[0] as i64, indices));
        }
        let (score, indices) = self.matcher.fuzzy_indices(text, &query.pattern)?;
        (score as f64 >= perfect as f64 * bar).then_some((score, indices))
    }
}

/// Char indices of every occurrence of `pattern` in `text`: case-insensitive unless the
/// pattern has an uppercase letter.
fn exact_indices(text: &str, pattern: &str) -> Option<Vec<usize>> {
    let sensitive = pattern.chars().any(char::is_uppercase);
    let fold = |c: char| {
        if sensitive {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let hay: Vec<char> = text.chars().map(fold).collect();
    let needle: Vec<char> = pattern.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            out.extend(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The shortest char span `(start, end)` of `text` holding `pattern` as a subsequence
/// (both already case-folded when the match ignores case).
fn tightest_window(text: &[char], pattern: &[char]) -> Option<(usize, usize)> {
    let same = |a: char, b: char| a == b;
    let (first, last) = (*pattern.first()?, pattern.len() - 1);
    let mut best: Option<(usize, usize)> = None;
    let mut from = 0;
    while let Some(start) = (from..text.len()).find(|&i| same(text[i], first)) {
        // Forward: the earliest end for a match beginning at `start`.
        let mut k = 0;
        let mut end = None;
        for (i, &c) in text.iter().enumerate().skip(start) {
            if same(c, pattern[k]) {
                if k == last {
                    end = Some(i + 1);
                    break;
                }
                k += 1;
            }
        }
        let Some(end) = end else { break };
        // Backward from that end: the latest start, which makes the window minimal.
        let mut k = last;
        let mut tight = start;
        for i in (start..end).rev() {
            if same(text[i], pattern[k]) {
                if k == 0 {
                    tight = i;
                    break;
                }
                k -= 1;
            }
        }
        if best.is_none_or(|(s, e)| end - tight < e - s) {
            best = Some((tight, end));
        }
        from = tight + 1;
    }
    best
}

/// Byte ranges of runs of consecutive matched chars.
pub fn char_ranges(text: &str, indices: &[usize]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut wanted = indices.iter().copied().peekable();
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if next != ci {
            continue;
        }
        wanted.next();
        let end = bi + c.len_utf8();
        match ranges.last_mut() {
            Some(last) if last.1 == bi => last.1 = end,
            _ => ranges.push((bi, end)),
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Lexicons, analyse};
    use crate::cli::EMBEDDED_STATEMENT;

    fn shipped() -> (Statement, Analysis) {
        let s = Statement::parse(EMBEDDED_STATEMENT, "t");
        let a = analyse(&s, Lexicons::embedded());
        (s, a)
    }

    #[test]
    fn queries() {
        assert_eq!(Query::parse("  "), None);
        assert_eq!(Query::parse("'"), None);
        assert_eq!(
            Query::parse("'korea"),
            Some(Query {
                pattern: "korea".into(),
                exact: true
            })
        );
        assert_eq!(
            Query::parse("korea"),
            Some(Query {
                pattern: "korea".into(),
                exact: false
            })
        );
    }

    #[test]
    fn korea_filters_acts_sentences_and_sections() {
        let (s, a) = shipped();
        let r = Filter::default().run(&Query::parse("korea").unwrap(), &s, &a, None, None);
        assert!(!r.acts.is_empty() && r.acts.len() < a.commitments.len());
        for m in &r.acts {
            let label: Vec<char> = act_label(&s, &a, &a.commitments[m.act]).chars().collect();
            assert!(m.indices.is_empty() || m.indices.iter().all(|&i| i < label.len()));
        }
        // Every sentence naming North Korea matches; the partners sentence does not.
        for (at, text) in s.sentences() {
            let matched = r.sentences.iter().any(|m| m.at == at);
            if text.contains("Korea") {
                assert!(matched, "{text}");
            }
        }
        assert!(!r.sentences.iter().any(|m| m.at.paragraph == 0));
        assert!(r.section_hits[2] > 0 && r.section_hits[0] == 0);
        for m in &r.sentences {
            let text = &s.paragraphs[m.at.paragraph].text;
            let highlighted: String = m.ranges.iter().map(|&(st, e)| &text[st..e]).collect();
            assert_eq!(highlighted.to_lowercase(), "korea", "{highlighted}");
        }
    }

    #[test]
    fn acts_are_ranked_and_kinds_filter() {
        let (s, a) = shipped();
        let r = Filter::default().run(
            &Query::parse("urge").unwrap(),
            &s,
            &a,
            Some(CommitmentKind::Demand),
            None,
        );
        assert!(
            r.acts
                .iter()
                .all(|m| a.commitments[m.act].kind == CommitmentKind::Demand)
        );
        assert!(r.acts.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn exact_queries_match_substrings_only() {
        let (s, a) = shipped();
        let r = Filter::default().run(&Query::parse("'maritime").unwrap(), &s, &a, None, None);
        assert!(
            r.sentences
                .iter()
                .all(|m| s.sentence_text(m.at).to_lowercase().contains("maritime"))
        );
        assert_eq!(
            r.sentences.len(),
            s.sentences()
                .filter(|(_, t)| t.to_lowercase().contains("maritime"))
                .count()
        );
        let none = Filter::default().run(&Query::parse("'mrtm").unwrap(), &s, &a, None, None);
        assert!(none.sentences.is_empty() && none.acts.is_empty());
    }

    #[test]
    fn tightest_windows() {
        let folded = |s: &str| s.chars().map(fold).collect::<Vec<char>>();
        assert_eq!(
            tightest_window(&folded("k o r e a ... North Korea"), &folded("korea")),
            Some((20, 25))
        );
        assert_eq!(tightest_window(&folded("abc"), &folded("abd")), None);
        assert_eq!(
            tightest_window(&folded("NATO"), &folded("nato")),
            Some((0, 4))
        );
        assert_eq!(
            tightest_window(&folded("xaxbxab"), &folded("ab")),
            Some((5, 7))
        );
    }

    #[test]
    fn sentences_match_compactly() {
        let (s, _) = shipped();
        let filter = Filter::default();
        for q in [
            "korea",
            "nuclear",
            "mrtm",
            "sea",
            "coop",
            "rules",
            "UN",
            "abduct",
            "nkorea",
            "secouncil",
        ] {
            let query = Query::parse(q).unwrap();
            let perfect = filter.perfect(&query);
            for (_, text) in s.sentences() {
                let whole = filter.best(&query, text, perfect, SENTENCE_BAR).is_some();
                let windowed = filter
                    .sentence(&query, text, &prepare(text), perfect)
                    .is_some();
                // Never more than matching the whole sentence would give…
                assert!(!windowed || whole, "{q}: {text}");
                // …and never less than where the query is written out.
                let written = if q.chars().any(char::is_uppercase) {
                    text.contains(q)
                } else {
                    text.to_lowercase().contains(q)
                };
                assert!(!written || windowed, "{q}: {text}");
            }
        }
        // Letters scattered across a long sentence are not a match.
        let query = Query::parse("sea").unwrap();
        let scattered = "We condemn in the strongest terms North Korea’s nuclear tests and ballistic missile launches, which are in flagrant violation of multiple United Nations Security Council resolutions.";
        assert!(
            filter
                .sentence(
                    &query,
                    scattered,
                    &prepare(scattered),
                    filter.perfect(&query)
                )
                .is_none()
        );
        let upper = Query::parse("NATO").unwrap();
        let lower = "the nato office";
        assert!(
            filter
                .sentence(&upper, lower, &prepare(lower), filter.perfect(&upper))
                .is_none(),
            "smart case"
        );
    }

    fn prepare(text: &str) -> Prepared {
        Prepared {
            chars: text.chars().collect(),
            folded: text.chars().map(fold).collect(),
        }
    }

    #[test]
    fn char_ranges_merge_runs() {
        assert_eq!(char_ranges("North Korea", &[6, 7, 8, 9, 10]), [(6, 11)]);
        assert_eq!(char_ranges("日本 NATO", &[0, 3]), [(0, 3), (7, 8)]);
    }
}
