//! The statement terms of a library query: `date:2023`, `date:2021..2023`,
//! `date:2023-05`, `party:japan`, `title:summit`. They choose statements; the rest of
//! the query is the reader's own language and chooses acts within them.

use crate::analysis::Analysis;
use crate::document::Statement;
use crate::document::dates::Date;

/// A span of dates a `date:` term allows, inclusive: (year, month) with month 0 for
/// a whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    from: (u16, u8),
    to: (u16, u8),
}

/// The statement terms of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementTerms {
    dates: Vec<Span>,
    parties: Vec<String>,
    titles: Vec<String>,
}

/// A query split in two: the statement terms, and the rest for the acts.
pub fn split(raw: &str) -> Result<(StatementTerms, String), String> {
    let mut terms = StatementTerms::default();
    let mut rest = Vec::new();
    for word in words(raw) {
        let lower = word.to_lowercase();
        if let Some(value) = lower.strip_prefix("date:") {
            terms.dates.push(span(value).ok_or_else(|| {
                format!(
                    "date:{value} is not a year, a year-month or a range of them (date:2021..2023)"
                )
            })?);
        } else if let Some(value) = lower.strip_prefix("party:") {
            terms.parties.push(unquote(value));
        } else if let Some(value) = lower.strip_prefix("title:") {
            terms.titles.push(unquote(value));
        } else {
            rest.push(word);
        }
    }
    Ok((terms, rest.join(" ")))
}

/// The query's words, a quoted phrase kept as one (`title:"summit declaration"`).
fn words(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in raw.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                word.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn unquote(value: &str) -> String {
    value.trim_matches('"').to_string()
}

/// `2023`, `2023-05`, `2021..2023`, `2021-03..2022-06`.
fn span(value: &str) -> Option<Span> {
    let point = |v: &str| -> Option<(u16, u8)> {
        let (year, month) = match v.split_once('-') {
            Some((y, m)) => (y, m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => (v, 0),
        };
        (year.len() == 4).then_some(())?;
        Some((year.parse().ok()?, month))
    };
    let (from, to) = match value.split_once("..") {
        Some((a, b)) => (point(a)?, point(b)?),
        None => (point(value)?, point(value)?),
    };
    Some(Span { from, to })
}

impl Span {
    /// Whether `date` falls in the span: a whole year from its January to its December.
    fn holds(&self, date: Date) -> bool {
        let from = (self.from.0, self.from.1.max(1));
        let to = (self.to.0, if self.to.1 == 0 { 12 } else { self.to.1 });
        (from..=to).contains(&(date.year, date.month))
    }
}

impl StatementTerms {
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty() && self.parties.is_empty() && self.titles.is_empty()
    }

    /// Whether the statement passes every term.
    pub fn admit(&self, statement: &Statement, analysis: &Analysis) -> bool {
        let meta = &statement.metadata;
        let dates = self
            .dates
            .iter()
            .all(|span| meta.date.is_some_and(|d| span.holds(d)));
        let named = |wanted: &str| {
            meta.parties
                .iter()
                .chain(&analysis.authorship.parties)
                .map(String::as_str)
                .chain(analysis.authorship.phrase.as_deref())
                .any(|p| p.to_lowercase().contains(wanted))
        };
        let title = meta.title.to_lowercase();
        dates
            && self.parties.iter().all(|p| named(p))
            && self.titles.iter().all(|t| title.contains(t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8) -> Date {
        Date {
            year,
            month,
            day: 1,
        }
    }

    #[test]
    fn statement_terms_come_out_and_the_rest_stays() {
        let (terms, rest) =
            split("korea date:2021..2023 party:Japan kind:demand title:\"joint statement\"")
                .unwrap();
        assert_eq!(rest, "korea kind:demand");
        assert_eq!(terms.parties, ["japan"]);
        assert_eq!(terms.titles, ["joint statement"]);
        assert!(
            split("date:soon")
                .unwrap_err()
                .starts_with("date:soon is not")
        );
        assert_eq!(
            split("  ").unwrap(),
            (StatementTerms::default(), String::new())
        );
    }

    #[test]
    fn dates_by_year_month_and_range() {
        let holds = |term: &str, d: Date| span(term).unwrap().holds(d);
        assert!(holds("2023", date(2023, 12)));
        assert!(!holds("2023", date(2022, 12)));
        assert!(holds("2021..2023", date(2021, 1)));
        assert!(holds("2021..2023", date(2023, 12)));
        assert!(!holds("2021..2023", date(2024, 1)));
        assert!(holds("2023-05", date(2023, 5)));
        assert!(!holds("2023-05", date(2023, 6)));
        assert!(holds("2021-03..2022-06", date(2021, 3)));
        assert!(!holds("2021-03..2022-06", date(2021, 2)));
        assert!(holds("2021-03..2022-06", date(2022, 6)));
        assert!(!holds("2021-03..2022-06", date(2022, 7)));
        assert!(span("23").is_none() && span("2023-13").is_none());
    }
}
