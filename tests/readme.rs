//! The README is what users read first: its key table must list every key the reader
//! binds (the help overlay is generated from the same table).

use communique::app::keys::BINDINGS;

#[test]
fn readme_lists_every_key() {
    let readme = include_str!("../README.md");
    let table_start = readme.find("### Keys").expect("a Keys section");
    let table = &readme[table_start..];
    for (_, bindings) in BINDINGS {
        for binding in bindings.iter() {
            for key in binding.keys.split_whitespace() {
                assert!(
                    table.contains(&format!("`{key}`")),
                    "README's key table lacks `{key}`"
                );
            }
        }
    }
}

#[test]
fn readme_has_the_two_commands() {
    let readme = include_str!("../README.md");
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
    assert!(readme.contains("cargo install --path ."));
}

#[test]
fn readme_shows_the_compare_view_the_briefing_and_the_library_as_tested() {
    let readme = include_str!("../README.md");
    for snapshot in [
        include_str!("snapshots/compare_view__compare_120x40.snap"),
        include_str!("snapshots/compare_cli__compare_briefing.snap"),
        include_str!("snapshots/library_view__snapshot_at_80x24.snap"),
    ] {
        let body = snapshot.splitn(3, "---\n").nth(2).unwrap().trim_end();
        assert!(readme.contains(body), "the README shows:\n{body}");
    }
}
