//! Generated inputs for the scaling bench and the pathological-input tests: an agenda
//! of any size, and the shapes that break naive parsers (very many items, one enormous
//! line, absurdly deep numbering, a table of contents with no body). All content is
//! invented here; item numbers stay within what agendas use (`k` and `k.j`, at most
//! four digits a component), so that size is the only thing out of the ordinary.

use std::fmt::Write as _;

const SUBJECTS: &[&str] = &[
    "Rammeaftale for det specialiserede socialområde",
    "Praksisplan for almen praksis",
    "Resultatkontrakt med Erhvervshus",
    "Klimaplan og fælles mål for energi",
    "Udpegning til Vækstforum",
    "Budgetopfølgning for andet kvartal",
    "Infrastruktur og kollektiv trafik",
    "Sundhedsaftale og det nære sundhedsvæsen",
];

fn header(out: &mut String) {
    out.push_str("DAGSORDEN\n\nKKR PRØVEREGION\n\nDato: 15-01-2021 08:00\n\nSted: Rådhuset, mødelokale 2\n\n");
}

fn item(out: &mut String, number: &str, n: usize) {
    let subject = SUBJECTS[n % SUBJECTS.len()];
    let _ = write!(
        out,
        "{number}. {subject} ({n})\n\nSAG-2021-{:05} abc\n\nBaggrund\n\nKommunerne i regionen har drøftet {subject} nummer {n}, og sekretariatet har samlet bidragene i et notat, som forelægges mødet til drøftelse og videre behandling.\n\nIndstilling\n\nDet indstilles, at KKR drøfter sagen og godkender oplægget.\n\nBeslutning\n\nGodkendt.\n\n",
        n % 100_000
    );
}

/// Item numbers in order: 1, 1.1 … 1.19, 2, 2.1 …: twenty items per top-level number.
fn item_number(n: usize) -> String {
    let (top, sub) = (n / 20 + 1, n % 20);
    if sub == 0 {
        top.to_string()
    } else {
        format!("{top}.{sub}")
    }
}

/// An ordinary agenda of about `bytes` bytes (at least one item), with no TOC.
pub fn agenda_of_size(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    header(&mut out);
    let mut n = 0;
    while out.len() < bytes || n == 0 {
        item(&mut out, &item_number(n), n);
        n += 1;
    }
    out
}

/// An agenda of `count` items (numbered `k` and `k.j`).
pub fn many_items(count: usize) -> String {
    let mut out = String::with_capacity(count * 420);
    header(&mut out);
    for n in 0..count {
        item(&mut out, &item_number(n), n);
    }
    out
}

/// One item whose Baggrund is a single line of `bytes` bytes (words, no line break).
pub fn long_line(bytes: usize) -> String {
    one_line_item("Et punkt med en meget lang linje", "kommunerne ", bytes)
}

/// One item titled `title` whose Baggrund is `word` repeated to `bytes` bytes on one line.
fn one_line_item(title: &str, word: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    header(&mut out);
    out.push_str(&format!("1. {title}\n\nBaggrund\n\n"));
    let start = out.len();
    while out.len() - start < bytes {
        out.push_str(word);
    }
    out.push_str("\n\nBeslutning\n\nGodkendt.\n");
    out
}

/// One heading whose item number has `components` components (`1.1.1.…`).
pub fn deep_number(components: usize) -> String {
    let mut out = String::new();
    header(&mut out);
    out.push_str("1. Første punkt\n\nTekst.\n\n");
    out.push_str(&vec!["1"; components].join("."));
    out.push_str(". Et dybt nummereret punkt\n\nTekst under det dybe punkt.\n");
    out
}

/// `levels` headings, each one level deeper than the one before (`1`, `1.1`, `1.1.1` …).
/// The input grows with the square of `levels`: the numbers themselves grow.
pub fn nesting_chain(levels: usize) -> String {
    let mut out = String::new();
    header(&mut out);
    let mut number = String::from("1");
    for level in 1..=levels {
        let _ = write!(out, "{number}. Punkt på niveau {level}\n\nTekst.\n\n");
        number.push_str(".1");
    }
    out
}

/// A table of contents of `entries` lines and no body.
pub fn toc_only(entries: usize) -> String {
    toc_of(entries, true)
}

