//! Runs → lines: runs grouped by baseline in reading order, spaces from gaps, blank
//! lines from paragraph spacing, and the style evidence (size relative to the body
//! text, bold) that the builder reads as heading hints.

use crate::interpret::Run;
use crate::marks::Shape;

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
    /// The first line of a table cell read down its column after the cells to its left
    /// (see `cells_down_their_columns`): a paragraph starts here whatever the spacing.
    pub starts_cell: bool,
}

/// Gap (in em) between runs above which a space is inserted.
const SPACE_GAP: f32 = 0.18;
/// Gap (in em) above which the gap is a column gap (tab).
const WIDE_GAP: f32 = 2.0;

/// Lay out one page's runs, with the page's filled boxes: a sidebar's lines (a box of
/// its own beside the page's other text: the meeting's data beside the TOC) are read
/// apart, where the box's top stands, not run into the lines beside them.
pub fn page_lines_with_boxes(runs: Vec<Run>, boxes: &[Shape], page: u32) -> Vec<PdfLine> {
    let Some(sidebar) = sidebar(&runs, boxes) else {
        return page_lines(runs, page);
    };
    let (inside, outside): (Vec<Run>, Vec<Run>) = runs.into_iter().partition(|r| sidebar.holds(r));
    let beside = page_lines(outside, page);
    // The sidebar's lines go where its top is in the page's reading order.
    let at = beside
        .iter()
        .position(|line| line.y < sidebar.y_end)
        .unwrap_or(beside.len());
    let mut lines = beside;
    let sidebar_lines = page_lines(inside, page);
    lines.splice(at..at, sidebar_lines);
    lines
}

/// The most text a sidebar's box spans of the page's, as a share.
const MAX_SIDEBAR_SHARE: f32 = 0.45;
/// The fewest lines inside a sidebar, and beside it.
const MIN_SIDEBAR_LINES: usize = 3;

/// A box that holds text of its own beside other text of the page: narrow against the
/// page's text, with runs inside it and runs beside it on the same heights.
fn sidebar(runs: &[Run], boxes: &[Shape]) -> Option<Shape> {
    let left = runs.iter().map(|r| r.x).fold(f32::INFINITY, f32::min);
    let right = runs
        .iter()
        .map(|r| r.x_end)
        .fold(f32::NEG_INFINITY, f32::max);
    let text_width = right - left;
    if !text_width.is_finite() || text_width <= 0.0 {
        return None;
    }
    boxes.iter().copied().find(|b| {
        if b.width() > MAX_SIDEBAR_SHARE * text_width {
            return false;
        }
        let inside = baselines(runs.iter().filter(|r| b.holds(r)));
        let beside = baselines(
            runs.iter()
                .filter(|r| r.y >= b.y && r.y <= b.y_end && (r.x >= b.x_end || r.x_end <= b.x)),
        );
        inside >= MIN_SIDEBAR_LINES && beside >= MIN_SIDEBAR_LINES
    })
}

/// How many baselines `runs` stand on (a point apart or more).
fn baselines<'r>(runs: impl Iterator<Item = &'r Run>) -> usize {
    let mut ys: Vec<f32> = runs.map(|r| r.y).collect();
    ys.sort_by(f32::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    ys.len()
}

/// Lay out one page's runs.
pub fn page_lines(runs: Vec<Run>, page: u32) -> Vec<PdfLine> {
    let mut out = Vec::new();
    for part in text_columns(baseline_groups(runs)) {
        out.extend(
            cells_down_their_columns(part)
                .into_iter()
                .map(|(g, starts_cell)| PdfLine {
                    starts_cell,
                    ..join_line(g, page)
                }),
        );
    }
    out
}

/// The narrowest gutter (in points) between two text columns.
const MIN_GUTTER: f32 = 6.0;
/// The widest stretch of text looked at for columns, in points (a PDF page is at most
/// 14,400 wide): the coverage counted point by point stays small.
const MAX_TEXT_WIDTH: f32 = 15_000.0;
/// How many lines each of two text columns holds at least.
const MIN_COLUMN_LINES: usize = 8;

/// A page set in two text columns (a designed newsletter: the text runs down the left
/// column and on down the right) in reading order: lines across the gutter (a masthead,
/// a heading over both) stay where they are, and between them the left column's lines
/// come before the right column's. A page is taken for two columns only where a gutter
/// in the middle half of the text is crossed by few lines, the columns are of one width,
/// both sides hold many lines that fill their column (not a margin column of labels),
/// and the paragraphs of the two sides do not start on the same baselines (a table's
/// cells start together on their row's; its rows stay as they are). Every other page is
/// one part, as it was.
fn text_columns(lines: Vec<Vec<Run>>) -> Vec<Vec<Vec<Run>>> {
    let Some(gutter) = gutter(&lines) else {
        return vec![lines];
    };
    let mut parts = Vec::new();
    let (mut left, mut right): (Vec<Vec<Run>>, Vec<Vec<Run>>) = (Vec::new(), Vec::new());
    let mut across: Vec<Vec<Run>> = Vec::new();
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        if line.iter().any(|r| crosses(r, gutter)) {
            if !left.is_empty() || !right.is_empty() {
                parts.push(std::mem::take(&mut across));
                parts.push(std::mem::take(&mut left));
                parts.push(std::mem::take(&mut right));
            }
            across.push(line);
            continue;
        }
        let (l, r): (Vec<Run>, Vec<Run>) = line.into_iter().partition(|r| r.x_end <= gutter);
        // The page's first line, over the right column and set off above all below it
        // ("Printed by …" over a sheet of two pages side by side, a page number in the
        // corner): the page's header, read before the columns.
        let first_on_page = parts.is_empty() && across.is_empty() && left.is_empty();
        if first_on_page
            && l.is_empty()
            && right.is_empty()
            && let (Some(run), Some(next)) = (r.first(), lines.peek().and_then(|n| n.first()))
            && run.y - next.y > HEADER_SET_OFF * run.size
        {
            across.push(r);
            continue;
        }
        if !l.is_empty() {
            left.push(l);
        }
        if !r.is_empty() {
            right.push(r);
        }
    }
    parts.extend([across, left, right]);
    parts.retain(|p| !p.is_empty());
    parts
}

