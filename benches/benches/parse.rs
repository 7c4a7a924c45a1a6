//! Criterion benches: text parsing throughput (MB/s) on every text fixture and on one
//! concatenated corpus, and PDF pages per second on every PDF fixture.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn fixtures(dir: &str, ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

fn text(c: &mut Criterion) {
    let mut group = c.benchmark_group("text");
    let mut corpus = Vec::new();
    for path in fixtures("fixtures/text", "txt") {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        corpus.extend_from_slice(&bytes);
        corpus.extend_from_slice(b"\n\x0c\n");
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| dagsorden::parse_bytes(std::hint::black_box(&bytes)))
        });
    }
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.bench_function("all-fixtures-concatenated", |b| {
        b.iter(|| dagsorden::parse_bytes(std::hint::black_box(&corpus)))
    });
    group.finish();
}

fn pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(20);
    for path in fixtures("fixtures/pdf", "pdf") {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(agenda) = dagsorden_pdf::parse_pdf(&bytes) else {
            continue;
        };
        let pages = agenda.source.pages.unwrap_or(1);
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        group.throughput(Throughput::Elements(u64::from(pages)));
        group.bench_function(name, |b| {
            b.iter(|| dagsorden_pdf::parse_pdf(std::hint::black_box(&bytes)))
        });
    }
    group.finish();
}

criterion_group!(benches, text, pdf);
criterion_main!(benches);
