//! Properties of the header reader over generated page headers: whatever furniture a
//! page puts around its title, in whatever number and order, none of it becomes a
//! section, a heading, a paragraph or the title, and the fields it carries are read.

use communique::analysis::{Lexicons, analyse};
use communique::document::{LineClass, Statement};
use proptest::prelude::*;

/// Lines of page furniture and header fields as pages write them (made up).
fn furniture_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("|".to_string()),
        Just("  • |".to_string()),
        Just("-".to_string()),
        Just("* *** *".to_string()),
        Just("Share:".to_string()),
        Just("Print this page".to_string()),
        Just("Skip to main content".to_string()),
        Just("EN | FR | RU".to_string()),
        Just("[English]  [Français]  [Deutsch]".to_string()),
        Just("En. / Fr. / Ru. / Ukr.".to_string()),
        Just("Home > News > 2031".to_string()),
        Just("Summits | Ministerials | Analysis | Search".to_string()),
        Just("(As delivered)".to_string()),
        Just("This site has been archived on 3 March 2031".to_string()),
        Just("The flag is raised at the summit (Photo: Example Agency)".to_string()),
        Just("Logo of the Example Presidency".to_string()),
        (1990u32..2040, 1u32..999).prop_map(|(y, n)| format!("  • Press Release ({y}) {n}")),
        (100u32..99999).prop_map(|n| format!("SC/{n}")),
        (1u32..28, 1990u32..2040).prop_map(|(d, y)| format!("  • Issued on {d:02} Mar. {y}")),
        (1u32..28, 0u32..24)
            .prop_map(|(d, h)| format!("  • Last updated: {d:02} Apr. 2031 {h:02}:15")),
    ]
}

/// A header: furniture above the title, then the title, then furniture and a date.
fn page() -> impl Strategy<Value = (String, Vec<String>)> {
    (
        prop::collection::vec(furniture_line(), 0..5),
        prop::collection::vec(furniture_line(), 0..6),
        any::<bool>(),
        1u32..28,
    )
        .prop_map(|(above, below, blank_lines, day)| {
            let sep = if blank_lines { "\n\n" } else { "\n" };
            let mut text = String::new();
            for line in &above {
                text.push_str(line);
                text.push_str(sep);
            }
            text.push_str("Joint Statement of Ruritania and Freedonia\n\n");
            text.push_str(&format!("  • {day:02} May 2031 -\n"));
            for line in &below {
                text.push_str(line);
                text.push_str(sep);
            }
            text.push_str(
                "\nWe, the ministers of Ruritania and Freedonia, reaffirm our partnership.\n\nWe will meet again next year.\n",
            );
            let mut furniture = above;
            furniture.extend(below);
            (text, furniture)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_furniture_line_becomes_text((text, furniture) in page()) {
        let statement = Statement::parse(&text, "page");
        let analysis = analyse(&statement, Lexicons::embedded());
        prop_assert_eq!(&statement.metadata.title, "Joint Statement of Ruritania and Freedonia");
        prop_assert!(statement.metadata.date.is_some());
        prop_assert_eq!(statement.paragraphs.len(), 2, "{:#?}", statement.paragraphs);
        for line in &furniture {
            let line = line.trim().trim_start_matches("• ");
            for section in &analysis.sections {
                prop_assert!(section.heading(&statement) != Some(line), "{line:?} became a section");
            }
            prop_assert!(!statement.headings.iter().any(|h| h.text.contains(line)), "{line:?} became a heading");
            prop_assert!(!statement.paragraphs.iter().any(|p| p.text.contains(line)), "{line:?} became text");
        }
        // Every furniture line is listed with a class, none as the title.
        let classified = statement.header.iter().filter(|h| h.class != LineClass::Title).count();
        prop_assert!(classified >= furniture.len());
        prop_assert_eq!(analysis.authorship.parties.clone(), vec!["Ruritania".to_string(), "Freedonia".to_string()]);
    }
}