/// How far above the lines under it (in its font size) a page's first line stands to be
/// a header over both columns.
const HEADER_SET_OFF: f32 = 2.5;

/// Where a page's two text columns part, if it has two (see [`text_columns`]).
fn gutter(lines: &[Vec<Run>]) -> Option<f32> {
    // (Lines side by side share a baseline: each side's are counted below.)
    if lines.len() < MIN_COLUMN_LINES {
        return None;
    }
    let runs = || lines.iter().flatten();
    let left_edge = runs().map(|r| r.x).fold(f32::INFINITY, f32::min);
    let right_edge = runs().map(|r| r.x_end).fold(f32::NEG_INFINITY, f32::max);
    let width = right_edge - left_edge;
    // (A page is at most 14,400 points wide; text drawn far off it is no column's.)
    if !(width.is_finite() && width > 100.0 && width < MAX_TEXT_WIDTH) {
        return None;
    }
    // How many lines cover each point of the middle half of the text.
    let (from, to) = (left_edge + width / 4.0, left_edge + width * 3.0 / 4.0);
    let bins = (to - from).ceil() as usize;
    // Where runs begin and end, summed once: a page of many wide runs costs no more
    // than their number.
    let mut changes = vec![0isize; bins + 1];
    for run in runs() {
        let start = ((run.x - from).max(0.0) as usize).min(bins);
        let end = ((run.x_end - from).max(0.0).ceil() as usize).min(bins);
        if start < end {
            changes[start] += 1;
            changes[end] -= 1;
        }
    }
    let covered: Vec<usize> = changes[..bins]
        .iter()
        .scan(0isize, |sum, change| {
            *sum += change;
            Some(usize::try_from(*sum).unwrap_or(0))
        })
        .collect();
    // The widest stretch crossed by at most a tenth of the lines.
    let allowed = lines.len() / 10;
    let (mut best, mut at) = ((0usize, 0usize), None::<usize>);
    for (i, &c) in covered.iter().enumerate() {
        match (c <= allowed, at) {
            (true, None) => at = Some(i),
            (false, Some(start)) => {
                if i - start > best.1 - best.0 {
                    best = (start, i);
                }
                at = None;
            }
            _ => {}
        }
    }
    if let Some(start) = at
        && bins - start > best.1 - best.0
    {
        best = (start, bins);
    }
    if ((best.1 - best.0) as f32) < MIN_GUTTER {
        return None;
    }
    let gutter = from + (best.0 + best.1) as f32 / 2.0;
    // Columns of one width, as a page style sets them (a table's are not).
    let (left_width, right_width) = (gutter - left_edge, right_edge - gutter);
    if left_width.max(right_width) > 1.25 * left_width.min(right_width) {
        return None;
    }
    // Both sides hold many lines that fill their column.
    let side = |take: &dyn Fn(&Run) -> bool, column_width: f32| {
        let mut widths: Vec<f32> = lines
            .iter()
            .filter_map(|line| {
                let mut side_runs = line.iter().filter(|r| take(r) && !crosses(r, gutter));
                let first = side_runs.next()?;
                let end = side_runs.fold(first.x_end, |end, r| end.max(r.x_end));
                Some(end - first.x)
            })
            .collect();
        widths.sort_by(f32::total_cmp);
        widths.len() >= MIN_COLUMN_LINES
            && widths
                .get(widths.len() / 2)
                .is_some_and(|&median| median >= column_width / 2.0)
    };
    if !side(&|r| r.x_end <= gutter, gutter - left_edge)
        || !side(&|r| r.x >= gutter, right_edge - gutter)
    {
        return None;
    }
    (!paragraphs_start_together(lines, gutter)).then_some(gutter)
}

