//! Dates as statement pages write them.
//!
//! "31 Oct. 2017", "31 October 2017", "October 31, 2017", "2017-10-31", with a place in
//! front ("Capital City, 8 July 2016"), month names in the page's language, and the
//! "last updated" stamp with its time ("Last updated: 31 Oct. 2017 06:27").

use std::fmt;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct DateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

impl fmt::Display for Date {
    /// ISO 8601: `2017-10-31`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for DateTime {
    /// ISO 8601 without seconds: `2017-10-31T06:27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour, self.minute)
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// "31 October 2017", for people.
    pub fn long(&self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTH_NAMES[usize::from(self.month - 1)],
            self.year
        )
    }
}

/// Month names by lowercase word, from `assets/months.json`, built once per process.
fn months() -> &'static HashMap<String, u8> {
    static MONTHS: OnceLock<HashMap<String, u8>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        #[derive(Deserialize)]
        struct MonthFile {
            #[allow(dead_code)]
            comment: String,
            months: HashMap<String, Vec<String>>,
        }
        let file: MonthFile = serde_json::from_str(include_str!("../../assets/months.json"))
            .expect("assets/months.json is valid");
        let mut out = HashMap::default();
        for (number, names) in file.months {
            let number: u8 = number.parse().expect("month numbers are 1 to 12");
            for name in names {
                out.insert(name.to_lowercase(), number);
            }
        }
        out
    })
}

fn month_number(word: &str) -> Option<u8> {
    if word.len() < 3 || word.len() > 40 || word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if word.is_ascii() {
        // Lowercased on the stack: this runs for every word of every date search.
        if word.len() > 10 {
            return None;
        }
        let mut buffer = [0u8; 10];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower)
            .ok()
            .and_then(|w| months().get(w).copied());
    }
    let chars = word.chars().count();
    if !(3..=10).contains(&chars) {
        return None;
    }
    months().get(&word.to_lowercase()).copied()
}

/// A word or number in a line, with where it ends (for finding what follows a date).
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    end: usize,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = line.as_bytes();
    // ISO 8601's "2023-05-14T09:30": the T between date and time separates them.
    let iso_t = |i: usize| {
        bytes[i] == b'T'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    for (i, c) in line.char_indices() {
        if c.is_alphanumeric() && !iso_t(i) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Token {
                text: &line[s..i],
                end: i,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &line[s..],
            end: line.len(),
        });
    }
    out
}

fn number(token: &str, max_digits: usize) -> Option<u16> {
    if token.is_empty() || token.len() > max_digits || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

fn make_date(year: u16, month: u8, day: u16) -> Option<Date> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => return None,
    };
    let day = u8::try_from(day).ok()?;
    ((1000..=9999).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Date {
        year,
        month,
        day,
    })
}

/// A date found in a line: the date, and the byte ranges before and after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: Date,
    pub start: usize,
    pub end: usize,
    /// A numeric date whose day and month could be swapped ("08/10/2004"): it was read
    /// in the order the caller asked for.
    pub ambiguous: bool,
}

/// How to read a numeric date whose first two numbers could both be a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumericOrder {
    /// "08/10/2004" is 8 October: the convention of most of the world and of the
    /// international organisations.
    #[default]
    DayFirst,
    /// "10/08/2004" is 8 October: the United States' convention.
    MonthFirst,
}

/// A day number, also as an ordinal ("9th", "1st", "2nd", "23rd").
fn day_number(token: &str) -> Option<u16> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if !suffix.is_empty()
        && !["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s))
    {
        return None;
    }
    number(digits, 2)
}

/// Finds the first date in `line`, numeric dates read day first.
pub fn find_date(line: &str) -> Option<Found> {
    find_date_ordered(line, NumericOrder::DayFirst)
}

