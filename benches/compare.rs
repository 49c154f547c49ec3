//! Comparing two versions of a generated 100 KB statement (see `revised`): the
//! comparison alone, and with both statements parsed and analysed first, as
//! `communique compare` does.

use std::hint::black_box;

use communique::analysis::{Lexicons, analyse};
use communique::compare::{Side, compare};
use communique::document::Statement;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/generate.rs"]
mod generate;

fn comparing(c: &mut Criterion) {
    let old_text = generate::of_size(100 << 10);
    let new_text = generate::revised(&old_text);
    let mut group = c.benchmark_group("compare/100kb");
    group.throughput(Throughput::Bytes((old_text.len() + new_text.len()) as u64));
    let old = Statement::parse(&old_text, "old");
    let new = Statement::parse(&new_text, "new");
    let (old_analysis, new_analysis) = (
        analyse(&old, Lexicons::embedded()),
        analyse(&new, Lexicons::embedded()),
    );
    let sides = || {
        (
            Side {
                statement: &old,
                analysis: &old_analysis,
            },
            Side {
                statement: &new,
                analysis: &new_analysis,
            },
        )
    };
    group.bench_function("compare", |b| {
        b.iter(|| {
            let (a, b) = sides();
            black_box(compare(a, b).acts.len())
        })
    });
    group.bench_function("parse_analyse_compare", |b| {
        b.iter(|| {
            let old = Statement::parse(black_box(&old_text), "old");
            let new = Statement::parse(black_box(&new_text), "new");
            let oa = analyse(&old, Lexicons::embedded());
            let na = analyse(&new, Lexicons::embedded());
            let c = compare(
                Side {
                    statement: &old,
                    analysis: &oa,
                },
                Side {
                    statement: &new,
                    analysis: &na,
                },
            );
            black_box(c.acts.len())
        })
    });
    group.finish();
}

criterion_group!(benches, comparing);
criterion_main!(benches);
