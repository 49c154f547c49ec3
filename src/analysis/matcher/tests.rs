use super::*;

fn find(pattern: &Pattern, text: &str) -> Option<Vec<String>> {
    pattern.find(text, &[]).map(|f| {
        f.ranges
            .iter()
            .map(|&(s, e)| text[s..e].to_string())
            .collect()
    })
}

fn fuzzy(text: &str) -> Pattern {
    Pattern::new(text)
}

#[test]
fn written_out_wins_and_is_classed() {
    let korea = fuzzy("korea");
    let found = korea.find("North Korea and Korea’s", &[]).unwrap();
    assert_eq!(found.class, Class::Word);
    assert_eq!(found.ranges.as_slice(), [(6, 11), (16, 21)]);
    let prefix = fuzzy("kor").find("North Korea", &[]).unwrap();
    assert_eq!(prefix.class, Class::Prefix);
    let inside = fuzzy("orea").find("North Korea", &[]).unwrap();
    assert_eq!(inside.class, Class::Fuzzy);
}

#[test]
fn fuzzy_letters_stay_close() {
    assert_eq!(
        find(&fuzzy("nkorea"), "the North Korean regime").unwrap(),
        ["N", "Korea"]
    );
    assert!(find(&fuzzy("unsc"), "United Nations Security Council").is_some());
    assert!(find(&fuzzy("mrtm"), "maritime order").is_some());
    assert!(find(&fuzzy("cmmt"), "we are committed").is_some());
    // Letters scattered through a sentence are no match.
    let long = "We condemn in the strongest terms the nuclear tests and launches.";
    assert!(find(&fuzzy("sea"), long).is_none());
    assert!(find(&fuzzy("north"), "nuclear tests on the horizon").is_none());
    assert!(
        find(&fuzzy("sea"), "missile launches").is_none(),
        "gaps stay in a word"
    );
}

#[test]
fn smart_case_accents_and_quotes() {
    assert!(find(&fuzzy("NATO"), "the nato office").is_none());
    assert!(find(&fuzzy("nato"), "the NATO office").is_some());
    assert_eq!(
        find(&fuzzy("cote"), "Côte d’Ivoire").unwrap(),
        ["Côte"],
        "accents fold"
    );
    assert!(find(&fuzzy("korea's"), "North Korea’s tests").is_some());
}

#[test]
fn exact_forms() {
    let mut word = fuzzy("urge").exact();
    word.word_start = true;
    assert!(find(&word, "we urge them").is_some());
    assert!(find(&word, "the surge").is_none());
    assert!(find(&word, "urgent").is_some());
    word.word_end = true;
    assert!(find(&word, "urgent").is_none());
    let mut start = fuzzy("we").exact();
    start.at_start = true;
    assert!(find(&start, "“We urge").is_some());
    assert!(find(&start, "and we urge").is_none());
    let mut end = fuzzy("korea").exact();
    end.at_end = true;
    assert!(find(&end, "to North Korea.").is_some());
    assert!(find(&end, "Korea’s tests").is_none());
}

#[test]
fn blocked_ranges_are_skipped() {
    let text = "concern about rights, and urge North Korea";
    let at = text.find("urge").unwrap();
    assert!(fuzzy("urge").find(text, &[(at, at + 4)]).is_none());
    assert!(fuzzy("urge").find(text, &[]).is_some());
}

#[test]
fn implication_follows_typing() {
    let implies = |a: &str, b: &str| fuzzy(a).implies(&fuzzy(b));
    assert!(implies("korea", "kor"));
    assert!(!implies("kor", "korea"));
    assert!(implies("Korea", "kor"), "a capital narrows");
    assert!(!implies("korea", "Kor"));
    let mut anchored = fuzzy("kor").exact();
    anchored.at_end = true;
    let mut longer = fuzzy("kore").exact();
    longer.at_end = true;
    assert!(!longer.implies(&anchored), "korE$ is not within kor$");
    assert!(anchored.implies(&fuzzy("ko")));
}

#[test]
fn pathological_text_stays_bounded() {
    let text = "a".repeat(20_000);
    let pattern = fuzzy("aaaaaaab");
    assert!(find(&pattern, &text).is_none());
    assert!(find(&fuzzy(&"a".repeat(60)), &text).is_some());
}
