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
