//! Criterion benches: text parsing throughput (MB/s) on every text fixture, on one
//! concatenated corpus and on a 5 MB agenda of the seed's shape; scaling with document
//! size (1 KB to 50 MB, in two agenda shapes: the throughput must stay flat for the time
//! to be linear); the pathological inputs at half and full size;
//! and PDF pages per second on every PDF fixture, and a pathological PDF page at two sizes.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dagsorden_bench::pathological;
use dagsorden_bench::seed_shaped::seed_shaped_agenda;

// The allocator the `dagsorden` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let agenda = seed_shaped_agenda(5_000_000);
    bench_text(&mut group, "seed-shaped-agenda-5MB", &agenda.text);
    group.finish();
}

fn bench_text(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    text: &str,
) {
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| dagsorden::parse_bytes(std::hint::black_box(text.as_bytes())))
    });
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for (name, bytes) in [
        ("1KB", 1_000),
        ("10KB", 10_000),
        ("100KB", 100_000),
        ("1MB", 1_000_000),
        ("10MB", 10_000_000),
        ("50MB", 50_000_000),
    ] {
        bench_text(&mut group, name, &pathological::agenda_of_size(bytes));
    }
    // The seed's shape: longer paragraphs, a section of each kind, a TOC of every item.
    for (name, bytes) in [
        ("seed-shaped-100KB", 100_000),
        ("seed-shaped-1MB", 1_000_000),
        ("seed-shaped-10MB", 10_000_000),
        ("seed-shaped-50MB", 50_000_000),
    ] {
        bench_text(&mut group, name, &seed_shaped_agenda(bytes).text);
    }
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let inputs = [
        ("items-50000", pathological::many_items(50_000)),
        ("items-100000", pathological::many_items(100_000)),
        ("line-500KB", pathological::long_line(500_000)),
        ("line-1MB", pathological::long_line(1_000_000)),
        ("brackets-line-500KB", pathological::brackets_line(500_000)),
        ("brackets-line-1MB", pathological::brackets_line(1_000_000)),
        ("number-5000-deep", pathological::deep_number(5_000)),
        ("number-10000-deep", pathological::deep_number(10_000)),
        ("chain-1000-levels", pathological::nesting_chain(1_000)),
        ("chain-2000-levels", pathological::nesting_chain(2_000)),
        ("toc-50000-lines", pathological::toc_only(50_000)),
        ("toc-100000-lines", pathological::toc_only(100_000)),
        (
            "toc-without-pages-50000-lines",
            pathological::toc_without_pages(50_000),
        ),
        (
            "toc-without-pages-100000-lines",
            pathological::toc_without_pages(100_000),
        ),
        ("clauses-10000", pathological::many_clauses(10_000)),
        ("clauses-20000", pathological::many_clauses(20_000)),
        (
            "numbered-header-50000-lines",
            pathological::numbered_header_lines(50_000),
        ),
        (
            "numbered-header-100000-lines",
            pathological::numbered_header_lines(100_000),
        ),
        (
            "toc-group-headings-50000",
            pathological::toc_group_headings(50_000),
        ),
        (
            "toc-group-headings-100000",
            pathological::toc_group_headings(100_000),
        ),
    ];
    for (name, text) in &inputs {
        bench_text(&mut group, name, text);
    }
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

/// A page drawn a word at a time on one baseline, a page of lines each in a size of
/// its own, and pages sharing one large resource dictionary, each at two sizes: the
/// time must double with the runs, lines or pages, not quadruple.
fn pdf_pathological(c: &mut Criterion) {
    use dagsorden_bench::pdf_writer::{many_sizes_pdf, one_baseline_pdf, shared_resources_pdf};
    let mut group = c.benchmark_group("pdf-pathological");
    group.sample_size(20);
    let inputs = [
        (
            "one-baseline",
            "runs",
            10_000,
            one_baseline_pdf as fn(usize) -> Vec<u8>,
        ),
        ("one-baseline", "runs", 20_000, one_baseline_pdf),
        ("many-sizes", "lines", 10_000, many_sizes_pdf),
        ("many-sizes", "lines", 20_000, many_sizes_pdf),
        ("shared-resources", "pages", 2_000, shared_resources_pdf),
        ("shared-resources", "pages", 4_000, shared_resources_pdf),
    ];
    for (shape, unit, count, make) in inputs {
        let bytes = make(count);
        // Runs or lines per second: the content stream is compressed, its bytes say little.
        group.throughput(Throughput::Elements(count as u64));
        group.bench_function(format!("{shape}-{count}-{unit}"), |b| {
            b.iter(|| dagsorden_pdf::parse_pdf(std::hint::black_box(&bytes)))
        });
    }
    group.finish();
}

criterion_group!(benches, text, scaling, pathological, pdf, pdf_pathological);
criterion_main!(benches);
