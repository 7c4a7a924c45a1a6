//! Make a synthetic archive for import benchmarks: `make-archive DIR COUNT [SEED] [PDF_PERCENT]`
#![forbid(unsafe_code)]

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(count)) = (args.get(1), args.get(2).and_then(|c| c.parse().ok())) else {
        eprintln!("usage: make-archive DIR COUNT [SEED] [PDF_PERCENT]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let pdf_percent = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0);
    match dagsorden_bench::generate_archive_with(
        std::path::Path::new(dir),
        count,
        seed,
        pdf_percent,
    ) {
        Ok(bytes) => println!("{count} documents, {bytes} bytes in {dir}"),
        Err(e) => {
            eprintln!("make-archive: {e}");
            std::process::exit(1);
        }
    }
}