/// Whether most paragraphs on the left of `gutter` start on the baseline of one on the
/// right: a table's rows, whose cells start together.
fn paragraphs_start_together(lines: &[Vec<Run>], gutter: f32) -> bool {
    let starts = |on_side: &dyn Fn(&Run) -> bool| {
        let mut starts = Vec::new();
        let mut above: Option<(f32, f32)> = None;
        for line in lines {
            let Some(run) = line.iter().find(|r| on_side(r)) else {
                continue;
            };
            let spacing_gap = above.is_none_or(|(y, size)| y - run.y > 1.6 * size.max(run.size));
            if spacing_gap {
                starts.push(run.y);
            }
            above = Some((run.y, run.size));
        }
        starts
    };
    let left = starts(&|r| r.x_end <= gutter);
    let mut right = starts(&|r| r.x >= gutter);
    // Sorted and searched: a page of many paragraphs stays linear in them.
    right.sort_by(f32::total_cmp);
    let together = left
        .iter()
        .filter(|&&y| {
            let at = right.partition_point(|&r| r < y - 1.0);
            right.get(at).is_some_and(|&r| r <= y + 1.0)
        })
        .count();
    left.len() >= 3 && together * 2 >= left.len()
}

/// A page's runs grouped by baseline, top to bottom, each group left to right.
fn baseline_groups(mut runs: Vec<Run>) -> Vec<Vec<Run>> {
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
        .map(|(mut g, _)| {
            g.sort_by(|a, b| a.x.total_cmp(&b.x));
            g
        })
        .collect()
}

/// Gap (in em) before a run that begins a table cell on a line after another cell's text.
const CELL_GAP: f32 = 1.0;
/// How many lines of a page must begin a cell at the same left edge for it to be a
/// column's.
const MIN_EDGE_LINES: usize = 2;
/// The largest distance (in em) between two lines of one table row.
const MAX_ROW_LINE_GAP: f32 = 4.0;
/// How far (in points) the runs of one column's cells may start from each other.
const EDGE_TOLERANCE: f32 = 1.5;

/// Lines (runs sorted by x) in reading order, each with whether it starts a cell read
/// down its column. A table whose cells hold paragraphs ("Pkt." | "Emne" | "Referat /
/// beslutning", minutes typed as one table) is drawn line by line across the row, so its
/// columns' lines interleave; read across, a row's title runs into its minutes. Where a
/// page has column edges (left edges that several lines begin a cell at, after a gap)
/// that no line of a stretch crosses, a row of that stretch (from a line with text in
/// the first column) is read down each column in turn, when its first line has text in
/// two columns after the first and a column after the second wraps, or one runs to
/// three lines. Other rows, and every other line, stay as they are: a table of one-line
/// rows (amounts, or with a label wrapped once), a TOC whose page number stands on a
/// wrapped entry's last line, key and value in two columns.
fn cells_down_their_columns(lines: Vec<Vec<Run>>) -> Vec<(Vec<Run>, bool)> {
    // (With fewer than two edges there is nothing inner to look for: cheap.)
    let edges = without_inner_edges(&lines, column_edges(&lines));
    if edges.len() < 2 {
        return lines.into_iter().map(|l| (l, false)).collect();
    }
    let column = |run: &Run| {
        edges
            .iter()
            .filter(|&&e| run.x + EDGE_TOLERANCE >= e)
            .count()
    };
    let crosses_an_edge = |span: &(f32, f32)| edges.iter().any(|&edge| span_crosses(*span, edge));
    let mut out = Vec::with_capacity(lines.len());
    let mut row: Vec<Vec<Run>> = Vec::new();
    for line in lines {
        let fits = !text_spans(&line).iter().any(crosses_an_edge);
        // A line far below the one before (a footer under a table's last row) starts
        // anew: a row's lines follow each other at the line spacing.
        let far_below = row
            .last()
            .and_then(|l| l.first())
            .zip(line.first())
            .is_some_and(|(above, below)| {
                above.y - below.y > MAX_ROW_LINE_GAP * above.size.max(below.size)
            });
        // Text in the first column starts a row, but for a wrapped cell's next line
        // ("Tirsdag den 10." / "september 2024"), which starts in lowercase.
        let starts_row = far_below
            || line.first().is_some_and(|r| {
                column(r) == 0 && !r.text.trim_start().starts_with(char::is_lowercase)
            });
        // A header row repeated at the top of a page, over the rest of a row the page
        // break cut (no first column): a row of its own.
        let after_header = !starts_row && row.len() == 1 && row.iter().flatten().all(|r| r.bold);
        if !fits || starts_row || after_header {
            flush_row(&mut row, &mut out, &column);
        }
        if fits {
            row.push(line);
        } else {
            out.push((line, false));
        }
    }
    flush_row(&mut row, &mut out, &column);
    out
}

