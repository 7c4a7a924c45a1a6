//! Runs → lines: runs grouped by baseline in reading order, spaces from gaps, blank
//! lines from paragraph spacing, and the style evidence (size relative to the body
//! text, bold) that the builder reads as heading hints.

use crate::interpret::Run;

/// One line of a page, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfLine {
    /// The text; a tab marks a wide gap (a TOC's page number column, a margin marker).
    pub text: String,
    /// 1-based page.
    pub page: u32,
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// Every run with letters or digits is bold.
    pub bold: bool,
    /// A paragraph gap comes before this line.
    pub gap_before: bool,
}

/// Gap (in em) between runs above which a space is inserted.
const SPACE_GAP: f32 = 0.18;
/// Gap (in em) above which the gap is a column gap (tab).
const WIDE_GAP: f32 = 2.0;

/// Lay out one page's runs.
pub fn page_lines(mut runs: Vec<Run>, page: u32) -> Vec<PdfLine> {
    runs.retain(|r| {
        !r.text.trim().is_empty() && r.size > 0.0 && r.x.is_finite() && r.y.is_finite()
    });
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    // Each line with its largest size so far, kept as runs join it: taken from the
    // runs at every join, a line of thousands of runs (text drawn glyph by glyph on one
    // baseline) made the page quadratic.
    let mut groups: Vec<(Vec<Run>, f32)> = Vec::new();
    for run in runs {
        match groups.last_mut() {
            Some((line, largest)) if same_baseline(line, *largest, &run) => {
                *largest = largest.max(run.size);
                line.push(run);
            }
            _ => {
                let size = run.size;
                groups.push((vec![run], size));
            }
        }
    }
    groups
        .into_iter()
        .map(|(g, _)| join_line(g, page))
        .collect()
}

/// Whether `run` stands on the baseline of `line`, whose largest size is `largest`.
fn same_baseline(line: &[Run], largest: f32, run: &Run) -> bool {
    let Some(first) = line.first() else {
        return false;
    };
    (first.y - run.y).abs() <= 0.4 * largest.max(run.size)
}

fn join_line(mut runs: Vec<Run>, page: u32) -> PdfLine {
    runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let size = runs.iter().map(|r| r.size).fold(0.0, f32::max);
    let bold = runs
        .iter()
        .filter(|r| r.text.chars().any(char::is_alphanumeric))
        .all(|r| r.bold);
    let x = runs.first().map_or(0.0, |r| r.x);
    let y = runs.first().map_or(0.0, |r| r.y);
    let mut text = String::new();
    let mut previous: Option<&Run> = None;
    for run in &runs {
        if let Some(prev) = previous {
            // Fake bold draws the same text twice, slightly shifted.
            if prev.text == run.text && (run.x - prev.x).abs() < 0.2 * run.size {
                continue;
            }
            let gap = (run.x - prev.x_end) / run.size.max(1.0);
            let spaced = text.ends_with(' ') || run.text.starts_with(' ');
            if gap > WIDE_GAP {
                text.push('\t');
            } else if gap > SPACE_GAP && !spaced {
                text.push(' ');
            }
        }
        text.push_str(&run.text);
        previous = Some(run);
    }
    PdfLine {
        text,
        page,
        x,
        y,
        size,
        bold,
        gap_before: false,
    }
}

/// A line whose distance from the line above is well over the document's usual line
/// spacing starts a new paragraph. The usual spacing is taken over the whole document:
/// one page may hold more list or heading gaps than ordinary lines.
pub fn mark_paragraph_gaps(lines: &mut [PdfLine]) {
    let gap = |above: &PdfLine, below: &PdfLine| (above.y - below.y) / below.size.max(1.0);
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter(|w| w[0].page == w[1].page)
        .map(|w| gap(&w[0], &w[1]))
        .filter(|g| *g > 0.5 && *g < 3.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let usual = gaps.get(gaps.len() / 5).copied().unwrap_or(1.2);
    for i in 1..lines.len() {
        lines[i].gap_before =
            lines[i].page == lines[i - 1].page && gap(&lines[i - 1], &lines[i]) > usual * 1.3;
    }
    // Paragraphs set without extra spacing but with a first-line indent: a line indented
    // from the one above, followed by one back at that margin (a hanging indent of a
    // list item continues indented, and is not taken for this).
    for i in 1..lines.len().saturating_sub(1) {
        let (above, line, below) = (&lines[i - 1], &lines[i], &lines[i + 1]);
        let em = line.size.max(1.0);
        let same_page = above.page == line.page && line.page == below.page;
        let indented = line.x > above.x + 0.8 * em && line.x < above.x + 6.0 * em;
        let back_at_margin = (below.x - above.x).abs() < 0.3 * em;
        // After a list item's first line, an indented line is the item's own
        // continuation.
        if same_page
            && indented
            && back_at_margin
            && !opens_list_item(&line.text)
            && !opens_list_item(&above.text)
        {
            lines[i].gap_before = true;
        }
    }
}

/// A line that opens a list item, whose wrapped lines hang indented under its text: a
/// bullet, a number or letter ("1)", "2.", "a)"), or a recommendation's "at".
fn opens_list_item(text: &str) -> bool {
    // (The Symbol and Wingdings bullets without a Unicode map come as private-use code
    // points: U+F0B7, U+F0A7, U+F0D8.)
    if text.starts_with(['•', '-', '–', '*', '\u{f0b7}', '\u{f0a7}', '\u{f0d8}'])
        || text.starts_with("at ")
    {
        return true;
    }
    let marker = text.split(' ').next().unwrap_or_default();
    let label = marker.trim_end_matches([')', '.']);
    marker.len() > label.len()
        && (1..=3).contains(&label.len())
        && (label.bytes().all(|b| b.is_ascii_digit())
            || (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase())))
}

