//! The timeline: the acts a query chose, per year or month, by kind — how often the
//! library's statements condemn, demand or commit on a subject, and when that changed.
//!
//! Periods run without gaps from the first dated statement to the last, so quiet years
//! show as empty bars and the time axis is honest; a span too long to draw
//! period by period keeps only the periods with statements.

use crate::document::dates::Date;

/// Periods drawn at most without gaps.
const CONTINUOUS: usize = 600;
/// A span of this many months or more is shown by year unless months are asked for.
const MONTHS_BY_DEFAULT: usize = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Year,
    Month,
}

/// A year, or a month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub year: u16,
    /// 1–12, or 0 for the whole year.
    pub month: u8,
}

impl Period {
    fn of(date: Date, unit: Unit) -> Period {
        Period {
            year: date.year,
            month: if unit == Unit::Month { date.month } else { 0 },
        }
    }

    fn next(self) -> Period {
        match self.month {
            0 => Period {
                year: self.year.saturating_add(1),
                month: 0,
            },
            12 => Period {
                year: self.year.saturating_add(1),
                month: 1,
            },
            m => Period {
                year: self.year,
                month: m + 1,
            },
        }
    }

    fn index(self) -> usize {
        usize::from(self.year) * 13 + usize::from(self.month)
    }

    /// `2023`, or `2023-05`.
    pub fn label(self) -> String {
        match self.month {
            0 => self.year.to_string(),
            m => format!("{}-{m:02}", self.year),
        }
    }

    /// Whether `date` falls in the period.
    pub fn holds(self, date: Date) -> bool {
        date.year == self.year && (self.month == 0 || date.month == self.month)
    }
}

/// One period's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub period: Period,
    /// Chosen acts of each kind, in [`crate::analysis::CommitmentKind::ALL`] order.
    pub acts: [usize; 6],
    pub statements: usize,
}

impl Bar {
    pub fn total(&self) -> usize {
        self.acts.iter().sum()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub unit: Unit,
    /// The unit asked for (`m`), whatever the span; else chosen by the span.
    pub asked: Option<Unit>,
    pub bars: Vec<Bar>,
    /// Chosen statements without a date (not on the axis).
    pub undated: usize,
}

impl Timeline {
    /// The timeline of statements given as their date and chosen acts per kind.
    pub fn build(asked: Option<Unit>, items: &[(Option<Date>, [usize; 6])]) -> Timeline {
        let dates = || items.iter().filter_map(|(d, _)| *d);
        let unit = match (asked, dates().min(), dates().max()) {
            (Some(unit), ..) => unit,
            (None, Some(first), Some(last)) => {
                let months = (usize::from(last.year) * 12 + usize::from(last.month))
                    .saturating_sub(usize::from(first.year) * 12 + usize::from(first.month));
                if months < MONTHS_BY_DEFAULT {
                    Unit::Month
                } else {
                    Unit::Year
                }
            }
            _ => Unit::Year,
        };
        let mut bars: Vec<Bar> = Vec::new();
        let periods: Vec<Period> = {
            let mut seen: Vec<Period> = dates().map(|d| Period::of(d, unit)).collect();
            seen.sort_unstable();
            seen.dedup();
            match (seen.first(), seen.last()) {
                (Some(&first), Some(&last)) if last.index() - first.index() < CONTINUOUS * 13 => {
                    let mut all = vec![first];
                    while all.len() < CONTINUOUS && *all.last().expect("one") < last {
                        let next = all.last().expect("one").next();
                        all.push(next);
                    }
                    if all.last() == Some(&last) { all } else { seen }
                }
                _ => seen,
            }
        };
        bars.extend(periods.into_iter().map(|period| Bar {
            period,
            acts: [0; 6],
            statements: 0,
        }));
        let mut undated = 0;
        for (date, acts) in items {
            let Some(date) = date else {
                undated += 1;
                continue;
            };
            let period = Period::of(*date, unit);
            if let Ok(k) = bars.binary_search_by(|b| b.period.cmp(&period)) {
                let bar = &mut bars[k];
                bar.statements += 1;
                for (sum, n) in bar.acts.iter_mut().zip(acts) {
                    *sum += n;
                }
            }
        }
        Timeline {
            unit,
            asked,
            bars,
            undated,
        }
    }

    /// The bar of the period `date` falls in.
    pub fn bar_of(&self, date: Date) -> Option<usize> {
        let period = Period::of(date, self.unit);
        self.bars.binary_search_by(|b| b.period.cmp(&period)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8) -> Option<Date> {
        Some(Date {
            year,
            month,
            day: 1,
        })
    }

    #[test]
    fn years_run_without_gaps_and_add_up_by_kind() {
        let items = [
            (date(2017, 3), [1, 0, 0, 0, 0, 0]),
            (date(2021, 7), [0, 2, 0, 0, 0, 1]),
            (date(2021, 1), [1, 0, 0, 0, 0, 0]),
            (None, [5, 0, 0, 0, 0, 0]),
        ];
        let timeline = Timeline::build(None, &items);
        assert_eq!(timeline.unit, Unit::Year);
        let labels: Vec<String> = timeline.bars.iter().map(|b| b.period.label()).collect();
        assert_eq!(labels, ["2017", "2018", "2019", "2020", "2021"]);
        assert_eq!(timeline.bars[1].total(), 0);
        assert_eq!(timeline.bars[4].acts, [1, 2, 0, 0, 0, 1]);
        assert_eq!(timeline.bars[4].statements, 2);
        assert_eq!(timeline.undated, 1);
        assert_eq!(timeline.bar_of(date(2021, 12).unwrap()), Some(4));
    }

    #[test]
    fn a_short_span_is_shown_by_month_and_either_unit_can_be_asked_for() {
        let items = [
            (date(2022, 11), [1, 0, 0, 0, 0, 0]),
            (date(2023, 2), [0, 1, 0, 0, 0, 0]),
        ];
        let timeline = Timeline::build(None, &items);
        assert_eq!(timeline.unit, Unit::Month);
        let labels: Vec<String> = timeline.bars.iter().map(|b| b.period.label()).collect();
        assert_eq!(labels, ["2022-11", "2022-12", "2023-01", "2023-02"]);
        assert_eq!(Timeline::build(Some(Unit::Year), &items).bars.len(), 2);
        let years = [(date(2019, 1), [1, 0, 0, 0, 0, 0]), (date(2022, 9), [0; 6])];
        assert_eq!(Timeline::build(None, &years).unit, Unit::Year);
        assert_eq!(Timeline::build(Some(Unit::Month), &years).bars.len(), 45);
    }

    #[test]
    fn a_span_of_millennia_keeps_only_the_periods_with_statements() {
        let items = [(date(1, 1), [1, 0, 0, 0, 0, 0]), (date(9000, 1), [0; 6])];
        let timeline = Timeline::build(Some(Unit::Month), &items);
        assert_eq!(timeline.bars.len(), 2);
    }
}
