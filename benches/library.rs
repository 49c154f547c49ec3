//! A library made by code: 1,000 generated statements of about 10 KB (10 MB, about
//! 150,000 acts), read and analysed on all cores as `communique DIR --export json`
//! does, and the same with a query of statement terms and words.

use std::hint::black_box;
use std::path::PathBuf;

use communique::analysis::Lexicons;
use communique::document::Statement;
use communique::library::{self, LibraryQuery};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/generate.rs"]
mod generate;

const STATEMENTS: usize = 1000;

fn folder() -> (PathBuf, Vec<PathBuf>, u64) {
    let dir = std::env::temp_dir().join(format!("communique-bench-library-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = 0;
    for i in 0..STATEMENTS {
        let text = generate::of_size(10 << 10).replacen(
            "Joint statement of the partners",
            &format!(
                "Joint statement of the partners, number {i}\n\n{} March {}",
                1 + i % 28,
                1990 + i % 35
            ),
            1,
        );
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
    let files = library::discover(std::slice::from_ref(&dir));
    (dir, files, bytes)
}

fn indexing(c: &mut Criterion) {
    let (dir, files, bytes) = folder();
    let mut group = c.benchmark_group("library/1000x10kb");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    let open = |path: &std::path::Path| -> Result<Statement, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        Ok(Statement::parse(&text, "bench"))
    };
    group.bench_function("read_and_analyse", |b| {
        b.iter(|| {
            let mut acts = 0;
            library::for_each(&files, Lexicons::embedded(), open, |_, opened| {
                acts += opened.map_or(0, |(_, a)| a.commitments.len());
                Ok::<(), ()>(())
            })
            .unwrap();
            black_box(acts)
        })
    });
    let query = LibraryQuery::parse("date:2000..2010 korea").unwrap();
    group.bench_function("read_analyse_and_query", |b| {
        b.iter(|| {
            let mut chosen = 0;
            library::for_each(&files, Lexicons::embedded(), open, |_, opened| {
                if let Ok((s, a)) = opened {
                    chosen += query.apply(&s, &a).map_or(0, |a| a.commitments.len());
                }
                Ok::<(), ()>(())
            })
            .unwrap();
            black_box(chosen)
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(dir);
}

criterion_group!(benches, indexing);
criterion_main!(benches);
