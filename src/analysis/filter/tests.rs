use super::*;
use crate::analysis::{CommitmentKind, Lexicons, analyse};
use crate::cli::EMBEDDED_STATEMENT;

fn shipped() -> (Statement, Analysis) {
    let s = Statement::parse(EMBEDDED_STATEMENT, "t");
    let a = analyse(&s, Lexicons::embedded());
    (s, a)
}

fn run(raw: &str) -> (Statement, Analysis, std::sync::Arc<FilterResult>) {
    let (s, a) = shipped();
    let r = Filter::default().run(&Query::parse(raw).unwrap(), &s, &a);
    (s, a, r)
}

fn ids(a: &Analysis, r: &FilterResult) -> Vec<usize> {
    let mut ids: Vec<usize> = r
        .acts
        .iter()
        .map(|m| a.act_number(m.act as usize))
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn a_matched_act_is_twelve_bytes_and_a_matched_sentence_four() {
    // A one-letter query over a big statement keeps millions of both.
    assert_eq!(std::mem::size_of::<ActMatch>(), 12);
    assert_eq!(std::mem::size_of::<SentenceMatch>(), 4);
}

#[test]
fn exact_cue_finds_the_acts_that_urge() {
    let (s, a, r) = run("'urge");
    let urging: Vec<usize> = (0..a.commitments.len())
        .filter(|&place| a.commitments[place].cue(&s) == "urge")
        .map(|place| a.act_number(place))
        .collect();
    assert_eq!(urging.len(), 4);
    assert_eq!(ids(&a, &r), urging);
}

#[test]
fn terms_in_any_order() {
    let (_, a, r1) = run("korea urge");
    let (_, _, r2) = run("urge korea");
    assert_eq!(ids(&a, &r1), ids(&a, &r2));
    assert!(!r1.acts.is_empty());
    let (_, a, both) = run("'north 'korea");
    assert!(!both.acts.is_empty());
    assert_eq!(ids(&a, &both), ids(&a, &run("'korea 'north").2));
}

#[test]
fn north_keeps_only_acts_that_mention_it() {
    let (s, a, r) = run("north");
    assert!(!r.acts.is_empty() && r.acts.len() < a.commitments.len());
    for m in &r.acts {
        let act = &a.commitments[m.act as usize];
        let sentence = s.sentence_text(act.sentence).to_lowercase();
        assert!(
            sentence.contains("north") || act.addressee(&a).is_some_and(|x| x.contains("North")),
            "act {}",
            a.act_number(m.act as usize)
        );
        assert!(!r.hits_of(&s, &a, m).is_empty());
    }
}

#[test]
fn negation_alternatives_and_anchors() {
    let (_, a, all) = run("kind:demand");
    let (_, _, not_korea) = run("kind:demand !to:korea");
    let (_, _, korea) = run("kind:demand to:korea");
    assert_eq!(not_korea.acts.len() + korea.acts.len(), all.acts.len());
    let (_, _, either) = run("kind:condemn | kind:concern");
    assert!(either.acts.iter().all(|m| matches!(
        a.commitments[m.act as usize].kind,
        CommitmentKind::Condemn | CommitmentKind::Concern
    )));
    assert_eq!(either.acts.len(), 3);
    let (s, _, start) = run("^we");
    assert!(!start.sentences.is_empty());
    assert!(
        start
            .sentences
            .iter()
            .all(|m| s.sentence_text(m.at(&s).unwrap()).starts_with("We"))
    );
    let (_, _, end) = run("issue$");
    assert!(!end.sentences.is_empty());
    assert!(end.sentences.iter().all(|m| {
        s.sentence_text(m.at(&s).unwrap())
            .trim_end_matches('.')
            .ends_with("issue")
    }));
}

#[test]
fn ranking_puts_whole_words_first() {
    let (_, a, r) = run("sea");
    assert!(
        r.acts
            .windows(2)
            .all(|w| (w[0].rank, -w[0].score) <= (w[1].rank, -w[1].score))
    );
    let s = Statement::parse(EMBEDDED_STATEMENT, "t");
    let words = |m: &ActMatch| {
        let sentence = s
            .sentence_text(a.commitments[m.act as usize].sentence)
            .to_lowercase();
        sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "sea")
    };
    let position = |id: usize| {
        r.acts
            .iter()
            .position(|m| a.act_number(m.act as usize) == id)
            .unwrap()
    };
    // "the sea" (a whole word) before "Seas" (a word's start).
    assert!(words(&r.acts[0]));
    assert!(position(13) < position(10));
}

