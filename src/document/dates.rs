//! Dates as statement pages write them.
//!
//! "31 Oct. 2017", "31 October 2017", "October 31, 2017", "2017-10-31", with a place in
//! front ("Capital City, 8 July 2016"), month names in the page's language, and the
//! "last updated" stamp with its time ("Last updated: 31 Oct. 2017 06:27").

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

/// Month names and abbreviations in the languages institutional pages come in.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("janv", 1),
    ("janvier", 1),
    ("januar", 1),
    ("jänner", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("févr", 2),
    ("fevr", 2),
    ("février", 2),
    ("fevrier", 2),
    ("februar", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("märz", 3),
    ("marz", 3),
    ("marzo", 3),
    ("março", 3),
    ("april", 4),
    ("apr", 4),
    ("avr", 4),
    ("avril", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("juni", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juil", 7),
    ("juillet", 7),
    ("juli", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("déc", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("dezember", 12),
    ("dez", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

fn month_number(word: &str) -> Option<u8> {
    if !(3..=10).contains(&word.len()) || word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let same = |name: &str| {
        if word.is_ascii() {
            name.len() == word.len() && name.eq_ignore_ascii_case(word)
        } else {
            word.chars().flat_map(char::to_lowercase).eq(name.chars())
        }
    };
    MONTHS.iter().find(|(name, _)| same(name)).map(|&(_, m)| m)
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
    for (i, c) in line.char_indices() {
        if c.is_alphanumeric() {
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
}

/// Finds the first date in `line`, in any of the supported forms.
pub fn find_date(line: &str) -> Option<Found> {
    let toks = tokens(line);
    let start_of = |t: &Token| t.end - t.text.len();
    for (i, tok) in toks.iter().enumerate() {
        let at = |k: usize| toks.get(k).map(|t| t.text).unwrap_or("");
        // 2017-10-31
        if let (Some(year), Some(month), Some(day)) = (
            number(tok.text, 4),
            number(at(i + 1), 2),
            number(at(i + 2), 2),
        ) {
            let separated_by_dashes = tok.text.len() == 4
                && line[tok.end..].starts_with('-')
                && line[toks[i + 1].end..].starts_with('-');
            if separated_by_dashes
                && let Some(date) = make_date(year, u8::try_from(month).ok()?, day)
            {
                return Some(Found {
                    date,
                    start: start_of(tok),
                    end: toks[i + 2].end,
                });
            }
        }
        // 31 Oct. 2017
        if let (Some(day), Some(month), Some(year)) = (
            number(tok.text, 2),
            month_number(at(i + 1)),
            number(at(i + 2), 4),
        ) && let Some(date) = make_date(year, month, day)
        {
            return Some(Found {
                date,
                start: start_of(tok),
                end: toks[i + 2].end,
            });
        }
        // October 31, 2017
        if let (Some(month), Some(day), Some(year)) = (
            month_number(tok.text),
            number(at(i + 1), 2),
            number(at(i + 2), 4),
        ) && let Some(date) = make_date(year, month, day)
        {
            return Some(Found {
                date,
                start: start_of(tok),
                end: toks[i + 2].end,
            });
        }
    }
    None
}

/// Finds a date followed by a time ("31 Oct. 2017 06:27"). The flag says whether a time
/// was there; without one the time is midnight.
pub fn find_date_time(line: &str) -> Option<(DateTime, bool)> {
    let found = find_date(line)?;
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
}
