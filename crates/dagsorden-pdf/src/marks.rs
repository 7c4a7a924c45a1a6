//! Filled shapes that tell the text's layout. List bullets drawn as shapes, not text:
//! some producers draw a list item's bullet as a small filled circle or square (TCPDF's
//! `<ul>`, browsers' `list-style: disc` in print), and the text layer then holds the
//! items without any bullet, so that the items of a list read as one paragraph. Such a
//! shape beside the start of a line of text is given back as the bullet a reader sees:
//! "• " before the line's first run. And boxes: the large filled backgrounds the layout
//! looks at for sidebars.

use crate::interpret::Run;

/// A filled shape's bounding box in device space (y grows upwards): a drawn bullet, or a
/// box's background (a sidebar's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    pub x: f32,
    pub x_end: f32,
    pub y: f32,
    pub y_end: f32,
}

impl Shape {
    /// Small and about as wide as high: what a bullet can be (a rule, a cell's shading
    /// or a logo cannot).
    pub fn may_be_a_bullet(&self) -> bool {
        let (w, h) = (self.x_end - self.x, self.y_end - self.y);
        (MIN_SIDE..=MAX_SIDE).contains(&w)
            && (MIN_SIDE..=MAX_SIDE).contains(&h)
            && w.max(h) <= 1.5 * w.min(h)
    }

    /// Large enough to hold lines of text beside the page's others (a sidebar's
    /// background), not a rule, a cell's shading or a bullet.
    pub fn may_be_a_box(&self) -> bool {
        self.x_end - self.x >= MIN_BOX_WIDTH && self.y_end - self.y >= MIN_BOX_HEIGHT
    }

    pub fn width(&self) -> f32 {
        self.x_end - self.x
    }

    /// Whether `run` lies wholly inside, its baseline between the top and bottom.
    pub fn holds(&self, run: &Run) -> bool {
        run.x >= self.x - 1.0
            && run.x_end <= self.x_end + 1.0
            && run.y >= self.y
            && run.y <= self.y_end
    }
}

impl Shape {
    /// A thin horizontal line: a strike-through's, an underline's or a rule's.
    pub fn is_horizontal_line(&self) -> bool {
        self.y_end - self.y <= MAX_LINE_THICKNESS && self.x_end - self.x >= MIN_LINE_LENGTH
    }
}

/// A line's thickness (its bounding box's height: a stroked line has none) and length.
const MAX_LINE_THICKNESS: f32 = 1.5;
const MIN_LINE_LENGTH: f32 = 2.0;
/// More lines than this on a page are a drawing's, not strike-throughs.
pub const MAX_LINES: usize = 4_096;

/// The runs a line strikes through (a deletion shown by tracked changes, "16:00" struck
/// before "15:30"): taken out of `runs` and returned. A strike-through crosses the run's
/// letters at their middle (an underline runs under them) and covers most of its width.
pub fn take_struck_runs(lines: &[Shape], runs: &mut Vec<Run>) -> Vec<Run> {
    if lines.is_empty() || lines.len() > MAX_LINES {
        return Vec::new();
    }
    let mut by_height: Vec<Shape> = lines.to_vec();
    by_height.sort_by(|a, b| a.y.total_cmp(&b.y));
    let struck = |run: &Run| {
        if !(run.size > 0.0 && run.y.is_finite()) || run.text.trim().is_empty() {
            return false;
        }
        let (low, high) = (run.y + 0.15 * run.size, run.y + 0.45 * run.size);
        let from = by_height.partition_point(|l| l.y < low);
        let width = (run.x_end - run.x).max(f32::EPSILON);
        by_height[from..]
            .iter()
            .take_while(|l| l.y <= high)
            .take(MAX_RUNS_LOOKED_AT)
            .any(|l| (l.x_end.min(run.x_end) - l.x.max(run.x)) / width >= 0.7)
    };
    let (taken, kept): (Vec<Run>, Vec<Run>) = std::mem::take(runs).into_iter().partition(struck);
    *runs = kept;
    taken
}

/// A box's smallest width and height, in points.
const MIN_BOX_WIDTH: f32 = 60.0;
const MIN_BOX_HEIGHT: f32 = 100.0;

/// A bullet's smallest and largest side, in points.
const MIN_SIDE: f32 = 0.8;
const MAX_SIDE: f32 = 8.0;
/// More candidate shapes than this on a page are a chart's or a pattern's, not a list's.
pub const MAX_MARKS: usize = 1_000;
/// Runs looked at around each shape's height, at most (a hostile page may put every run
/// on one baseline).
const MAX_RUNS_LOOKED_AT: usize = 256;

