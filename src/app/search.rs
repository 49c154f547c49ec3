//! Running the query: at once on a small statement, or by a request the terminal loop
//! searches off the UI thread, whose result is taken only if no newer query replaced
//! it.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::analysis::filter::{FilterResult, Query, chosen_topics};
use crate::document::Statement;

use super::listed::ListedActs;
use super::{Action, App};

/// A query to search off the UI thread, with what it searches; the generation tells
/// the newest request from the rest.
#[derive(Debug, Clone)]
pub struct FilterRequest {
    pub generation: u64,
    pub query: Query,
    pub statement: Arc<Statement>,
    pub analysis: Arc<Analysis>,
}

impl App {
    /// Filters by `raw` as if it had been typed and accepted (the reader the library
    /// opens, on the library's query).
    pub fn filter_by(&mut self, raw: &str) {
        self.query.set(raw.to_string());
        self.refilter();
        self.relayout();
    }

    /// Recomputes the act list and the matches after the query changed — at once, or
    /// by asking the terminal loop to search off the UI thread.
    pub(crate) fn refilter(&mut self) {
        let parsed = Query::parse(self.query.value());
        // A trailing space, or a term typed and deleted again: nothing to search.
        if parsed.is_some() && parsed == self.parsed {
            return;
        }
        self.parsed = parsed;
        self.chosen_topics = self
            .parsed
            .as_ref()
            .and_then(|q| chosen_topics(q, &self.analysis));
        // Whatever is on its way is stale now.
        self.filter_generation += 1;
        self.filter_request = None;
        self.filtering = false;
        match self.parsed.clone() {
            Some(query) if self.background_filter => {
                self.filter_request = Some(FilterRequest {
                    generation: self.filter_generation,
                    query,
                    statement: Arc::clone(&self.statement),
                    analysis: Arc::clone(&self.analysis),
                });
                self.filtering = true;
            }
            Some(query) => {
                let result = self.filter.run(&query, &self.statement, &self.analysis);
                self.show_result(Some(result));
            }
            None => self.show_result(None),
        }
    }

    /// The search the terminal loop is to run off the UI thread, if any.
    pub fn take_filter_request(&mut self) -> Option<FilterRequest> {
        self.filter_request.take()
    }

    /// Takes a result searched off the UI thread, unless a newer query replaced it.
    pub(crate) fn take_result(&mut self, generation: u64, result: &Arc<FilterResult>) -> bool {
        if generation != self.filter_generation || !self.filtering {
            return false;
        }
        self.filtering = false;
        self.show_result(Some(Arc::clone(result)));
        true
    }

    /// Actions that waited for the result, to run now it is here.
    pub(crate) fn take_after_filter(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.after_filter)
    }

    pub(crate) fn wait_for_filter(&mut self, action: Action) {
        self.after_filter.push(action);
    }

    /// Shows a result: the act list, ranked, keeping the selected act selected if the
    /// query is empty and it is still listed.
    fn show_result(&mut self, result: Option<Arc<FilterResult>>) {
        let previous = self.selected_act();
        self.matches = result;
        match &self.matches {
            Some(result) => self.acts = ListedActs::ranked(Arc::clone(result)),
            None => self.acts = ListedActs::all(self.analysis.commitments.len()),
        }
        self.kind_counts = [0; 6];
        for act in self.acts.iter() {
            self.kind_counts[self.analysis.commitments[act].kind as usize] += 1;
        }
        self.act_cursor = match previous.and_then(|p| self.acts.position(p)) {
            Some(at) if self.parsed.is_none() => Some(at),
            _ if self.acts.is_empty() => None,
            // A new query selects its best match, as fzf does; at start, the first act.
            _ => Some(0),
        };
        self.match_cursor = None;
    }
}
