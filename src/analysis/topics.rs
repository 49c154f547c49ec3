//! The topic lexicon and topic scoring.
//!
//! `assets/topics.json` lists topics of security and diplomacy, each with keywords and
//! "aspects" (sub-themes with keywords of their own, used to title sections:
//! "North Korea: nuclear and missile tests"). Keywords are matched as whole words; the
//! last word of a keyword also matches its plural ("missile launch" → "launches").

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use super::text::{Tokens, phrase_words};

/// The lexicon shipped in the binary.
pub const EMBEDDED_TOPICS: &str = include_str!("../../assets/topics.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Topic {
    pub name: String,
    pub keywords: Vec<String>,
    #[serde(default)]
    pub aspects: Vec<Aspect>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Aspect {
    pub label: String,
    pub keywords: Vec<String>,
}

#[derive(Deserialize)]
struct TopicFile {
    topics: Vec<Topic>,
}

/// What a keyword counts towards.
#[derive(Debug, Clone, Copy)]
enum Target {
    Topic(usize),
    Aspect(usize, usize),
}

/// A keyword as vocabulary ids.
#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<u32>,
    target: Target,
}

/// Topics with their keywords compiled: every keyword word (and its plural) has a
/// vocabulary id, and keywords are indexed by the id of their first word, so scoring a
/// text costs one hash lookup per word.
#[derive(Debug, Clone)]
pub struct TopicLexicon {
    pub topics: Vec<Topic>,
    /// The topics' names, shared by every analysis made with the lexicon: a library
    /// holds thousands of analyses, and a copy each cost about 2 KB a statement.
    names: std::sync::Arc<[String]>,
    phrases: Vec<Phrase>,
    vocabulary: HashMap<String, u32>,
    /// Phrases by the id of their first word.
    by_first_word: Vec<Vec<usize>>,
    /// Where each topic's aspects start in a flat array of aspect counters.
    aspect_offsets: Vec<usize>,
}

/// How strongly one text is about one topic, and which of its aspects.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicScore {
    pub topic: usize,
    pub score: f32,
    /// Score per aspect, indexed like the topic's aspects.
    pub aspects: Vec<f32>,
}

impl TopicScore {
    /// Aspects with a positive score, best first.
    pub fn ranked_aspects(&self) -> Vec<usize> {
        let mut ranked: Vec<usize> = (0..self.aspects.len())
            .filter(|&a| self.aspects[a] > 0.0)
            .collect();
        ranked.sort_by(|&a, &b| self.aspects[b].total_cmp(&self.aspects[a]).then(a.cmp(&b)));
        ranked
    }
}

const UNKNOWN: u32 = u32::MAX;

impl TopicLexicon {
    pub fn from_json(json: &str) -> Result<TopicLexicon, serde_json::Error> {
        let file: TopicFile = serde_json::from_str(json)?;
        Ok(TopicLexicon::new(file.topics))
    }

    /// The embedded lexicon. It is part of the binary and checked by tests, so failing
    /// to read it is a build defect, not a user error.
    pub fn embedded() -> TopicLexicon {
        TopicLexicon::from_json(EMBEDDED_TOPICS).expect("assets/topics.json is valid")
    }

    pub fn new(topics: Vec<Topic>) -> TopicLexicon {
        let mut vocabulary: HashMap<String, u32> = HashMap::default();
        let mut phrases = Vec::new();
        let mut add = |phrase: &str, target: Target, vocabulary: &mut HashMap<String, u32>| {
            let words: Vec<u32> = phrase_words(phrase)
                .into_iter()
                .map(|w| {
                    let next = u32::try_from(vocabulary.len()).unwrap_or(UNKNOWN - 1);
                    let id = *vocabulary.entry(w.clone()).or_insert(next);
                    // A keyword also matches its plural: "missile launch" → "launches".
                    if w.chars().all(char::is_alphabetic) {
                        for suffix in ["s", "es"] {
                            let mut plural = String::with_capacity(w.len() + 2);
                            plural.push_str(&w);
                            plural.push_str(suffix);
                            vocabulary.entry(plural).or_insert(id);
                        }
                    }
                    id
                })
                .collect();
            if !words.is_empty() {
                phrases.push(Phrase { words, target });
            }
        };
        for (t, topic) in topics.iter().enumerate() {
            for k in &topic.keywords {
                add(k, Target::Topic(t), &mut vocabulary);
            }
            for (a, aspect) in topic.aspects.iter().enumerate() {
                for k in &aspect.keywords {
                    add(k, Target::Aspect(t, a), &mut vocabulary);
                }
            }
        }
        let ids = vocabulary
            .values()
            .copied()
            .max()
            .map_or(0, |m| m as usize + 1);
        let mut by_first_word = vec![Vec::new(); ids];
        for (i, p) in phrases.iter().enumerate() {
            by_first_word[p.words[0] as usize].push(i);
        }
        let mut aspect_offsets = Vec::with_capacity(topics.len() + 1);
        let mut offset = 0;
        for topic in &topics {
            aspect_offsets.push(offset);
            offset += topic.aspects.len();
        }
        aspect_offsets.push(offset);
        TopicLexicon {
            names: topics.iter().map(|t| t.name.clone()).collect(),
            topics,
            phrases,
            vocabulary,
            by_first_word,
            aspect_offsets,
        }
    }