/// The runs that start a line beside a shape of `marks` standing where a bullet
/// stands, each given the bullet: "• " before its text. The run keeps its place, so
/// that the page's lines, columns and indents are found as they were without it. A bullet stands just left of a run's start, its
/// middle a little above that run's baseline, its size a bullet's for that run's type,
/// with no text right before it on the baseline (a dot between two fields is no
/// bullet). A bold run is a heading, and a shape before it is the heading's decoration.
pub fn add_bullets(marks: &[Shape], runs: &mut [Run]) {
    if marks.is_empty() || marks.len() > MAX_MARKS {
        return;
    }
    let mut by_height: Vec<usize> = (0..runs.len())
        .filter(|&i| {
            let r = &runs[i];
            r.size > 0.0 && r.y.is_finite() && r.x.is_finite() && !r.text.trim().is_empty()
        })
        .collect();
    by_height.sort_by(|&a, &b| runs[a].y.total_cmp(&runs[b].y));
    let largest = by_height.iter().map(|&i| runs[i].size).fold(0.0, f32::max);
    let mut bulleted: Vec<usize> = Vec::new();
    for mark in marks {
        let middle = (mark.y + mark.y_end) / 2.0;
        // Runs whose baseline may lie under this shape's middle.
        let from = by_height.partition_point(|&i| runs[i].y < middle - BELOW_MIDDLE * largest);
        let on_its_line = |r: &Run| {
            let above = middle - r.y;
            above >= 0.05 * r.size && above <= BELOW_MIDDLE * r.size
        };
        let near = || {
            by_height[from..]
                .iter()
                .take_while(|&&i| runs[i].y <= middle)
                .take(MAX_RUNS_LOOKED_AT)
                .copied()
                .filter(|&i| on_its_line(&runs[i]))
        };
        let beside = near()
            .filter(|&i| {
                let r = &runs[i];
                let gap = (r.x - mark.x_end) / r.size;
                let side = (mark.x_end - mark.x).max(mark.y_end - mark.y) / r.size;
                (0.1..=2.5).contains(&gap) && (0.12..=0.7).contains(&side)
            })
            .min_by(|&a, &b| runs[a].x.total_cmp(&runs[b].x));
        let Some(index) = beside else {
            continue;
        };
        let size = runs[index].size;
        let text_before = near().any(|i| {
            let r = &runs[i];
            i != index && r.x < mark.x_end && r.x_end > mark.x - 1.5 * size
        });
        if !text_before && !runs[index].bold {
            bulleted.push(index);
        }
    }
    bulleted.sort_unstable();
    bulleted.dedup();
    for index in bulleted {
        runs[index].text.insert_str(0, "• ");
    }
}

/// How far (in em of the text) a bullet's middle stands above the baseline, at most.
const BELOW_MIDDLE: f32 = 0.65;

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, y: f32, text: &str) -> Run {
        Run {
            x,
            x_end: x + 5.0 * text.len() as f32,
            y,
            size: 10.0,
            bold: false,
            text: text.to_owned(),
        }
    }

    fn disc(x: f32, baseline: f32) -> Shape {
        // A 2.8 pt disc whose middle is a third of an em above the baseline.
        Shape {
            x,
            x_end: x + 2.8,
            y: baseline + 3.3 - 1.4,
            y_end: baseline + 3.3 + 1.4,
        }
    }

    #[test]
    fn a_disc_left_of_a_lines_start_is_its_bullet() {
        let mut runs = [
            run(75.9, 705.6, "budgetopfølgningen tages til efterretning,"),
            run(75.9, 693.1, "der gives tillægsbevillinger,"),
        ];
        add_bullets(&[disc(67.5, 705.6), disc(67.5, 693.1)], &mut runs);
        assert_eq!(runs[0].text, "• budgetopfølgningen tages til efterretning,");
        assert_eq!((runs[0].x, runs[0].y), (75.9, 705.6));
        assert_eq!(runs[1].text, "• der gives tillægsbevillinger,");
    }

    #[test]
    fn struck_through_runs_are_taken_out_and_underlined_ones_stay() {
        let line = |x: f32, x_end: f32, y: f32| Shape {
            x,
            x_end,
            y,
            y_end: y,
        };
        let mut runs = vec![
            run(100.0, 700.0, "16:00"),
            run(130.0, 700.0, "15:30"),
            run(100.0, 680.0, "Godkendt."),
        ];
        let lines = [
            // Through "16:00" at its letters' middle.
            line(100.0, 125.0, 702.8),
            // Under "15:30": an insertion's underline.
            line(130.0, 155.0, 699.1),
            // Through a small part of "Godkendt." only.
            line(100.0, 110.0, 682.8),
        ];
        let taken = take_struck_runs(&lines, &mut runs);
        assert_eq!(
            taken.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            ["16:00"]
        );
        assert_eq!(
            runs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            ["15:30", "Godkendt."]
        );
    }

    #[test]
    fn shapes_that_are_no_bullets() {
        let mut runs = [
            run(75.9, 700.0, "tekst"),
            Run {
                x_end: 75.0,
                ..run(20.0, 650.0, "Åbent punkt")
            },
            run(82.0, 650.0, "Sagsnr.: 24/1"),
            Run {
                bold: true,
                ..run(75.9, 600.0, "Sagsfremstilling")
            },
        ];
        let before = runs.clone();
        let marks = [
            // Far from any text.
            disc(300.0, 400.0),
            // Between two fields of a line: text right before it.
            disc(77.0, 650.0),
            // Too far left of the text.
            disc(20.0, 700.0),
            // At the line's height but below its baseline.
            Shape {
                y: 690.0,
                y_end: 692.8,
                ..disc(67.5, 700.0)
            },
            // A heading's decoration.
            disc(67.5, 600.0),
        ];
        add_bullets(&marks, &mut runs);
        assert_eq!(runs, before);
        let rule = Shape {
            x: 40.0,
            x_end: 500.0,
            y: 700.0,
            y_end: 700.5,
        };
        let shading = Shape {
            x: 40.0,
            x_end: 60.0,
            y: 690.0,
            y_end: 710.0,
        };
        assert!(!rule.may_be_a_bullet() && !shading.may_be_a_bullet());
        assert!(disc(67.5, 700.0).may_be_a_bullet());
    }
}
