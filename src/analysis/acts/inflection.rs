//! The forms a cue's pattern word stands for: "urge" is also urges, urged, urging;
//! "be" is also am, is, are, was, were, been; modals do not inflect.

const MODALS: &[&str] = &[
    "will", "shall", "must", "should", "can", "could", "may", "might", "would", "ought",
];

/// Every form of a word that the lexicon's pattern word stands for.
pub(super) fn forms(base: &str) -> Vec<String> {
    if MODALS.contains(&base) {
        return vec![base.to_string()];
    }
    let irregular: &[&str] = match base {
        "be" => &["am", "is", "are", "was", "were", "been", "being"],
        "have" => &["has", "had", "having"],
        "stand" => &["stood"],
        "seek" => &["sought"],
        "undertake" => &["undertook", "undertaken"],
        "pay" => &["paid"],
        "take" => &["took", "taken"],
        "make" => &["made"],
        _ => &[],
    };
    let mut out = vec![base.to_string()];
    out.extend(irregular.iter().map(|s| s.to_string()));
    if !base.chars().all(char::is_alphabetic) || base.len() < 2 {
        return out;
    }
    // Built with push_str, not format!: this runs a few thousand times at start-up.
    let joined = |stem: &str, tail: &[&str]| {
        let mut form = String::with_capacity(stem.len() + 4);
        form.push_str(stem);
        tail.iter().for_each(|t| form.push_str(t));
        form
    };
    out.extend(
        ["s", "es", "d", "ed", "ing"]
            .iter()
            .map(|suffix| joined(base, &[suffix])),
    );
    if let Some(stem) = base.strip_suffix('e') {
        out.push(joined(stem, &["ing"]));
    }
    if let Some(stem) = base.strip_suffix('y') {
        out.push(joined(stem, &["ies"]));
        out.push(joined(stem, &["ied"]));
    }
    let last = &base[base.len() - base.chars().last().map_or(0, char::len_utf8)..];
    out.push(joined(base, &[last, "ed"]));
    out.push(joined(base, &[last, "ing"]));
    out
}
