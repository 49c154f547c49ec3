//! Tests of reading people and parties from occasion lines, bylines and titles.

use super::*;

fn person(name: &str, role: &str) -> Person {
    Person {
        name: name.into(),
        role: Some(role.into()),
    }
}

#[test]
fn shipped_occasion() {
    let p = from_occasion(
        "issued on the occasion of the meeting between the NATO Secretary General, H.E. Mr Jens Stoltenberg and H.E. Mr Shinzo Abe, Prime Minister of Japan",
    );
    assert_eq!(p.parties, ["NATO", "Japan"]);
    assert_eq!(
        p.people,
        [
            person("Jens Stoltenberg", "NATO Secretary General"),
            person("Shinzo Abe", "Prime Minister of Japan")
        ]
    );
}

#[test]
fn role_after_each_name() {
    let p = from_occasion(
        "Issued on the occasion of the meeting between H.E. Ms B. Sample, Prime Minister of Ruritania, and H.E. Mr C. Other, President of Freedonia",
    );
    assert_eq!(p.parties, ["Ruritania", "Freedonia"]);
    assert_eq!(
        p.people,
        [
            person("B. Sample", "Prime Minister of Ruritania"),
            person("C. Other", "President of Freedonia")
        ]
    );
}

#[test]
fn role_of_the_alliance() {
    let p = from_occasion(
        "issued on the occasion of the meeting between the Secretary General of the Alliance, H.E. Mr A. Example and H.E. Ms B. Sample, Prime Minister of Ruritania",
    );
    assert_eq!(p.parties, ["Alliance", "Ruritania"]);
    assert_eq!(
        p.people[0],
        person("A. Example", "Secretary General of the Alliance")
    );
}

#[test]
fn entities_without_people() {
    let p = from_occasion(
        "issued on the occasion of the summit between the European Union and Ruritania",
    );
    assert_eq!(p.parties, ["European Union", "Ruritania"]);
    assert!(p.people.is_empty());
}

#[test]
fn all_caps_surnames() {
    let p = from_occasion(
        "issued on the occasion of the meeting between H.E. Mr KISHIDA Fumio, Prime Minister of Japan and the NATO Secretary General",
    );
    assert_eq!(
        p.people,
        [person("KISHIDA Fumio", "Prime Minister of Japan")]
    );
    assert_eq!(p.parties, ["Japan", "NATO"]);
}

#[test]
fn byline_items() {
    let p = from_byline("Jean Example, Minister for Europe and Foreign Affairs of Ruritania");
    assert_eq!(p.parties, ["Ruritania"]);
    assert_eq!(
        p.people,
        [person(
            "Jean Example",
            "Minister for Europe and Foreign Affairs of Ruritania"
        )]
    );
    let p = from_byline("The Hon Ann Sample MP, Minister for Defence of Freedonia");
    assert_eq!(p.people[0].name, "Ann Sample");
    assert_eq!(p.parties, ["Freedonia"]);
    assert!(from_byline("the ministers met").people.is_empty());
}

#[test]
fn lines_without_a_list_name_no_one() {
    assert_eq!(
        from_occasion(
            "Following is the statement by the Council President, A. Example (Ruritania):"
        ),
        Participants::default()
    );
}

#[test]
fn long_lists_split_in_one_pass() {
    let names: Vec<String> = (0..20_000).map(|i| format!("Country{i}")).collect();
    let occasion = format!(
        "issued on the occasion of the meeting between {}",
        names.join(", ")
    );
    let p = from_occasion(&occasion);
    assert_eq!(p.parties.len(), 20_000);
}

#[test]
fn title_between() {
    assert_eq!(
        from_title("Partnership Programme between the Alliance and Ruritania for 2023 – 2026"),
        ["Alliance", "Ruritania"]
    );
    assert!(from_title("Joint press statement").is_empty());
}
