//! One large agenda shaped like the seed (`fixtures/text/kkr-nordjylland-2021-01-15.txt`),
//! for the throughput and peak-memory figures on agenda text of the usual shape: the
//! seed's preamble, a TOC of every item, then groups "k. &lt;group&gt;" each holding items
//! "k.j. &lt;title&gt;" made of the seed's item 2.1 (case line, Baggrund, Indstilling,
//! Sagsfremstilling). Every item's text names its own subject and number, so that no
//! paragraph repeats verbatim thousands of times (a line repeated on every "page" reads
//! as a running header), and numbers stay below 10,000.

use std::fmt::Write as _;

const SEED: &str = include_str!("../../fixtures/text/kkr-nordjylland-2021-01-15.txt");

const GROUPS: &[&str] = &[
    "Regionalpolitiske sager",
    "Sager til beslutning",
    "Temadrøftelse",
    "Orienteringssager",
];
const TOPICS: &[&str] = &[
    "Resultatkontrakt",
    "Rammeaftale",
    "Sundhedsaftale",
    "Praksisplan",
    "Klimaplan",
    "Budget",
    "Udpegning",
    "Infrastruktur",
];
/// Items in each group.
const CHILDREN: usize = 9;

/// The agenda of at least `bytes` bytes, with how many groups and items it holds.
pub struct SeedShaped {
    pub text: String,
    pub groups: usize,
    pub items: usize,
}

/// The seed's preamble (up to its TOC) and its item 2.1's text from Baggrund on.
fn seed_parts() -> (&'static str, String) {
    let preamble = &SEED[..SEED.find("<b>1. ").unwrap_or(0)];
    let item = &SEED[SEED.find("### 2.1. ").unwrap_or(0)..];
    let body = &item[item.find("#### Baggrund").unwrap_or(0)..];
    (preamble, format!("{}\n\n", body.trim_end_matches('\n')))
}

/// An agenda of the seed's shape of at least `bytes` bytes.
pub fn seed_shaped_agenda(bytes: usize) -> SeedShaped {
    let (preamble, body) = seed_parts();
    let (mut toc, mut items) = (String::new(), String::new());
    let (mut groups, mut n) = (0, 0);
    while preamble.len() + 1 + toc.len() + items.len() < bytes {
        groups += 1;
        let k = groups;
        let group = GROUPS[k % GROUPS.len()];
        let _ = writeln!(toc, "<b>{k}. {group} .....</b>\t<b>{}</b>", 3 + n / 2);
        let _ = write!(items, "## {k}. {group}\n\n");
        for j in 1..=CHILDREN {
            n += 1;
            let subject = format!("{} {k}.{j}", TOPICS[n % TOPICS.len()]);
            let title = format!(
                "Dialogmøde om {subject} mellem Erhvervshus Nordjylland og KKR Nordjylland"
            );
            let _ = writeln!(toc, "{k}.{j}. {title} .....\t{}", 3 + n / 2);
            let text = body
                .replace("Resultatkontrakt 2021", &subject)
                .replace("resultatkontrakt 2021", &subject)
                .replace("dagens dialogmøde", &format!("dialogmødet om {subject}"))
                .replace("åben dialog.", &format!("åben dialog om {subject}."));
            let _ = write!(
                items,
                "### {k}.{j}. {title}\n\nSAG-2021-{n:05} hlth\n\n{text}"
            );
        }
    }
    SeedShaped {
        text: format!("{preamble}{toc}\n{items}"),
        groups,
        items: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_parts_are_found() {
        let (preamble, body) = seed_parts();
        assert!(preamble.contains("KKR NORDJYLLAND") && !preamble.contains("<b>1. "));
        assert!(body.starts_with("#### Baggrund") && body.contains("#### Indstilling"));
    }

    #[test]
    fn every_item_is_parsed_with_its_sections_and_the_toc_matches() {
        let agenda = seed_shaped_agenda(200_000);
        assert!(agenda.text.len() >= 200_000);
        let parsed = dagsorden::parse(&agenda.text);
        assert_eq!(parsed.items.len(), agenda.groups);
        let children: usize = parsed.items.iter().map(|i| i.children.len()).sum();
        assert_eq!(children, agenda.items);
        assert_eq!(parsed.toc.len(), agenda.groups + agenda.items);
        let first = &parsed.items[0].children[0];
        assert!(first.case.is_some());
        assert!(first.sections.len() >= 3, "{:?}", first.sections);
        // The numbered subjects keep paragraphs from repeating into running headers.
        assert!(
            parsed.diagnostics.is_empty(),
            "{:?}",
            &parsed.diagnostics[..3.min(parsed.diagnostics.len())]
        );
    }
}