/// The body text size: the size carrying the most characters.
pub fn body_size(lines: &[PdfLine]) -> f32 {
    // Sizes in the order first seen (a tie goes to the size seen last), found by their
    // bits: a document of many sizes (scaled or rotated text) is not searched through
    // its sizes at every line. Sizes are positive and finite, so equal bits are equal
    // sizes.
    let mut by_size: Vec<(f32, usize)> = Vec::new();
    let mut index: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for line in lines {
        let rounded = (line.size * 2.0).round() / 2.0;
        let chars = line.text.chars().count();
        let at = *index.entry(rounded.to_bits()).or_insert_with(|| {
            by_size.push((rounded, 0));
            by_size.len() - 1
        });
        by_size[at].1 += chars;
    }
    by_size
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or(10.0, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, x_end: f32, y: f32, text: &str) -> Run {
        Run {
            x,
            x_end,
            y,
            size: 10.0,
            bold: false,
            text: text.into(),
        }
    }

    #[test]
    fn groups_by_baseline_and_spaces_from_gaps() {
        let lines = page_lines(
            vec![
                run(100.0, 130.0, 700.0, "Dato:"),
                run(133.0, 180.0, 700.5, "15-01-2021"),
                run(100.0, 150.0, 686.0, "Erhvervs"),
                run(150.2, 170.0, 686.0, "hus"),
                run(400.0, 410.0, 700.0, "3"),
            ],
            1,
        );
        assert_eq!(lines[0].text, "Dato: 15-01-2021\t3");
        assert_eq!(lines[1].text, "Erhvervshus");
    }

    #[test]
    fn first_line_indent_starts_a_paragraph_but_hanging_indent_does_not() {
        let mut lines = page_lines(
            vec![
                run(100.0, 400.0, 700.0, "Første afsnit slutter her."),
                run(120.0, 400.0, 688.0, "Andet afsnit begynder med et indryk"),
                run(100.0, 400.0, 676.0, "og fortsætter ved margenen."),
                run(100.0, 400.0, 664.0, "• et punkt der er langt"),
                run(110.0, 400.0, 652.0, "og fortsætter med hængende indryk"),
                run(110.0, 400.0, 640.0, "over flere linjer."),
                run(100.0, 400.0, 628.0, "• kort punkt med en lang tekst,"),
                run(112.0, 400.0, 616.0, "der fortsætter her,"),
                run(100.0, 400.0, 604.0, "• og et punkt til."),
            ],
            1,
        );
        mark_paragraph_gaps(&mut lines);
        let gaps: Vec<bool> = lines.iter().map(|l| l.gap_before).collect();
        assert_eq!(
            gaps,
            [false, true, false, false, false, false, false, false, false]
        );
    }

    #[test]
    fn numbered_and_recommendation_items_hang_their_wrapped_lines() {
        let mut lines = page_lines(
            vec![
                run(
                    100.0,
                    400.0,
                    700.0,
                    "at forslaget sendes i høring i perioden 15. november - 10. januar",
                ),
                run(117.0, 400.0, 688.0, "2014, og"),
                run(100.0, 400.0, 676.0, "at sagen genoptages efter høringen."),
                run(
                    100.0,
                    400.0,
                    664.0,
                    "1) Administrationen udarbejder en plan for trafik og parkering i",
                ),
                run(115.0, 400.0, 652.0, "byggeperioden."),
                run(100.0, 400.0, 640.0, "2) Der afsættes 1,5 mio. kr."),
                run(100.0, 400.0, 628.0, "Et afsnit der slutter her."),
                run(120.0, 400.0, 616.0, "Et nyt afsnit med indryk"),
                run(100.0, 400.0, 604.0, "fortsætter ved margenen."),
            ],
            1,
        );
        mark_paragraph_gaps(&mut lines);
        let gaps: Vec<bool> = lines.iter().map(|l| l.gap_before).collect();
        assert_eq!(
            gaps,
            [false, false, false, false, false, false, false, true, false]
        );
    }

    #[test]
    fn list_markers() {
        for opens in [
            "• punkt",
            "\u{f0b7} punkt",
            "at der gives",
            "1) plan",
            "12. punkt",
            "a) første",
        ] {
            assert!(opens_list_item(opens), "{opens}");
        }
        for text in [
            "Administrationen",
            "2014, og",
            "1.000 kr.",
            "Ab) x",
            "attest",
        ] {
            assert!(!opens_list_item(text), "{text}");
        }
    }

    proptest::proptest! {
        /// Lines grouped with the largest size kept as runs join are the lines grouped
        /// by looking at every run of the line at each join, on runs of mixed sizes
        /// near a few baselines (the margin is a share of the size).
        #[test]
        fn largest_size_kept_groups_as_looking_at_every_run(
            runs in proptest::collection::vec(
                (0u8..3, -4.0f32..4.0, proptest::sample::select(vec![6.0f32, 10.0, 14.0, 24.0]), 0.0f32..500.0),
                0..40,
            )
        ) {
            let runs: Vec<Run> = runs
                .iter()
                .enumerate()
                .map(|(i, &(baseline, jitter, size, x))| Run {
                    x,
                    x_end: x + 20.0,
                    y: 700.0 - 14.0 * f32::from(baseline) + jitter,
                    size,
                    bold: false,
                    text: format!("w{i}"),
                })
                .collect();
            let mut sorted = runs.clone();
            sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
            let mut by_every_run: Vec<Vec<Run>> = Vec::new();
            for run in sorted {
                let joins = by_every_run.last().is_some_and(|line| {
                    let size = line.iter().map(|r| r.size).fold(run.size, f32::max);
                    (line[0].y - run.y).abs() <= 0.4 * size
                });
                match by_every_run.last_mut() {
                    Some(line) if joins => line.push(run),
                    _ => by_every_run.push(vec![run]),
                }
            }
            let expected: Vec<PdfLine> = by_every_run.into_iter().map(|g| join_line(g, 1)).collect();
            proptest::prop_assert_eq!(page_lines(runs, 1), expected);
        }
    }

    fn line_of_size(size: f32, text: &str) -> PdfLine {
        PdfLine {
            text: text.into(),
            page: 1,
            x: 0.0,
            y: 0.0,
            size,
            bold: false,
            gap_before: false,
        }
    }

    proptest::proptest! {
        /// The body size is the one a search through the sizes at every line finds,
        /// ties included, on lines of a few sizes near each other.
        #[test]
        fn body_size_is_the_size_with_most_characters(
            lines in proptest::collection::vec((8.0f32..13.0, 0usize..6), 0..30)
        ) {
            let lines: Vec<PdfLine> =
                lines.iter().map(|&(size, n)| line_of_size(size, &"x".repeat(n))).collect();
            let mut by_search: Vec<(f32, usize)> = Vec::new();
            for line in &lines {
                let rounded = (line.size * 2.0).round() / 2.0;
                match by_search.iter_mut().find(|(s, _)| *s == rounded) {
                    Some((_, n)) => *n += line.text.len(),
                    None => by_search.push((rounded, line.text.len())),
                }
            }
            let expected = by_search.into_iter().max_by_key(|(_, n)| *n).map_or(10.0, |(s, _)| s);
            proptest::prop_assert_eq!(body_size(&lines), expected);
        }
    }

    #[test]
    fn paragraph_gaps() {
        let mut lines = page_lines(
            vec![
                run(100.0, 200.0, 700.0, "a"),
                run(100.0, 200.0, 688.0, "b"),
                run(100.0, 200.0, 676.0, "c"),
                run(100.0, 200.0, 652.0, "d"),
                run(100.0, 200.0, 640.0, "e"),
            ],
            1,
        );
        mark_paragraph_gaps(&mut lines);
        let gaps: Vec<bool> = lines.iter().map(|l| l.gap_before).collect();
        assert_eq!(gaps, [false, false, false, true, false]);
    }
}
