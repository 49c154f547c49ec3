use super::*;
use crate::app::marks::Place;

fn at(paragraph: usize) -> Remembered {
    Remembered {
        place: Some(Place {
            paragraph,
            offset: 3,
            heading: false,
        }),
        marks: [
            ('a', None),
            (
                'Z',
                Some(Place {
                    paragraph: 1,
                    offset: 0,
                    heading: true,
                }),
            ),
        ]
        .into(),
    }
}

fn text_of(positions: &Positions) -> String {
    let mut text = String::from("{\"version\":1}\n");
    for line in &positions.lines {
        text.push_str(&line.json);
        text.push('\n');
    }
    text
}

#[test]
fn the_key_is_stable_and_tells_texts_apart() {
    assert_eq!(key("We condemn."), key("We condemn."));
    assert_ne!(key("We condemn."), key("We condemn!"));
    assert_eq!(key("").len(), 16);
    // Pinned: a different hash would lose every user's positions on upgrade.
    assert_eq!(key("abc"), "78af5f94892f3950");
}

#[test]
fn what_is_kept_comes_back_and_empty_is_forgotten() {
    let mut positions = Positions::default();
    let k = key("one");
    positions.keep(&k, at(7), 10).unwrap();
    assert_eq!(positions.recall(&k).unwrap(), Some(at(7)));
    let again = Positions::parse(&text_of(&positions)).unwrap();
    assert_eq!(again.recall(&k).unwrap(), Some(at(7)));
    assert_eq!(
        again.lines, positions.lines,
        "lines as written are read fast"
    );
    positions.keep(&k, Remembered::default(), 11).unwrap();
    assert_eq!(positions.recall(&k).unwrap(), None);
    assert!(positions.is_empty());
}

#[test]
fn a_line_spelt_otherwise_is_still_read() {
    let text = "{\"version\": 1}\n\n{ \"seen\": 5, \"key\": \"00000000000000ab\", \"place\": {\"paragraph\": 2} }\n";
    let positions = Positions::parse(text).unwrap();
    let place = positions
        .recall("00000000000000ab")
        .unwrap()
        .unwrap()
        .place
        .unwrap();
    assert_eq!(
        (place.paragraph, place.offset, place.heading),
        (2, 0, false)
    );
    assert_eq!(positions.lines[0].seen, 5);
}

#[test]
fn the_oldest_are_forgotten_past_the_cap() {
    let mut positions = Positions::default();
    for i in 0..MAX_STATEMENTS + 50 {
        // Pairs of statements seen at the same second, to test ties at the cut.
        positions
            .keep(&format!("{i:016x}"), at(i), (i / 2) as u64)
            .unwrap();
    }
    assert_eq!(positions.len(), MAX_STATEMENTS);
    assert_eq!(positions.recall(&format!("{:016x}", 49)).unwrap(), None);
    assert!(positions.recall(&format!("{:016x}", 50)).unwrap().is_some());
    let last = format!("{:016x}", MAX_STATEMENTS + 49);
    assert!(positions.recall(&last).unwrap().is_some());
}

#[test]
fn bad_files_are_reasons_not_panics() {
    let not = |text: &str| Positions::parse(text).unwrap_err();
    assert!(not("{not json").starts_with("not a state file"));
    assert!(not("").starts_with("not a state file"));
    assert!(not("[]").starts_with("not a state file"));
    assert_eq!(
        not("{\"version\": 9}\n"),
        "written by another version (format 9)"
    );
    assert!(not("{\"version\":1}\n{\"key\":\"oops\"}\n").starts_with("not a state file"));
    // A line that looks right where it is read fast and is broken after: found when
    // its statement is opened.
    let broken =
        "{\"version\":1}\n{\"key\":\"00000000000000ab\",\"seen\":1,\"marks\":{\"ab\":null}}\n";
    let positions = Positions::parse(broken).unwrap();
    assert!(
        positions.recall("00000000000000ab").is_err(),
        "a mark is one character"
    );
    let huge = "{\"version\":1}\n{\"key\":\"00000000000000ab\",\"seen\":1,\"place\":{\"paragraph\":18446744073709551615,\"offset\":18446744073709551615}}\n";
    let positions = Positions::parse(huge).unwrap();
    assert!(positions.recall("00000000000000ab").unwrap().is_some());
}

#[test]
fn writing_is_atomic_and_merges_with_what_is_there() {
    let dir = std::env::temp_dir().join(format!("communique-remember-{}", std::process::id()));
    let path = dir.join("deep").join("positions.jsonl");
    let (one, two, three) = (key("one"), key("two"), key("three"));
    save(&path, &one, at(1)).unwrap();
    save(&path, &two, at(2)).unwrap();
    let positions = Positions::load(&path).unwrap();
    assert_eq!(positions.recall(&one).unwrap(), Some(at(1)));
    assert_eq!(positions.recall(&two).unwrap(), Some(at(2)));
    std::fs::write(&path, "garbage").unwrap();
    assert!(Positions::load(&path).is_err());
    save(&path, &three, at(3)).unwrap();
    let replaced = Positions::load(&path).unwrap();
    assert_eq!(replaced.len(), 1);
    assert_eq!(replaced.recall(&three).unwrap(), Some(at(3)));
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name() != "positions.jsonl")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary file stays: {leftovers:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