/// Finds the first date in `line`, in any of the supported forms; numeric dates whose
/// day and month could be swapped are read in `order` and marked ambiguous.
pub fn find_date_ordered(line: &str, order: NumericOrder) -> Option<Found> {
    let toks = tokens(line);
    let start_of = |t: &Token| t.end - t.text.len();
    let found = |date: Date, first: &Token, last: &Token| Found {
        date,
        start: start_of(first),
        end: last.end,
        ambiguous: false,
    };
    for (i, tok) in toks.iter().enumerate() {
        let at = |k: usize| toks.get(k).map(|t| t.text).unwrap_or("");
        let joined_by = |k: usize, seps: &[char]| {
            toks.get(k + 1).is_some_and(|next| {
                let between = &line[toks[k].end..start_of(next)];
                between.len() == 1 && between.starts_with(seps)
            })
        };
        // 2017-10-31, 2017/10/31
        if let (Some(year), Some(month), Some(day)) = (
            number(tok.text, 4),
            number(at(i + 1), 2),
            number(at(i + 2), 2),
        ) && tok.text.len() == 4
            && joined_by(i, &['-', '/', '.'])
            && joined_by(i + 1, &['-', '/', '.'])
            && let Some(date) = make_date(year, u8::try_from(month).ok()?, day)
        {
            return Some(found(date, tok, &toks[i + 2]));
        }
        // 08/10/2004, 8.10.2004, 08-10-2004
        if let (Some(a), Some(b), Some(year)) = (
            number(tok.text, 2),
            number(at(i + 1), 2),
            number(at(i + 2), 4),
        ) && at(i + 2).len() == 4
            && joined_by(i, &['/', '.', '-'])
            && joined_by(i + 1, &['/', '.', '-'])
        {
            let day_first = make_date(year, u8::try_from(b).ok()?, a);
            let month_first = make_date(year, u8::try_from(a).ok()?, b);
            let (date, ambiguous) = match (day_first, month_first) {
                (Some(d), Some(m)) if d != m => match order {
                    NumericOrder::DayFirst => (d, true),
                    NumericOrder::MonthFirst => (m, true),
                },
                (Some(d), _) => (d, false),
                (None, Some(m)) => (m, false),
                (None, None) => continue,
            };
            return Some(Found {
                ambiguous,
                ..found(date, tok, &toks[i + 2])
            });
        }
        // 31 Oct. 2017, 9th January, 2007, 26th day of April, 2023
        if let Some(day) = day_number(tok.text) {
            let month_at = if at(i + 1) == "day" && at(i + 2) == "of" {
                i + 3
            } else {
                i + 1
            };
            if let (Some(month), Some(year)) =
                (month_number(at(month_at)), number(at(month_at + 1), 4))
                && let Some(date) = make_date(year, month, day)
            {
                return Some(found(date, tok, &toks[month_at + 1]));
            }
        }
        // October 31, 2017, October 31st, 2017
        if let (Some(month), Some(day), Some(year)) = (
            month_number(tok.text),
            day_number(at(i + 1)),
            number(at(i + 2), 4),
        ) && let Some(date) = make_date(year, month, day)
        {
            return Some(found(date, tok, &toks[i + 2]));
        }
    }
    None
}

/// Whether the line writes a date with the month name before the day ("April 14,
/// 2024"), as the United States' pages do.
pub fn is_month_first(line: &str) -> bool {
    let toks = tokens(line);
    toks.windows(3).any(|w| {
        month_number(w[0].text).is_some()
            && day_number(w[1].text).is_some()
            && number(w[2].text, 4).is_some()
    })
}

/// Finds a date followed by a time ("31 Oct. 2017 06:27"). The flag says whether a time
/// was there; without one the time is midnight.
pub fn find_date_time(line: &str) -> Option<(DateTime, bool)> {
    find_date_time_ordered(line, NumericOrder::DayFirst)
}

/// [`find_date_time`] with numeric dates read in `order`.
pub fn find_date_time_ordered(line: &str, order: NumericOrder) -> Option<(DateTime, bool)> {
    let found = find_date_ordered(line, order)?;
    let mut rest = line[found.end..].trim_start_matches([' ', ',', '-', '–', 'T']);
    // "à 09h05", "um 09:05", "at 09:05": the word pages put between date and time.
    for joiner in ["at ", "à ", "um ", "alle ", "às ", "a las "] {
        rest = rest.strip_prefix(joiner).unwrap_or(rest);
    }
    let time = parse_time(rest);
    let (hour, minute) = time.unwrap_or((0, 0));
    Some((
        DateTime {
            date: found.date,
            hour,
            minute,
        },
        time.is_some(),
    ))
}

fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (h, rest) = text.split_once([':', 'h', '.'])?;
    let hour: u8 = number(h.trim(), 2)?.try_into().ok()?;
    let minute: u8 = number(rest.get(..2)?, 2)?.try_into().ok()?;
    (hour < 24 && minute < 60).then_some((hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(line: &str) -> Option<String> {
        find_date(line).map(|f| f.date.to_string())
    }

    #[test]
    fn every_written_form() {
        assert_eq!(d("31 Oct. 2017 -").as_deref(), Some("2017-10-31"));
        assert_eq!(d("31 October 2017").as_deref(), Some("2017-10-31"));
        assert_eq!(d("October 31, 2017").as_deref(), Some("2017-10-31"));
        assert_eq!(d("2017-10-31").as_deref(), Some("2017-10-31"));
        assert_eq!(
            d("2023-05-14T09:30:00+02:00").as_deref(),
            Some("2023-05-14")
        );
        assert_eq!(
            d("Capital City, 8 July 2016").as_deref(),
            Some("2016-07-08")
        );
        assert_eq!(d("14 Sept. 2019").as_deref(), Some("2019-09-14"));
        assert_eq!(d("15 mars 2019").as_deref(), Some("2019-03-15"));
        assert_eq!(d("3. Dezember 2020").as_deref(), Some("2020-12-03"));
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert_eq!(d("31 Feb. 2017"), None);
        assert_eq!(d("Resolution 2375 adopted"), None);
        assert_eq!(d("2017-13-01"), None);
        assert_eq!(d("29 February 2020").as_deref(), Some("2020-02-29"));
        assert_eq!(d("29 February 2021"), None);
    }

    #[test]
    fn the_date_is_located_in_the_line() {
        let f = find_date("Capital City, 8 July 2016").unwrap();
        assert_eq!((f.start, f.end), (14, 25));
    }

    #[test]
    fn date_and_time() {
        let (dt, timed) = find_date_time("Last updated: 31 Oct. 2017 06:27").unwrap();
        assert_eq!(dt.to_string(), "2017-10-31T06:27");
        assert!(timed);
        let (dt, timed) = find_date_time("Dernière mise à jour : 15 mars 2019 à 09h05").unwrap();
        assert_eq!(dt.to_string(), "2019-03-15T09:05");
        assert!(timed);
        let (_, timed) = find_date_time("Last updated: 15 Mar. 2019").unwrap();
        assert!(!timed);
    }

    #[test]
    fn long_form_for_people() {
        let date = find_date("2017-10-31").unwrap().date;
        assert_eq!(date.long(), "31 October 2017");
    }

    #[test]
    fn ordinals_and_day_of() {
        assert_eq!(
            d("held in London on 9th January, 2007").as_deref(),
            Some("2007-01-09")
        );
        assert_eq!(
            d("met on this 26th day of April, 2023").as_deref(),
            Some("2023-04-26")
        );
        assert_eq!(d("March 3rd, 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(
            d("11 August, 2023, Addis Ababa:").as_deref(),
            Some("2023-08-11")
        );
        assert_eq!(d("of 30 August 1974").as_deref(), Some("1974-08-30"));
        assert_eq!(d("3 марта 2021 г.").as_deref(), Some("2021-03-03"));
        assert_eq!(d("the 9xx January 2007"), None);
    }

    #[test]
    fn numeric_dates_in_both_orders() {
        let day_first = find_date("08/10/2004").unwrap();
        assert_eq!(day_first.date.to_string(), "2004-10-08");
        assert!(day_first.ambiguous);
        let month_first = find_date_ordered("08/10/2004", NumericOrder::MonthFirst).unwrap();
        assert_eq!(month_first.date.to_string(), "2004-08-10");
        let decided = find_date_ordered("10/28/2004", NumericOrder::DayFirst).unwrap();
        assert_eq!(
            (decided.date.to_string(), decided.ambiguous),
            ("2004-10-28".into(), false)
        );
        assert_eq!(d("28.10.2004").as_deref(), Some("2004-10-28"));
        assert_eq!(d("2004/10/28").as_deref(), Some("2004-10-28"));
        assert!(
            !find_date("05/05/2021").unwrap().ambiguous,
            "the same either way"
        );
        assert_eq!(d("S/RES/2375 (2017)"), None);
        assert_eq!(d("for the next 10-15 years"), None);
    }

    #[test]
    fn month_first_pages_are_recognised() {
        assert!(is_month_first("April 14, 2024"));
        assert!(!is_month_first("14 April 2024"));
    }

    #[test]
    fn iso_with_time_and_offset() {
        let (dt, timed) = find_date_time("2021-07-15 18:10:40-04:00").unwrap();
        assert_eq!(dt.to_string(), "2021-07-15T18:10");
        assert!(timed);
    }
}
