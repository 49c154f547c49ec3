//! Analysis of a parsed statement: topics, sections and commitments.
//!
//! Pure functions over a [`Statement`]; nothing here knows about terminals or files.
//! The lexicons they use are data the user can edit (`assets/topics.json`,
//! `assets/cues.json`), embedded in the binary.

pub mod acts;
pub mod authors;
pub mod filter;
pub mod matcher;
pub mod parties;
pub mod query;
pub mod sections;
pub mod text;
pub mod topics;

use std::sync::OnceLock;

use crate::document::Statement;

pub use acts::{Commitment, CommitmentKind, CueLexicon, LexiconError, Speakers};
pub use sections::Section;
pub use topics::{TopicLexicon, TopicScore};

/// The lexicons an analysis runs with.
#[derive(Debug, Clone)]
pub struct Lexicons {
    pub topics: TopicLexicon,
    pub cues: CueLexicon,
}

impl Lexicons {
    /// The embedded lexicons, compiled once per process — the two side by side, as
    /// compiling them is most of the reader's start-up.
    pub fn embedded() -> &'static Lexicons {
        static EMBEDDED: OnceLock<Lexicons> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            std::thread::scope(|scope| {
                let topics = scope.spawn(TopicLexicon::embedded);
                let cues = CueLexicon::embedded();
                let topics = topics
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                Lexicons { topics, cues }
            })
        })
    }
}

/// Everything communique derives from a statement.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// Topic names, indexed like the lexicon; sections and acts refer to them by index.
    pub topic_names: std::sync::Arc<[String]>,
    /// The section index of each paragraph.
    pub paragraph_section: Vec<u32>,
    pub sections: Vec<Section>,
    /// Every section's topics (lexicon indices), strongest first, one section's after
    /// the one before's ([`Analysis::topics_of`]).
    pub section_topics: Vec<usize>,
    /// Every section's title, one after another ([`Analysis::section_title`]).
    pub section_titles: String,
    pub commitments: Vec<Commitment>,
    /// The number of each act when they are a choice of a statement's acts (a library
    /// query's), so an export still names them as the whole statement does; empty when
    /// they are all of them, numbered from 1 in reading order ([`Analysis::act_number`]).
    pub act_numbers: Vec<u32>,
    /// The actors and addressees of the acts, each once; an act names them by index
    /// ([`Commitment::actor`], [`Commitment::addressee`]).
    pub names: Vec<std::sync::Arc<str>>,
    /// How the authors are named ("Japan and NATO"), "the authors" when unknown.
    pub authors: std::sync::Arc<str>,
    /// Who they are and where that was read.
    pub authorship: authors::Authors,
}

impl Analysis {
    /// Name `index` of [`Analysis::names`]; `None` past its end (an act addressed to no
    /// one, or read back from a doctored cache).
    pub fn name(&self, index: u32) -> Option<&str> {
        self.names.get(index as usize).map(|n| &**n)
    }

    pub fn topic_name(&self, topic: usize) -> &str {
        &self.topic_names[topic]
    }

    /// Topics of the statement in the order they are first met, with the number of
    /// sections and acts of each.
    pub fn topic_summary(&self) -> Vec<TopicSummary> {
        let mut out: Vec<TopicSummary> = Vec::new();
        for (s, section) in self.sections.iter().enumerate() {
            for &topic in self.topics_of(section) {
                match out.iter_mut().find(|t| t.topic == topic) {
                    Some(t) => t.sections.push(s),
                    None => out.push(TopicSummary {
                        topic,
                        sections: vec![s],
                        acts: 0,
                    }),
                }
            }
        }
        for act in &self.commitments {
            for t in out
                .iter_mut()
                .filter(|t| self.act_topics(act).contains(&t.topic))
            {
                t.acts += 1;
            }
        }
        out
    }

    /// The topics of an act: those of its section.
    pub fn act_topics(&self, act: &Commitment) -> &[usize] {
        self.sections
            .get(self.act_section(act))
            .map_or(&[], |s| self.topics_of(s))
    }

    /// The short title of `section` ("North Korea: nuclear and missile tests"); empty
    /// for a section whose title this analysis does not hold (from a doctored cache).
    pub fn section_title(&self, section: &Section) -> &str {
        self.section_titles.get(section.title()).unwrap_or_default()
    }

    /// Every topic `section` mentions (lexicon indices), strongest first; none for a
    /// section this analysis does not hold the topics of (from a doctored cache).
    pub fn topics_of(&self, section: &Section) -> &[usize] {
        self.section_topics
            .get(section.topics())
            .unwrap_or_default()
    }

