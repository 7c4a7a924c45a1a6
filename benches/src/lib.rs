//! Shared by the benches, the timing tool and the import tests: a synthetic archive
//! generator that varies the text fixtures (organisation, dates, numbering, titles) so
//! that thousands of distinct documents of realistic shape can be made on the spot.
#![forbid(unsafe_code)]

pub mod pathological;
pub mod pdf_writer;
pub mod seed_shaped;

use std::io;
use std::path::{Path, PathBuf};

/// The text fixtures the archive is varied from.
pub fn text_fixtures() -> io::Result<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/text");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    // Legacy-encoded fixtures are read as bytes and kept as they are below.
    Ok(paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect())
}

const REGIONS: &[&str] = &[
    "NORDJYLLAND",
    "MIDTJYLLAND",
    "SYDDANMARK",
    "SJÆLLAND",
    "HOVEDSTADEN",
];
const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const TOPICS: &[&str] = &[
    "beskæftigelse",
    "erhvervsfremme",
    "sundhedsaftale",
    "praksisplan",
    "klimaplan",
    "uddannelse",
    "rammeaftale",
    "udpegning",
    "infrastruktur",
    "budget",
];

/// A small deterministic generator (so every run makes the same archive).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Write `count` documents under `dir` (in subfolders of 500), varied from the text
/// fixtures; returns the total bytes written.
pub fn generate_archive(dir: &Path, count: usize, seed: u64) -> io::Result<u64> {
    generate_archive_with(dir, count, seed, 0)
}

/// [`generate_archive`], with `pdf_percent` of the documents written as PDFs (laid out
/// by [`pdf_writer::text_to_pdf`]), like the archives people bring: mostly PDFs.
pub fn generate_archive_with(
    dir: &Path,
    count: usize,
    seed: u64,
    pdf_percent: usize,
) -> io::Result<u64> {
    let fixtures = text_fixtures()?;
    let mut rng = Lcg(seed);
    let mut total = 0u64;
    for n in 0..count {
        let base = &fixtures[rng.next(fixtures.len())];
        let region = REGIONS[rng.next(REGIONS.len())];
        let year = 2007 + rng.next(18);
        let day = 1 + rng.next(28);
        let month = 1 + rng.next(12);
        let topic = TOPICS[rng.next(TOPICS.len())];
        let mut text = String::with_capacity(base.len() + 64);
        for line in base.lines() {
            let line = line
                .replace("NORDJYLLAND", region)
                .replace("SYDDANMARK", region)
                .replace("MIDTJYLLAND", region)
                .replace("2021", &year.to_string())
                .replace("15-01-", &format!("{day:02}-{month:02}-"))
                .replace(" januar ", &format!(" {} ", MONTHS[month - 1]));
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str(&format!(
            "\nNotat {n}: sagen om {topic} følges op på næste møde.\n"
        ));
        let folder = dir.join(format!("{:03}", n / 500));
        std::fs::create_dir_all(&folder)?;
        if rng.next(100) < pdf_percent {
            let pdf = pdf_writer::text_to_pdf(&text);
            std::fs::write(folder.join(format!("dokument-{n:06}.pdf")), &pdf)?;
            total += pdf.len() as u64;
        } else {
            std::fs::write(folder.join(format!("dokument-{n:06}.txt")), &text)?;
            total += text.len() as u64;
        }
    }
    Ok(total)
}