    /// Every topic's name, indexed like [`TopicLexicon::topics`].
    pub fn names(&self) -> &std::sync::Arc<[String]> {
        &self.names
    }

    pub fn name(&self, topic: usize) -> &str {
        &self.topics[topic].name
    }

    /// Scores every topic in `text`; only topics with at least one keyword of their own
    /// are returned, best first.
    pub fn score(&self, text: &str) -> Vec<TopicScore> {
        self.score_tokens(&Tokens::new(text))
    }

    /// Scores already tokenised text.
    pub fn score_tokens(&self, tokens: &Tokens) -> Vec<TopicScore> {
        let mut buf = [0u8; 4];
        let ids: Vec<u32> = (0..tokens.len())
            .map(|i| {
                let key = match tokens.punct(i) {
                    Some(p) => &*p.encode_utf8(&mut buf),
                    None => tokens.word(i),
                };
                self.vocabulary.get(key).copied().unwrap_or(UNKNOWN)
            })
            .collect();
        let mut keyword_hits = vec![0u32; self.topics.len()];
        let mut aspect_hits = vec![0u32; self.aspect_offsets[self.topics.len()]];
        for (i, &id) in ids.iter().enumerate() {
            let Some(candidates) = self.by_first_word.get(id as usize) else {
                continue;
            };
            for &p in candidates {
                let phrase = &self.phrases[p];
                if ids[i..].starts_with(&phrase.words) {
                    match phrase.target {
                        Target::Topic(t) => keyword_hits[t] += 1,
                        Target::Aspect(t, a) => aspect_hits[self.aspect_offsets[t] + a] += 1,
                    }
                }
            }
        }
        let mut scores: Vec<TopicScore> = (0..self.topics.len())
            .filter(|&t| keyword_hits[t] > 0)
            .map(|t| {
                let hits = &aspect_hits[self.aspect_offsets[t]..self.aspect_offsets[t + 1]];
                let aspects: Vec<f32> = hits.iter().map(|&h| h as f32).collect();
                let bonus: f32 = aspects.iter().sum::<f32>() * 0.5;
                TopicScore {
                    topic: t,
                    score: keyword_hits[t] as f32 + bonus,
                    aspects,
                }
            })
            .collect();
        sort_scores(&mut scores);
        scores
    }
}

/// Best first; ties keep lexicon order so results are stable.
pub fn sort_scores(scores: &mut [TopicScore]) {
    scores.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.topic.cmp(&b.topic)));
}

/// Adds `other` into `into`, topic by topic.
pub fn merge_scores(into: &mut Vec<TopicScore>, other: &[TopicScore]) {
    for s in other {
        match into.iter_mut().find(|x| x.topic == s.topic) {
            Some(x) => {
                x.score += s.score;
                for (a, v) in x.aspects.iter_mut().zip(&s.aspects) {
                    *a += v;
                }
            }
            None => into.push(s.clone()),
        }
    }
    sort_scores(into);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(lexicon: &TopicLexicon, text: &str) -> Vec<String> {
        lexicon
            .score(text)
            .iter()
            .map(|s| lexicon.name(s.topic).to_string())
            .collect()
    }

    #[test]
    fn embedded_lexicon_is_rich_enough() {
        let lexicon = TopicLexicon::embedded();
        assert!(lexicon.topics.len() >= 25);
        for required in [
            "North Korea",
            "Russia and Ukraine",
            "China",
            "Maritime security",
            "Cyber defence",
            "Non-proliferation",
            "Human rights",
            "UN Security Council",
            "Terrorism",
            "Space",
            "Emerging technologies",
            "Women, peace and security",
            "Partnership",
            "Shared values",
            "Indo-Pacific",
            "Euro-Atlantic",
        ] {
            assert!(
                lexicon.topics.iter().any(|t| t.name == required),
                "{required}"
            );
        }
    }

    #[test]
    fn whole_words_only() {
        let lexicon = TopicLexicon::embedded();
        assert!(
            !names(&lexicon, "We maintain the status.")
                .contains(&"Emerging technologies".to_string())
        );
        assert!(
            names(&lexicon, "AI will change warfare.")
                .contains(&"Emerging technologies".to_string())
        );
    }

    #[test]
    fn possessives_plurals_and_hyphens() {
        let lexicon = TopicLexicon::embedded();
        let scores =
            lexicon.score("We condemn North Korea’s ballistic missile launches and cyber-attacks.");
        let nk = scores
            .iter()
            .find(|s| lexicon.name(s.topic) == "North Korea")
            .unwrap();
        assert!(nk.aspects[0] >= 2.0, "{:?}", nk.aspects);
        assert!(
            names(&lexicon, "Non-proliferation matters.")
                .contains(&"Non-proliferation".to_string())
        );
    }

    #[test]
    fn aspects_alone_do_not_make_a_topic() {
        let lexicon = TopicLexicon::embedded();
        assert!(
            !names(&lexicon, "We apply sanctions and pressure.")
                .contains(&"North Korea".to_string())
        );
    }
}
