//! Bench inputs made by code: statements of any size, act-dense and varied enough that
//! queries match some acts and not others.

/// A statement of `acts` acts (three per paragraph) over a varied vocabulary, so
/// queries match some acts and not others.
pub fn generated(acts: usize) -> String {
    const PLACES: &[&str] = &[
        "North Korea",
        "the Red Sea",
        "Ukraine",
        "the Sahel",
        "Myanmar",
        "Haiti",
        "the South China Sea",
        "Sudan",
        "the Baltic",
        "Gaza",
        "Kosovo",
        "the Arctic",
    ];
    const OBJECTS: &[&str] = &[
        "the attack on civilian shipping",
        "the missile launches",
        "the abductions",
        "the blockade of humanitarian aid",
        "the cyber attacks on hospitals",
        "the seizure of the port",
        "the use of forced labour",
    ];
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % n
    };
    let mut out = String::from("Joint statement of the partners\n\n");
    for i in 0..acts.div_ceil(3) {
        let (a, b, c) = (next(PLACES.len()), next(PLACES.len()), next(OBJECTS.len()));
        out.push_str(&format!(
            "{}. We condemn {} in {}. We urge {} to release the crews held since {}. \
             We are committed to deepening our cooperation on {} in {}.\n\n",
            i + 1,
            OBJECTS[c],
            PLACES[a],
            PLACES[b],
            1990 + i % 30,
            OBJECTS[(c + 3) % OBJECTS.len()],
            PLACES[(a + 5) % PLACES.len()],
        ));
    }
    out
}

/// A generated statement of about `bytes` bytes.
#[allow(dead_code)]
pub fn of_size(bytes: usize) -> String {
    // About 67 bytes per act.
    generated(bytes / 67)
}

/// A later version of a generated statement, as a series changes: every 10th
/// paragraph dropped, every 7th condemnation "strongly", every 13th paragraph moved
/// two places down, and a new paragraph after every 11th.
#[allow(dead_code)]
pub fn revised(text: &str) -> String {
    let mut paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    for k in (13..paragraphs.len().saturating_sub(2)).step_by(13) {
        paragraphs.swap(k, k + 2);
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    for (k, p) in paragraphs.into_iter().enumerate() {
        if k > 0 && k % 10 == 0 {
            continue;
        }
        let p = if k % 7 == 0 {
            p.replacen("We condemn", "We strongly condemn", 1)
        } else {
            p
        };
        out.push(p);
        if k > 0 && k % 11 == 0 {
            out.push(format!(
                "We condemn the new strikes on the grain terminal number {k} and demand \
                 that those responsible be held to account."
            ));
        }
    }
    out.join("\n\n")
}