#[test]
fn sentences_highlight_the_words() {
    let (s, a, r) = run("korea");
    for (at, text) in s.sentences() {
        assert_eq!(
            r.sentences.iter().any(|m| m.at(&s) == Some(at)),
            text.contains("Korea"),
            "{text}"
        );
    }
    for m in &r.sentences {
        let text = &s.paragraphs[m.at(&s).unwrap().paragraph()].text;
        for (st, e) in r.ranges_of(&s, &a, m) {
            assert_eq!(text[st..e].to_lowercase(), "korea");
        }
    }
    assert!(r.section_hits.iter().map(|&n| n as usize).sum::<usize>() == r.sentences.len());
}

#[test]
fn topics_and_cues() {
    let (_, a, r) = run("topic:\"North Korea\"");
    let topic = a
        .topic_names
        .iter()
        .position(|n| n == "North Korea")
        .unwrap();
    assert_eq!(
        r.acts.len(),
        a.commitments
            .iter()
            .filter(|c| a.act_topics(c).contains(&topic))
            .count()
    );
    let chosen = chosen_topics(&Query::parse("topic:\"North Korea\"").unwrap(), &a).unwrap();
    assert_eq!(chosen, [topic]);
    let (s, a, r) = run("cue:committed");
    assert!(
        r.acts
            .iter()
            .all(|m| a.commitments[m.act as usize].cue(&s).contains("committed"))
    );
    assert_eq!(r.acts.len(), 4);
}

#[test]
fn section_titles_match_free_text() {
    let (_, a, r) = run("maritime");
    assert!(!r.section_titles.is_empty());
    for (s, section) in a.sections.iter().enumerate() {
        let title = a.section_title(section);
        let named = title.to_lowercase().contains("maritime");
        assert_eq!(r.title_matches(s), named, "{title}");
        let shown: Vec<&str> = r
            .title_ranges_of(&a, s)
            .into_iter()
            .map(|(start, end)| &title[start..end])
            .collect();
        assert_eq!(
            shown.concat().to_lowercase(),
            if named { "maritime" } else { "" }
        );
    }
    let (_, _, fields) = run("kind:commit");
    assert!(fields.section_titles.is_empty());
}

#[test]
fn typing_on_gives_what_a_fresh_search_gives() {
    let (s, a) = shipped();
    let mut typing = Filter::default();
    let mut raw = String::new();
    for c in "kor urge".chars() {
        raw.push(c);
        let Some(q) = Query::parse(&raw) else {
            continue;
        };
        let incremental = typing.run(&q, &s, &a);
        let fresh = Filter::default().run(&q, &s, &a);
        assert_eq!(incremental, fresh, "{raw}");
        // Highlighted for the query typed, not the one it narrowed from.
        for (m, f) in incremental.acts.iter().zip(&fresh.acts) {
            assert_eq!(
                incremental.hits_of(&s, &a, m),
                fresh.hits_of(&s, &a, f),
                "{raw}"
            );
        }
        for (m, f) in incremental.sentences.iter().zip(&fresh.sentences) {
            let (mine, theirs) = (incremental.ranges_of(&s, &a, m), fresh.ranges_of(&s, &a, f));
            assert_eq!(mine, theirs, "{raw}");
        }
    }
}