/// A TOC heading and `entries` entries, each with a dot leader and a page or with
/// neither, and no body.
fn toc_of(entries: usize, with_pages: bool) -> String {
    let mut out = String::with_capacity(entries * 70);
    header(&mut out);
    out.push_str("Indholdsfortegnelse\n\n");
    for n in 0..entries {
        let subject = SUBJECTS[n % SUBJECTS.len()];
        let number = item_number(n);
        let _ = match with_pages {
            true => writeln!(out, "{number}. {subject} .......... {}", n / 20 + 2),
            false => writeln!(out, "{number}. {subject}"),
        };
    }
    out
}

/// One line of `bytes` bytes of text with a `<` in every word and no `>` (a formula or
/// a broken HTML export): each `<` may open a tag, and finding that none closes must
/// not search the rest of the line from every one.
pub fn brackets_line(bytes: usize) -> String {
    one_line_item("Et punkt med en linje af tegn", "a<b ", bytes)
}

/// A web page's table of contents: `entries` lines of number and title, with neither
/// dot leaders nor pages, under its heading, and no body. Every line is asked whether
/// the TOC has pages so far: that must not look through the entries each time.
pub fn toc_without_pages(entries: usize) -> String {
    toc_of(entries, false)
}

/// One Indstilling whose recommendation is a single paragraph of `clauses` clauses
/// ("…, at A og at B og at C …"): splitting it must not rescan the paragraph per clause.
pub fn many_clauses(clauses: usize) -> String {
    let mut out = String::new();
    header(&mut out);
    out.push_str("1. Et punkt med en lang indstilling\n\nIndstilling\n\nDet indstilles, at ");
    for n in 0..clauses {
        if n > 0 {
            out.push_str(" og at ");
        }
        let _ = write!(out, "KKR godkender delaftale {n}");
    }
    out.push_str(".\n");
    out
}

/// A header of `lines` lines each led by a bare number ("17 Rammeaftale …", a list
/// of figures or a numbered table), none of them an item: each may start a listing of
/// the items, and looking for one must not go through the rest of the lines from each.
pub fn numbered_header_lines(lines: usize) -> String {
    let mut out = String::with_capacity(lines * 50);
    header(&mut out);
    for n in 1..=lines {
        let _ = writeln!(out, "{n} {}", SUBJECTS[n % SUBJECTS.len()]);
    }
    out
}

/// A TOC entry, `lines` group headings ("Lukket møde") and one more entry: each group
/// heading asks whether an entry follows, and must not look through all the others.
pub fn toc_group_headings(lines: usize) -> String {
    let mut out = String::with_capacity(lines * 12 + 200);
    header(&mut out);
    out.push_str("Indholdsfortegnelse\n\n1. Godkendelse af dagsorden .......... 2\n");
    for _ in 0..lines {
        out.push_str("Lukket møde\n");
    }
    out.push_str("2. Eventuelt .......... 3\n");
    out
}

/// The named pathological inputs at their full size, as the issue lists them.
pub fn full_set() -> Vec<(&'static str, String)> {
    vec![
        ("agenda-50MB", agenda_of_size(50_000_000)),
        ("items-100000", many_items(100_000)),
        ("line-1MB", long_line(1_000_000)),
        ("brackets-line-1MB", brackets_line(1_000_000)),
        ("number-10000-deep", deep_number(10_000)),
        ("toc-100000-lines", toc_only(100_000)),
        ("toc-without-pages-100000-lines", toc_without_pages(100_000)),
        ("clauses-20000", many_clauses(20_000)),
        (
            "numbered-header-100000-lines",
            numbered_header_lines(100_000),
        ),
        ("toc-group-headings-100000", toc_group_headings(100_000)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_are_what_they_say() {
        assert!(agenda_of_size(100_000).len() >= 100_000);
        assert!(agenda_of_size(100_000).len() < 101_000);
        assert_eq!(many_items(25).matches("\nBaggrund\n").count(), 25);
        assert_eq!(item_number(0), "1");
        assert_eq!(item_number(23), "2.3");
        assert_eq!(
            toc_only(30).lines().filter(|l| l.contains("....")).count(),
            30
        );
        let brackets = brackets_line(10_000);
        assert!(
            brackets
                .lines()
                .any(|l| l.len() >= 10_000 && l.matches('<').count() >= 2_500)
        );
        assert!(!brackets.contains('>'));
        let web_toc = toc_without_pages(30);
        assert_eq!(web_toc.lines().filter(|l| l.contains(". ")).count(), 30);
        assert!(!web_toc.contains(".........."));
        assert!(long_line(10_000).lines().any(|l| l.len() >= 10_000));
        assert!(deep_number(50).contains(&format!("{}. Et dybt", vec!["1"; 50].join("."))));
    }
}