    /// The number of the act at `place` in [`Analysis::commitments`], from 1 in the
    /// statement's reading order.
    pub fn act_number(&self, place: usize) -> usize {
        self.act_numbers
            .get(place)
            .map_or(place + 1, |&number| number as usize)
    }

    /// The index of the section an act is in: its paragraph's.
    pub fn act_section(&self, act: &Commitment) -> usize {
        self.section_of_paragraph(act.sentence.paragraph())
            .unwrap_or(0)
    }

    /// The index of the section paragraph `p` is in; `None` past the last paragraph.
    pub fn section_of_paragraph(&self, p: usize) -> Option<usize> {
        self.paragraph_section.get(p).map(|&s| s as usize)
    }

    /// Acts per kind, in [`CommitmentKind::ALL`] order.
    pub fn kind_counts(&self) -> [(CommitmentKind, usize); 6] {
        CommitmentKind::ALL.map(|k| (k, self.commitments.iter().filter(|c| c.kind == k).count()))
    }
}

impl Analysis {
    /// What is known before the lexicons are ready: sections from the headings (or one
    /// for the whole text), no topics, no acts. The reader shows the text with it while
    /// the real analysis runs.
    pub fn pending(statement: &Statement) -> Analysis {
        let (sections, section_titles) = sections::pending(statement);
        let mut paragraph_section = vec![0; statement.paragraphs.len()];
        for (s, section) in sections.iter().enumerate() {
            for p in section.paragraphs() {
                paragraph_section[p] = crate::document::saturating_u32(s);
            }
        }
        Analysis {
            topic_names: std::sync::Arc::from([]),
            paragraph_section,
            sections,
            section_topics: Vec::new(),
            section_titles,
            commitments: Vec::new(),
            act_numbers: Vec::new(),
            names: Vec::new(),
            authors: "".into(),
            authorship: authors::Authors {
                parties: Vec::new(),
                phrase: None,
                evidence: authors::Evidence::None,
                group: None,
                named_as: None,
            },
        }
    }
}

/// One topic of a statement and where it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicSummary {
    pub topic: usize,
    /// Section indices.
    pub sections: Vec<usize>,
    pub acts: usize,
}

/// Analyses a statement with the given lexicons, a paragraph at a time: each is
/// tokenised once for its topics and its acts, and its tokens dropped before the next.
pub fn analyse(statement: &Statement, lexicons: &Lexicons) -> Analysis {
    analyse_with_progress(statement, lexicons, &|_| {})
}

/// How many paragraphs [`analyse_with_progress`] analyses between two reports.
pub const PROGRESS_EVERY: usize = 64;

/// [`analyse`], telling `progress` the number of paragraphs done every
/// [`PROGRESS_EVERY`] paragraphs and at the end, for a reader that shows how far a long
/// analysis has come.
pub fn analyse_with_progress(
    statement: &Statement,
    lexicons: &Lexicons,
    progress: &dyn Fn(usize),
) -> Analysis {
    let authorship = authors::of(statement, parties::PartyLexicon::embedded());
    let speakers = Speakers::of(&authorship, parties::PartyLexicon::embedded(), statement);
    let mut extractor = acts::Extractor::new(&speakers, &lexicons.cues);
    let mut commitments = Vec::new();
    let mut sections = sections::Builder::new(statement, &lexicons.topics);
    let mut paragraph_section = Vec::with_capacity(statement.paragraphs.len());
    for (p, paragraph) in statement.paragraphs.iter().enumerate() {
        let tokens = text::Tokens::new(&paragraph.text);
        let section = sections.paragraph(p, &lexicons.topics.score_tokens(&tokens));
        paragraph_section.push(crate::document::saturating_u32(section));
        extractor.paragraph(statement, p, &tokens, &mut commitments);
        if p % PROGRESS_EVERY == PROGRESS_EVERY - 1 {
            progress(p + 1);
        }
    }
    progress(statement.paragraphs.len());
    let names = extractor.names();
    let (mut sections, mut section_topics, mut section_titles) = sections.finish();
    // Grown by doubling: give the slack back, as a big statement keeps them for long.
    commitments.shrink_to_fit();
    sections.shrink_to_fit();
    section_topics.shrink_to_fit();
    section_titles.shrink_to_fit();
    Analysis {
        topic_names: std::sync::Arc::clone(lexicons.topics.names()),
        paragraph_section,
        sections,
        section_topics,
        section_titles,
        commitments,
        act_numbers: Vec::new(),
        names,
        authors: speakers.authors,
        authorship,
    }
}