#[test]
fn an_acts_highlights_lie_in_the_fields_its_terms_matched() {
    let (s, a, r) = run("to:korea urge");
    assert!(!r.acts.is_empty());
    for m in &r.acts {
        let act = &a.commitments[m.act as usize];
        let hits = r.hits_of(&s, &a, m);
        let addressee = act.addressee(&a).unwrap_or("");
        let text = &s.paragraphs[act.sentence.paragraph()].text;
        let shown: Vec<(HitField, &str)> = hits
            .iter()
            .map(|h| {
                let (start, end) = h.range();
                let field = match h.field {
                    HitField::Addressee => addressee,
                    HitField::Text => text,
                    HitField::Kind => act.kind.as_str(),
                    HitField::Actor => act.actor(&a),
                };
                (h.field, &field[start..end])
            })
            .collect();
        assert!(
            shown
                .iter()
                .any(|&(f, t)| f == HitField::Addressee && t.eq_ignore_ascii_case("korea")),
            "{shown:?}"
        );
        assert!(
            shown.iter().any(|&(_, t)| t.eq_ignore_ascii_case("urge")),
            "{shown:?}"
        );
    }
}

#[test]
fn acts_only_ranks_the_same_acts_without_highlights_and_keeps_whole_results_whole() {
    let (s, a) = shipped();
    let ranked = |r: &FilterResult| -> Vec<(u32, u32, i32)> {
        r.acts.iter().map(|m| (m.act, m.rank, m.score)).collect()
    };
    for raw in [
        "korea",
        "k",
        "nuclear missile",
        "mrtm scrty",
        "kind:urge -korea",
        "zzzq",
    ] {
        let query = Query::parse(raw).unwrap();
        let whole = Filter::default().run(&query, &s, &a);
        let mut filter = Filter::default();
        let acts = filter.run_acts(&query, &s, &a);
        assert_eq!(ranked(&acts), ranked(&whole), "{raw}");
        assert!(acts.sentences.is_empty(), "{raw}");
        for m in &acts.acts {
            assert!(acts.hits_of(&s, &a, m).is_empty(), "{raw}");
        }
        assert!(acts.section_titles.is_empty(), "{raw}");
        // The same filter asked for everything afterwards does not take the acts-only
        // result back, nor narrow from it.
        assert_eq!(*filter.run(&query, &s, &a), *whole, "{raw}");
    }
    let mut filter = Filter::default();
    filter.run_acts(&Query::parse("kor").unwrap(), &s, &a);
    let korea = Query::parse("korea").unwrap();
    assert_eq!(
        *filter.run(&korea, &s, &a),
        *Filter::default().run(&korea, &s, &a)
    );
}

#[test]
fn a_filter_given_an_index_built_ahead_finds_what_a_fresh_one_finds() {
    let (s, a) = shipped();
    let index = FilterIndex::new(&s, &a);
    for raw in ["korea", "kind:urge -korea", "to:korea", "maritime", "zzzq"] {
        let query = Query::parse(raw).unwrap();
        let mut ahead = Filter::with_index(index.clone());
        let (given, fresh) = (
            ahead.run(&query, &s, &a),
            Filter::default().run(&query, &s, &a),
        );
        assert_eq!(*given, *fresh, "{raw}");
        for (m, f) in given.acts.iter().zip(&fresh.acts) {
            assert_eq!(given.hits_of(&s, &a, m), fresh.hits_of(&s, &a, f), "{raw}");
        }
        let acts = Filter::with_index(index.clone()).run_acts(&query, &s, &a);
        assert_eq!(acts.acts, fresh.acts, "{raw}");
    }
}

#[test]
fn a_result_asked_about_another_statement_highlights_without_panicking() {
    // The reader keeps a result on screen until the search of a replaced text lands.
    let (_, _, r) = run("e");
    let small = Statement::parse("A note\n\nWe welcome the talks.\n", "x");
    let analysis = analyse(&small, Lexicons::embedded());
    for m in &r.acts {
        let _ = r.hits_of(&small, &analysis, m);
    }
    for m in &r.sentences {
        let _ = r.ranges_of(&small, &analysis, m);
    }
    // Sections the other statement lacks have nothing to highlight.
    for s in analysis.sections.len()..r.section_hits.len() {
        assert!(r.title_ranges_of(&analysis, s).is_empty());
    }
}