/// `edges` without those inside a column: an edge crossed by a line that starts at or
/// after the edge before it (a tabbed table of figures inside a cell), which a table's
/// own column edge never is; only lines wider than the table cross those.
fn without_inner_edges(lines: &[Vec<Run>], edges: Vec<f32>) -> Vec<f32> {
    let mut kept: Vec<f32> = Vec::with_capacity(edges.len());
    let spans: Vec<Vec<(f32, f32)>> = lines.iter().map(|line| text_spans(line)).collect();
    for edge in edges {
        let inner = kept.last().is_some_and(|&before| {
            lines.iter().zip(&spans).any(|(line, spans)| {
                line.first()
                    .is_some_and(|first| first.x + EDGE_TOLERANCE >= before)
                    && spans.iter().any(|&span| span_crosses(span, edge))
            })
        });
        if !inner {
            kept.push(edge);
        }
    }
    kept
}

/// Whether `run` reaches across `edge`, beyond the tolerance either side.
fn crosses(run: &Run, edge: f32) -> bool {
    span_crosses((run.x, run.x_end), edge)
}

fn span_crosses((x, x_end): (f32, f32), edge: f32) -> bool {
    x < edge - EDGE_TOLERANCE && x_end > edge + EDGE_TOLERANCE
}

/// A line's stretches of text (its runs sorted by x): runs less than a cell's gap
/// apart are one stretch, so that text drawn a glyph or a word at a time (Scribus,
/// PDFBox) reaches across a table's column edge as a line of running text does.
fn text_spans(line: &[Run]) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = Vec::new();
    for run in line {
        match spans.last_mut() {
            Some((_, end)) if run.x - *end < CELL_GAP * run.size.max(1.0) => {
                *end = end.max(run.x_end);
            }
            _ => spans.push((run.x, run.x_end)),
        }
    }
    spans
}

/// A row's lines into `out`: down each column in turn where [`cells_down_their_columns`]
/// says so, else as they are.
fn flush_row(
    row: &mut Vec<Vec<Run>>,
    out: &mut Vec<(Vec<Run>, bool)>,
    column: &impl Fn(&Run) -> usize,
) {
    let lines = std::mem::take(row);
    // Each run's column, found once.
    let columns_of: Vec<Vec<usize>> = lines
        .iter()
        .map(|l| l.iter().map(column).collect())
        .collect();
    let columns = columns_of.iter().flatten().copied().max().unwrap_or(0);
    let lines_in = |c: usize| columns_of.iter().filter(|l| l.contains(&c)).count();
    let first_line_columns = columns_of
        .first()
        .map_or(0, |l| (1..=columns).filter(|c| l.contains(c)).count());
    // A cell of paragraphs: a column after the second that wraps, or any that runs
    // to three lines (a row of figures whose label wraps once is read across).
    let holds_paragraphs =
        (2..=columns).any(|c| lines_in(c) >= 2) || (1..=columns).any(|c| lines_in(c) >= 3);
    // Two list markers or more down the first column ("1." / "2.", Word's numbering
    // beside its clauses): a list hanging its wrapped lines, not a table's row, which
    // has one number.
    let markers_down_the_first_column = (0..=columns).find(|&c| lines_in(c) > 0).is_some_and(|c| {
        lines_in(c) >= 2
            && lines
                .iter()
                .zip(&columns_of)
                .flat_map(|(line, at)| line.iter().zip(at))
                .filter(|&(_, &at)| at == c)
                .all(|(run, _)| is_list_marker(run.text.trim()))
    });
    if lines.len() < 2
        || first_line_columns < 2
        || !holds_paragraphs
        || markers_down_the_first_column
    {
        out.extend(lines.into_iter().map(|l| (l, false)));
        return;
    }
    // A first column of one line (an item's number) is read with the second (its
    // title); one that wraps is a cell of its own.
    let own_first = lines_in(0) >= 2;
    let first = if own_first { 0 } else { 1 };
    for c in first..=columns {
        let mut first_of_cell = c > first;
        for (line, columns_of_line) in lines.iter().zip(&columns_of) {
            let cell: Vec<Run> = line
                .iter()
                .zip(columns_of_line)
                .filter(|&(_, &at)| at == c || !own_first && c == 1 && at == 0)
                .map(|(run, _)| run.clone())
                .collect();
            if !cell.is_empty() {
                out.push((cell, std::mem::take(&mut first_of_cell)));
            }
        }
    }
}

