//! Parse and analysis speed.
//!
//! - `analyze/shipped`: parse + analyse the shipped statement (target: under 100 µs).
//! - `extract/corpus`: parse + analyse a few MB of generated statement-like text,
//!   reported as throughput (target: at least 20 MB/s on one core).

use std::hint::black_box;

use communique::analysis::{Lexicons, analyse};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn shipped(c: &mut Criterion) {
    let lexicons = Lexicons::embedded();
    c.bench_function("analyze/shipped", |b| {
        b.iter(|| {
            let statement = Statement::parse(black_box(EMBEDDED_STATEMENT), "shipped");
            black_box(analyse(&statement, lexicons))
        })
    });
}

/// A deterministic generator of statement-like prose: subjects, cues, objects and
/// background sentences recombined, paragraphs of four to seven sentences.
fn corpus(bytes: usize) -> String {
    const SUBJECTS: &[&str] = &[
        "We",
        "We also",
        "The two leaders",
        "Both sides",
        "Ruritania",
        "The Allies",
        "We strongly",
    ];
    const CUES: &[&str] = &[
        "condemn",
        "urge Freedonia to",
        "call on all member states to",
        "are committed to",
        "reaffirm our support for",
        "express serious concern about",
        "welcome",
        "will continue to support",
        "strongly oppose",
        "remain committed to",
    ];
    const OBJECTS: &[&str] = &[
        "the missile launches in flagrant violation of the resolutions",
        "implement fully the relevant Security Council resolutions",
        "a rules-based maritime order and freedom of navigation",
        "deepening our political dialogue and practical cooperation in cyber defence",
        "the situation in the East and South China Seas",
        "the progress of the partnership programme, including the liaison office",
        "women, peace and security in all peace missions",
    ];
    const BACKGROUND: &[&str] = &[
        "The security environment is more complex than at any time since the end of the Cold War.",
        "These include maritime security, cyber defence and non-proliferation.",
        "This will allow us to work more effectively together with the international community.",
        "Disputes should be settled peacefully in accordance with international law.",
        "We discussed how we can intensify our cooperation on emerging technologies.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut text = String::from(
        "Joint statement\n\nissued on the occasion of the meeting between H.E. Ms B. Sample, Prime Minister of Ruritania, and H.E. Mr C. Other, President of Freedonia\n\n",
    );
    while text.len() < bytes {
        let sentences = 4 + next(4);
        for k in 0..sentences {
            if k > 0 {
                text.push(' ');
            }
            if next(3) == 0 {
                text.push_str(BACKGROUND[next(BACKGROUND.len())]);
            } else {
                text.push_str(&format!(
                    "{} {} {}.",
                    SUBJECTS[next(SUBJECTS.len())],
                    CUES[next(CUES.len())],
                    OBJECTS[next(OBJECTS.len())]
                ));
            }
        }
        text.push_str("\n\n");
    }
    text
}

fn throughput(c: &mut Criterion) {
    let text = corpus(4 * 1024 * 1024);
    let lexicons = Lexicons::embedded();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("corpus", |b| {
        b.iter(|| {
            let statement = Statement::parse(black_box(&text), "corpus");
            black_box(analyse(&statement, lexicons).commitments.len())
        })
    });
    group.finish();
}

criterion_group!(benches, shipped, throughput);
criterion_main!(benches);