#[test]
fn a_filter_keeping_one_result_types_on_and_goes_back_as_a_keeping_one_does() {
    let (s, a) = shipped();
    let mut one = Filter::default().keeping(1);
    let mut many = Filter::default();
    for raw in ["k", "ko", "kor", "ko", "k", "kind:urge", "kind:urge -korea"] {
        let query = Query::parse(raw).unwrap();
        assert_eq!(*one.run(&query, &s, &a), *many.run(&query, &s, &a), "{raw}");
        assert_eq!(one.recent.len(), 1, "{raw}");
    }
    assert!(many.recent.len() > 1);
    // Asking for none still keeps the newest, to type on.
    let mut none = Filter::default().keeping(0);
    none.run(&Query::parse("ko").unwrap(), &s, &a);
    assert_eq!(none.recent.len(), 1);
}

#[test]
fn acts_listed_out_of_reading_order_are_found_as_in_order() {
    // Only an analysis read back from a doctored cache lists its acts out of order.
    let (s, a) = shipped();
    let mut shuffled = a.clone();
    shuffled.commitments.reverse();
    shuffled.commitments.swap(0, 7);
    for raw in ["korea", "kind:commit !korea", "to:korea", "maritime", "'we"] {
        let query = Query::parse(raw).unwrap();
        let (in_order, out_of_order) = (
            Filter::default().run(&query, &s, &a),
            Filter::default().run(&query, &s, &shuffled),
        );
        assert!(!in_order.acts.is_empty(), "{raw}");
        // The same acts, wherever the analysis lists them.
        let found = |a: &Analysis, r: &FilterResult| {
            let mut acts: Vec<_> = r
                .acts
                .iter()
                .map(|m| {
                    let act = &a.commitments[m.act as usize];
                    (act.sentence, act.cue_range(), act.object_range())
                })
                .collect();
            acts.sort_unstable();
            acts
        };
        assert_eq!(
            found(&a, &in_order),
            found(&shuffled, &out_of_order),
            "{raw}"
        );
        assert_eq!(in_order.sentences, out_of_order.sentences, "{raw}");
    }
}

#[test]
fn the_index_gives_each_sentence_its_own_acts_across_blocks() {
    // Sentences of none, one and two acts, over many blocks of sixteen sentences, with
    // a paragraph of no act between.
    let mut text = String::from("Joint Statement\n\n");
    for p in 0..40 {
        text.push_str(&format!(
            "{}. We condemn the raid on port {p}. The talks went on. We urge the parties \
             to meet and welcome the truce of {p}.\n\nThe weather was fine.\n\n",
            p + 1
        ));
    }
    let s = Statement::parse(&text, "t");
    let a = analyse(&s, Lexicons::embedded());
    assert!(s.sentence_count() > 4 * 16 && a.commitments.len() > 80);
    let mut shuffled = a.clone();
    shuffled.commitments.reverse();
    for analysis in [&a, &shuffled] {
        let index = index::Index::new(&s, analysis);
        let key = |i: usize| {
            let act = &analysis.commitments[i];
            (act.sentence, act.cue_range())
        };
        for ordinal in 0..s.sentence_count() + 2 {
            let mut found: Vec<_> = index.acts_of(&s, analysis, ordinal).map(key).collect();
            let mut expected: Vec<_> = (0..analysis.commitments.len())
                .filter(|&i| s.sentence_ordinal(analysis.commitments[i].sentence) == ordinal)
                .map(key)
                .collect();
            found.sort_unstable();
            expected.sort_unstable();
            assert_eq!(found, expected, "sentence {ordinal}");
        }
    }
}