/// The left edges of a page's table columns: where at least [`MIN_EDGE_LINES`] lines
/// begin a run after a gap of [`CELL_GAP`] or more, within [`EDGE_TOLERANCE`].
fn column_edges(lines: &[Vec<Run>]) -> Vec<f32> {
    let mut starts: Vec<f32> = lines
        .iter()
        .flat_map(|runs| {
            runs.windows(2)
                .filter(|w| w[1].x - w[0].x_end >= CELL_GAP * w[1].size.max(1.0))
                .map(|w| w[1].x)
        })
        .collect();
    starts.sort_by(f32::total_cmp);
    let mut edges = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let cluster = starts[i..]
            .iter()
            .take_while(|&&x| x - starts[i] <= EDGE_TOLERANCE)
            .count();
        if cluster >= MIN_EDGE_LINES {
            edges.push(starts[i]);
        }
        i += cluster;
    }
    edges
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
        starts_cell: false,
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
        lines[i].gap_before = lines[i].starts_cell
            || lines[i].page == lines[i - 1].page && gap(&lines[i - 1], &lines[i]) > usual * 1.3;
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
        // continuation; so is a heading's wrapped line in the same bold type, hung
        // under its title ("Pkt. 6<tab>Ansøgning om … til" / "Ravnsø Vandværk").
        let wrapped_heading = above.bold && line.bold && (above.size - line.size).abs() < 0.1;
        if same_page
            && indented
            && back_at_margin
            && !wrapped_heading
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
    if text.starts_with([
        '•', '-', '–', '*', '▸', '►', '▶', '■', '\u{f0b7}', '\u{f0a7}', '\u{f0d8}',
    ]) || text.starts_with("at ")
    {
        return true;
    }
    // (Word's list numbering sets a tab after the number.)
    let marker = text.split([' ', '\t']).next().unwrap_or_default();
    let label = marker.trim_end_matches([')', '.']);
    marker.len() > label.len()
        && (1..=3).contains(&label.len())
        && (label.bytes().all(|b| b.is_ascii_digit())
            || (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase())))
}

