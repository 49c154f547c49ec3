//! A library made by code, in the shapes statements come in: joint statements with
//! numbered paragraphs, communiqués with headings, Markdown archive copies with front
//! matter, and resolutions with preambular and operative paragraphs; two or three
//! parties each from a pool, dated 1990–2025, from 3 KB to 30 KB (about 11 KB and 170
//! acts on average, so 10,000 statements are about 110 MB and 1.7 million acts).

use std::path::{Path, PathBuf};

const PARTIES: &[&str] = &[
    "Japan",
    "Norway",
    "Chile",
    "Kenya",
    "Canada",
    "the European Union",
    "Australia",
    "India",
    "Brazil",
    "Germany",
    "France",
    "the Republic of Korea",
    "Indonesia",
    "South Africa",
    "Mexico",
    "the United Kingdom",
];

const SUBJECTS: &[&str] = &[
    "the attack on civilian shipping in the Red Sea",
    "the missile launches over the Sea of Japan",
    "the nuclear and ballistic missile programmes of the DPRK",
    "the blockade of humanitarian aid to Sudan",
    "the cyber attacks on hospitals",
    "the detention of journalists",
    "the seizure of the grain terminal",
    "the use of forced labour in fishing fleets",
    "the violence against peacekeepers in the Sahel",
    "the destruction of cultural heritage",
    "the flooding of the delta",
];

const TOPICS: &[&str] = &[
    "maritime security",
    "climate and energy",
    "trade and investment",
    "health security",
    "space cooperation",
    "critical minerals",
];

/// A small deterministic generator, so every run builds the same library.
struct Draw(u64);

impl Draw {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }
}

/// One paragraph of about three acts in the voice of `voice` ("We", "The Council").
fn paragraph(draw: &mut Draw, voice: &str, third_person: bool) -> String {
    let s = |d: &mut Draw| SUBJECTS[d.next(SUBJECTS.len())];
    let t = |d: &mut Draw| TOPICS[d.next(TOPICS.len())];
    let (condemn, urge, commit, welcome) = if third_person {
        ("condemns", "urges", "commits", "welcomes")
    } else {
        ("condemn", "urge", "commit", "welcome")
    };
    match draw.next(4) {
        0 => format!(
            "{voice} strongly {condemn} {} and {urge} all parties to respect international law.",
            s(draw)
        ),
        1 => format!(
            "{voice} {commit} to deepen cooperation on {} and to report on progress by the end of the year. {voice} {welcome} the work of the joint commission on {}.",
            t(draw),
            t(draw)
        ),
        2 => format!(
            "{voice} {} concern about {} and call for an independent investigation.",
            if third_person { "expresses" } else { "express" },
            s(draw)
        ),
        _ => format!(
            "{voice} {} our commitment to {} and {condemn} {}.",
            if third_person {
                "reaffirms"
            } else {
                "reaffirm"
            },
            t(draw),
            s(draw)
        ),
    }
}

/// Statement `i` of the library: its file name and text.
pub fn statement(i: usize) -> (String, String) {
    let mut draw = Draw(i as u64 * 7919 + 17);
    let count = 2 + draw.next(2);
    let mut parties: Vec<&str> = Vec::new();
    while parties.len() < count {
        let p = PARTIES[draw.next(PARTIES.len())];
        if !parties.contains(&p) {
            parties.push(p);
        }
    }
    let named = match parties.as_slice() {
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        _ => unreachable!(),
    };
    let (year, month, day) = (1990 + draw.next(36), 1 + draw.next(12), 1 + draw.next(28));
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let date = format!("{day} {} {year}", MONTHS[month - 1]);
    // 3 KB to 17 KB, most near 10 KB, and one in twenty a long one of 30 KB.
    let target = if draw.next(20) == 0 {
        30_000
    } else {
        3_000 + draw.next(4_667) + draw.next(4_667) + draw.next(4_667)
    };
    let shape = i % 4;
    let mut text = String::new();
    let third = shape == 3;
    match shape {
        0 => text.push_str(&format!("Joint Statement of {named}\n\nTokyo, {date}\n\n")),
        1 => text.push_str(&format!(
            "Joint Communiqué of {named} on {}\n\n{date}\n\n",
            TOPICS[draw.next(TOPICS.len())]
        )),
        2 => text.push_str(&format!(
            "---\ntitle: \"{named} Joint Declaration\"\ndate: {year}-{month:02}-{day:02}\n---\n\n# {named} Joint Declaration\n\n"
        )),
        _ => text.push_str(&format!(
            "Resolution {} ({year})\n\nAdopted by the Security Council on {date}\n\nThe Security Council,\n\nRecalling its previous resolutions,\n\n",
            100 + i
        )),
    }
    let mut k = 0;
    while text.len() < target {
        k += 1;
        if shape == 1 && k % 6 == 1 {
            text.push_str(&format!(
                "{}\n\n",
                TOPICS[draw.next(TOPICS.len())].to_uppercase()
            ));
        }
        let voice = if third { "The Council" } else { "We" };
        let body = paragraph(&mut draw, voice, third);
        if shape == 0 || shape == 3 {
            text.push_str(&format!("{k}. {body}\n\n"));
        } else {
            text.push_str(&format!("{body}\n\n"));
        }
    }
    let extension = if shape == 2 { "md" } else { "txt" };
    (format!("{i:05}.{extension}"), text)
}

/// Writes statements `0..count` into `dir` (in folders of 500, as archives are kept);
/// returns the files and their bytes.
pub fn write(dir: &Path, count: usize) -> (Vec<PathBuf>, u64) {
    let mut files = Vec::with_capacity(count);
    let mut bytes = 0;
    for i in 0..count {
        let folder = dir.join(format!("{:03}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&folder).unwrap();
        }
        let (name, text) = statement(i);
        bytes += text.len() as u64;
        let path = folder.join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    files.sort();
    (files, bytes)
}