/// A list's marker standing alone: "1.", "12)", "a)", a bullet, or an item's number
/// ("2.1", "12.3.").
fn is_list_marker(text: &str) -> bool {
    // (Not an amount: "1.000" has three digits after its dot.)
    let mut parts = text.trim_end_matches('.').split('.');
    let numbered = text.len() <= 8
        && text.contains('.')
        && parts
            .next()
            .is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    numbered || text.chars().count() <= 4 && !text.contains(' ') && opens_list_item(text)
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

    /// Whether each line starts a paragraph, after [`mark_paragraph_gaps`].
    fn paragraph_gaps_of(lines: &mut [PdfLine]) -> Vec<bool> {
        mark_paragraph_gaps(lines);
        lines.iter().map(|l| l.gap_before).collect()
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
        let gaps = paragraph_gaps_of(&mut lines);
        assert_eq!(
            gaps,
            [false, true, false, false, false, false, false, false, false]
        );
    }

    #[test]
    fn a_bold_headings_wrapped_line_hung_under_its_title_is_no_paragraph() {
        let bold = |x: f32, y: f32, text: &str| Run {
            bold: true,
            ..run(x, 400.0, y, text)
        };
        let mut lines = page_lines(
            vec![
                bold(
                    71.0,
                    700.0,
                    "Pkt. 6\tAnsøgning om kommunegaranti for lån til",
                ),
                bold(124.8, 688.0, "Ravnsø Vandværk a.m.b.a."),
                run(71.0, 400.0, 676.0, "J.nr.: 14/2019"),
                // In running text the same shape is a paragraph's first-line indent.
                run(71.0, 400.0, 664.0, "Første afsnit slutter her."),
                run(90.0, 400.0, 652.0, "Andet afsnit begynder med et indryk"),
                run(71.0, 400.0, 640.0, "og fortsætter ved margenen."),
            ],
            1,
        );
        let gaps = paragraph_gaps_of(&mut lines);
        assert_eq!(gaps, [false, false, false, false, true, false]);
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
        let gaps = paragraph_gaps_of(&mut lines);
        assert_eq!(
            gaps,
            [false, false, false, false, false, false, false, true, false]
        );
    }

    fn texts(lines: &[PdfLine]) -> Vec<(&str, bool)> {
        lines
            .iter()
            .map(|l| (l.text.as_str(), l.starts_cell))
            .collect()
    }

    fn bold(mut run: Run) -> Run {
        run.bold = true;
        run
    }

    /// A table's bold header row, "Pkt." | "Emne" | "Referat", at baseline `y`.
    fn header_row(y: f32) -> [Run; 3] {
        [
            bold(run(50.0, 66.0, y, "Pkt.")),
            bold(run(90.0, 120.0, y, "Emne")),
            bold(run(260.0, 320.0, y, "Referat")),
        ]
    }

    /// A minutes table's first row under [`header_row`]: the item's title wraps, its
    /// minutes run to three lines.
    fn first_minutes_row() -> Vec<Run> {
        vec![
            run(50.0, 60.0, 686.0, "1."),
            run(90.0, 240.0, 686.0, "Godkendelse af"),
            run(260.0, 500.0, 686.0, "Formanden bød velkommen til"),
            run(90.0, 200.0, 672.0, "dagsorden"),
            run(260.0, 480.0, 672.0, "rådets nye medlem."),
            run(260.0, 450.0, 658.0, "Beslutning: Godkendt."),
        ]
    }

    #[test]
    fn table_cells_are_read_down_their_columns() {
        // "Pkt." | "Emne" | "Referat": the rows' title and minutes columns interleave.
        let lines = page_lines(
            [
                header_row(700.0).to_vec(),
                first_minutes_row(),
                vec![
                    run(50.0, 60.0, 640.0, "2."),
                    run(90.0, 200.0, 640.0, "Eventuelt"),
                    run(260.0, 500.0, 640.0, "Intet at bemærke, og mødet"),
                    run(260.0, 400.0, 626.0, "sluttede kl. 18."),
                    // The footer far below the table.
                    run(300.0, 320.0, 60.0, "Side"),
                    run(322.0, 327.0, 60.0, "1"),
                ],
            ]
            .concat(),
            1,
        );
        assert_eq!(
            texts(&lines),
            [
                ("Pkt.\tEmne\tReferat", false),
                ("1.\tGodkendelse af", false),
                ("dagsorden", false),
                ("Formanden bød velkommen til", true),
                ("rådets nye medlem.", false),
                ("Beslutning: Godkendt.", false),
                ("2.\tEventuelt", false),
                ("Intet at bemærke, og mødet", true),
                ("sluttede kl. 18.", false),
                ("Side 1", false),
            ]
        );
    }

    #[test]
    fn text_drawn_a_glyph_at_a_time_reaches_across_a_tables_column_edges() {
        // A paragraph set a glyph at a time (Scribus) above the same table: no run of
        // it crosses the table's edges at 90 and 260 (and its second line, in lowercase,
        // would go on a row), and its lines are still lines.
        let glyphs = |y: f32, text: &str| -> Vec<Run> {
            text.chars()
                .enumerate()
                .map(|(i, c)| {
                    let x = 50.0 + 5.0 * i as f32;
                    run(x, x + 5.0, y, &c.to_string())
                })
                .collect()
        };
        let paragraph = [
            glyphs(
                760.0,
                "Kassebeholdningen var ved årets udgang 212 mio. kr. i gennemsnit.",
            ),
            glyphs(
                746.0,
                "seneste 365 dage; gælden udgjorde 588,9 mio. kr. ved udgangen af året.",
            ),
        ]
        .concat();
        let table = [header_row(700.0).to_vec(), first_minutes_row()].concat();
        let lines = page_lines([paragraph, table].concat(), 1);
        let texts = texts(&lines);
        assert_eq!(
            texts[..2],
            [
                (
                    "Kassebeholdningen var ved årets udgang 212 mio. kr. i gennemsnit.",
                    false
                ),
                (
                    "seneste 365 dage; gælden udgjorde 588,9 mio. kr. ved udgangen af året.",
                    false
                ),
            ]
        );
    }

    #[test]
    fn a_sidebars_lines_are_read_apart_from_the_lines_beside_it() {
        let sidebar_box = Shape {
            x: 50.0,
            x_end: 200.0,
            y: 500.0,
            y_end: 700.0,
        };
        let runs = vec![
            run(50.0, 300.0, 760.0, "SKOVBJERG KOMMUNE"),
            run(60.0, 120.0, 680.0, "Dato"),
            run(230.0, 500.0, 680.0, "1. Godkendelse af dagsorden ..... 1"),
            run(60.0, 190.0, 666.0, "Onsdag den 23. april 2025"),
            run(230.0, 500.0, 666.0, "2. Regnskab 2024 ..... 1"),
            run(60.0, 120.0, 652.0, "Sted"),
            run(230.0, 500.0, 652.0, "3. Anlægsbevilling ..... 2"),
            run(60.0, 180.0, 638.0, "Byrådssalen"),
        ];
        let lines = page_lines_with_boxes(runs.clone(), &[sidebar_box], 1);
        assert_eq!(
            texts(&lines).iter().map(|(t, _)| *t).collect::<Vec<_>>(),
            [
                "SKOVBJERG KOMMUNE",
                "Dato",
                "Onsdag den 23. april 2025",
                "Sted",
                "Byrådssalen",
                "1. Godkendelse af dagsorden ..... 1",
                "2. Regnskab 2024 ..... 1",
                "3. Anlægsbevilling ..... 2",
            ]
        );
        // A shaded cell of one line is no sidebar: its row stays one line.
        let cell = Shape {
            y: 670.0,
            y_end: 690.0,
            ..sidebar_box
        };
        let lines = page_lines_with_boxes(runs, &[cell], 1);
        assert_eq!(lines[1].text, "Dato\t1. Godkendelse af dagsorden ..... 1");
    }

    #[test]
    fn rows_read_across_stay_as_they_are() {
        // A TOC whose wrapped entry has its page on the last line, and key and value in
        // two columns: nothing to read down.
        let lines = page_lines(
            vec![
                run(50.0, 80.0, 700.0, "Dato:"),
                run(150.0, 250.0, 700.0, "15. januar 2021"),
                run(50.0, 80.0, 686.0, "Sted:"),
                run(150.0, 250.0, 686.0, "Rådhuset"),
                run(50.0, 60.0, 660.0, "1."),
                run(90.0, 300.0, 660.0, "Godkendelse af dagsorden"),
                run(500.0, 505.0, 660.0, "2"),
                run(50.0, 60.0, 646.0, "2."),
                run(90.0, 400.0, 646.0, "Budgetopfølgning for det"),
                run(90.0, 300.0, 632.0, "specialiserede område"),
                run(500.0, 505.0, 632.0, "3"),
                run(50.0, 60.0, 618.0, "3."),
                run(90.0, 300.0, 618.0, "Eventuelt"),
                run(500.0, 505.0, 618.0, "4"),
            ],
            1,
        );
        assert_eq!(
            texts(&lines),
            [
                ("Dato:\t15. januar 2021", false),
                ("Sted:\tRådhuset", false),
                ("1.\tGodkendelse af dagsorden\t2", false),
                ("2.\tBudgetopfølgning for det", false),
                ("specialiserede område\t3", false),
                ("3.\tEventuelt\t4", false),
            ]
        );
    }

    #[test]
    fn a_header_row_over_a_row_cut_by_the_page_stands_alone() {
        let lines = page_lines(
            [
                header_row(700.0).to_vec(),
                vec![
                    run(90.0, 240.0, 686.0, "at rådet bemyndiger"),
                    run(260.0, 500.0, 686.0, "Rådet drøftede forslaget"),
                    run(90.0, 200.0, 672.0, "formanden."),
                    run(260.0, 480.0, 672.0, "grundigt."),
                    run(50.0, 60.0, 650.0, "4."),
                    run(90.0, 200.0, 650.0, "Eventuelt"),
                    run(260.0, 400.0, 650.0, "Intet."),
                ],
            ]
            .concat(),
            2,
        );
        assert_eq!(
            texts(&lines),
            [
                ("Pkt.\tEmne\tReferat", false),
                ("at rådet bemyndiger", false),
                ("formanden.", false),
                ("Rådet drøftede forslaget", true),
                ("grundigt.", false),
                ("4.\tEventuelt\tIntet.", false),
            ]
        );
    }

    #[test]
    fn numbers_beside_wrapped_clauses_are_a_list_not_a_table() {
        // Word's numbering: "1." and "2." in a column of their own, the clauses beside
        // them, the second wrapping under itself. (Bullets above, their text at the
        // numbers' edge: the page has both edges.)
        let lines = vec![
            vec![
                run(51.1, 56.0, 613.5, "•"),
                run(71.0, 300.0, 613.5, "91 % er tilfredse"),
            ],
            vec![
                run(51.1, 56.0, 600.3, "•"),
                run(71.0, 300.0, 600.3, "ventetiden er faldet"),
            ],
            vec![run(51.1, 250.0, 556.6, "Udvalget indstiller,")],
            vec![
                run(71.0, 80.0, 542.4, "1."),
                run(
                    90.8,
                    300.0,
                    542.4,
                    "at evalueringen tages til efterretning, og",
                ),
            ],
            vec![
                run(71.0, 80.0, 528.2, "2."),
                run(
                    90.8,
                    500.0,
                    528.2,
                    "at forvaltningen udarbejder en plan, som forelægges",
                ),
            ],
            vec![run(90.8, 250.0, 515.0, "udvalget i 1. kvartal 2020.")],
            vec![
                run(71.0, 80.0, 480.0, "3."),
                run(90.8, 300.0, 480.0, "at planen offentliggøres."),
            ],
            vec![run(90.8, 250.0, 466.8, "på kommunens hjemmeside.")],
        ];
        let read = cells_down_their_columns(lines.clone());
        let first_texts: Vec<&str> = read.iter().map(|(l, _)| l[0].text.as_str()).collect();
        assert_eq!(
            first_texts,
            [
                "•",
                "•",
                "Udvalget indstiller,",
                "1.",
                "2.",
                "udvalget i 1. kvartal 2020.",
                "3.",
                "på kommunens hjemmeside."
            ]
        );
        assert!(read.iter().all(|(_, starts_cell)| !starts_cell));
    }

    /// A page of two text columns of `rows` lines each, 240 points wide with a gutter
    /// of 17, and a masthead across both.
    fn two_column_page(rows: usize) -> Vec<Run> {
        let mut runs = vec![run(51.0, 540.0, 780.0, "Byrådets beslutninger")];
        for i in 0..rows {
            let y = 740.0 - 14.0 * i as f32;
            runs.push(run(51.0, 288.0, y, &format!("venstre spalte linje {i}")));
            runs.push(run(305.0, 542.0, y, &format!("højre spalte linje {i}")));
        }
        runs
    }

    #[test]
    fn two_text_columns_are_read_one_after_the_other() {
        let lines = page_lines(two_column_page(12), 1);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "Byrådets beslutninger");
        assert_eq!(texts[1], "venstre spalte linje 0");
        assert_eq!(texts[12], "venstre spalte linje 11");
        assert_eq!(texts[13], "højre spalte linje 0");
        assert_eq!(texts.len(), 25);
    }

    /// The lines of two columns without a masthead (two pages printed side by side on
    /// a sheet, as a2ps prints them), with one more run.
    fn sheet_with(extra: Run) -> Vec<String> {
        let mut runs = two_column_page(12);
        runs.remove(0);
        runs.push(extra);
        page_lines(runs, 1).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn a_header_over_the_right_column_comes_before_the_columns() {
        let texts = sheet_with(run(450.0, 540.0, 800.0, "Printed by Hanne Bisgaard"));
        assert_eq!(texts[0], "Printed by Hanne Bisgaard");
        assert_eq!(texts[1], "venstre spalte linje 0");
        assert_eq!(texts[13], "højre spalte linje 0");
        // A right column that starts higher than the left, at the line spacing: its
        // first line is its own.
        let texts = sheet_with(run(305.0, 542.0, 754.0, "højre spalte øverst"));
        assert_eq!(texts[0], "venstre spalte linje 0");
        assert_eq!(texts[12], "højre spalte øverst");
    }

    #[test]
    fn text_drawn_far_off_the_page_is_no_column() {
        // Coordinates a hostile PDF may give: no coverage of a billion points is built.
        let mut runs = two_column_page(12);
        runs.push(run(1.0e9, 1.0e9 + 100.0, 500.0, "langt væk"));
        let lines = page_lines(runs, 1);
        assert_eq!(lines.len(), 14);
    }

    #[test]
    fn tables_labels_and_short_pages_keep_their_lines() {
        // Too few lines for columns: read across.
        let lines = page_lines(two_column_page(5), 1);
        assert!(lines[1].text.ends_with("højre spalte linje 0"), "{lines:?}");
        // A margin column of labels beside wide text: no second column.
        let mut runs = Vec::new();
        for i in 0..12 {
            let y = 740.0 - 14.0 * i as f32;
            runs.push(run(51.0, 90.0, y, "Resumé"));
            runs.push(run(
                184.0,
                542.0,
                y,
                &format!("tekst i højre spalte, linje {i}"),
            ));
        }
        let lines = page_lines(runs, 1);
        assert!(lines[0].text.starts_with("Resumé\ttekst"));
        // A table's two columns of one width, each row's cells starting together.
        let mut runs = Vec::new();
        for row in 0..6 {
            let top = 740.0 - 50.0 * row as f32;
            for line in 0..2 {
                let y = top - 14.0 * line as f32;
                runs.push(run(51.0, 288.0, y, &format!("emne {row} linje {line}")));
                runs.push(run(305.0, 542.0, y, &format!("referat {row} linje {line}")));
            }
        }
        let lines = page_lines(runs, 1);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        // Read across: each row's cells stay on their line.
        assert_eq!(texts[0], "emne 0 linje 0 referat 0 linje 0", "{texts:?}");
        assert_eq!(texts.len(), 12);
    }

    #[test]
    fn standalone_markers() {
        for marker in ["1.", "12)", "a)", "•", "2.1", "12.3."] {
            assert!(is_list_marker(marker), "{marker}");
        }
        for text in ["2014", "1.000", "Nr.", "1. Godkendelse", "at"] {
            assert!(!is_list_marker(text), "{text}");
        }
    }

    #[test]
    fn list_markers() {
        for opens in [
            "• punkt",
            "\u{f0b7} punkt",
            "at der gives",
            "1) plan",
            "12. punkt",
            "4.\tLokalplan nr. 112",
            "a) første",
        ] {
            assert!(opens_list_item(opens), "{opens}");
        }
        for text in [
            "Administrationen",
            "2014, og",
            "1.000 kr.",
            "2014\tBudget",
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
            let grouped: Vec<PdfLine> =
                baseline_groups(runs).into_iter().map(|g| join_line(g, 1)).collect();
            proptest::prop_assert_eq!(grouped, expected);
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
            starts_cell: false,
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
        let gaps = paragraph_gaps_of(&mut lines);
        assert_eq!(gaps, [false, false, false, true, false]);
    }
}
