//! Checks every test applies to every tree: span invariants (as ruff's parser tests
//! check ranges) and the rule that no non-blank input line is lost.
#![allow(dead_code)]

use dagsorden::model::{Agenda, Block, Item, Span};

/// Spans inside the input; children inside their parents; siblings in increasing,
/// non-overlapping order.
pub fn check_invariants(agenda: &Agenda, input_len: usize) {
    let mut all = Vec::new();
    collect_leaf_spans(agenda, &mut all);
    for span in &all {
        assert!(span.start <= span.end, "inverted span {span:?}");
        assert!(
            span.range().end <= input_len,
            "span {span:?} past the input ({input_len} bytes)"
        );
        assert!(span.line >= 1, "line numbers are 1-based: {span:?}");
    }
    check_siblings("items", agenda.items.iter().map(|i| i.span));
    for item in &agenda.items {
        check_item(item, input_len);
    }
    check_siblings("toc", agenda.toc.iter().map(|e| e.span));
    check_siblings("fields", agenda.meeting.fields.iter().map(|f| f.span));
    check_siblings("preamble", agenda.preamble.iter().map(|p| p.span));
    check_siblings("closing", agenda.closing.iter().map(|p| p.span));
    for closing in &agenda.closing {
        for item in &agenda.items {
            assert!(
                item.span.end <= closing.span.start || closing.span.end <= item.span.start,
                "closing matter {closing:?} inside item {}",
                item.number
            );
        }
    }
    if let Some(toc_span) = agenda.toc_span {
        for entry in &agenda.toc {
            assert!(
                toc_span.contains(entry.span),
                "TOC entry {entry:?} outside the TOC {toc_span:?}"
            );
        }
    }
}

fn check_item(item: &Item, input_len: usize) {
    assert!(item.span.range().end <= input_len);
    assert!(
        item.span.contains(item.heading_span),
        "item {}: heading outside item",
        item.number
    );
    if let Some(case) = &item.case {
        assert!(
            item.span.contains(case.span),
            "item {}: case outside item",
            item.number
        );
    }
    let mut parts: Vec<Span> = item.body.iter().map(Block::span).collect();
    for section in &item.sections {
        assert!(
            item.span.contains(section.span),
            "item {}: section {:?} outside item",
            item.number,
            section.heading
        );
        assert!(section.span.contains(section.heading_span));
        for block in &section.blocks {
            assert!(
                section.span.contains(block.span()),
                "item {} section {}: block {:?} outside section {:?}",
                item.number,
                section.heading,
                block.span(),
                section.span
            );
        }
        check_siblings("blocks", section.blocks.iter().map(Block::span));
        parts.push(section.span);
    }
    check_siblings("item parts", parts.iter().copied());
    for child in &item.children {
        assert!(
            item.span.contains(child.span),
            "item {}: child {} {:?} outside parent {:?}",
            item.number,
            child.number,
            child.span,
            item.span
        );
        assert!(
            child.number.starts_with(&format!("{}.", item.number))
                || child.number.split('.').count() > item.number.split('.').count(),
            "child {} under {}",
            child.number,
            item.number
        );
        check_item(child, input_len);
    }
    check_siblings("children", item.children.iter().map(|c| c.span));
}

fn check_siblings(what: &str, spans: impl Iterator<Item = Span>) {
    let mut previous: Option<Span> = None;
    for span in spans {
        if let Some(p) = previous {
            assert!(
                p.end <= span.start,
                "{what}: {p:?} and {span:?} overlap or are out of order"
            );
        }
        previous = Some(span);
    }
}

/// Every span that directly holds text from the input (not containers).
pub fn collect_leaf_spans(agenda: &Agenda, out: &mut Vec<Span>) {
    out.extend(agenda.title_span);
    out.extend(agenda.organisation_span);
    out.extend(agenda.toc_span);
    out.extend(agenda.meeting.fields.iter().map(|f| f.span));
    out.extend(agenda.preamble.iter().map(|p| p.span));
    out.extend(agenda.closing.iter().map(|p| p.span));
    out.extend(agenda.toc.iter().map(|e| e.span));
    for item in agenda.walk() {
        out.push(item.heading_span);
        out.extend(item.case.as_ref().map(|c| c.span));
        out.extend(item.body.iter().map(Block::span));
        for section in &item.sections {
            out.push(section.heading_span);
            out.extend(section.blocks.iter().map(Block::span));
        }
    }
    for d in &agenda.diagnostics {
        out.push(d.span);
        out.extend(d.related);
    }
}

/// Every input line with a letter or digit in it lies inside some leaf span.
pub fn check_coverage(input: &[u8], agenda: &Agenda) {
    let mut spans = Vec::new();
    collect_leaf_spans(agenda, &mut spans);
    spans.sort_by_key(|s| s.start);
    let mut start = 0usize;
    let mut line_no = 0usize;
    while start <= input.len() {
        line_no += 1;
        let len = input[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(input.len() - start);
        let end = start + len;
        let text = String::from_utf8_lossy(&input[start..end]);
        if without_tags(&text).chars().any(char::is_alphanumeric) {
            // Only the content needs covering, not surrounding white space.
            let lead = input[start..end]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            let trail = input[start..end]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            let (s, e) = (start + lead, end - trail.min(len - lead));
            // Every non-blank byte of the line lies in some span (a margin marker and
            // its paragraph may share a line, each with its own span).
            let overlapping: Vec<&Span> = spans
                .iter()
                .filter(|sp| sp.range().start < e && s < sp.range().end)
                .collect();
            let bom = if input.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            let uncovered = (s.max(bom)..e).find(|&i| {
                !input[i].is_ascii_whitespace()
                    && !overlapping.iter().any(|sp| sp.range().contains(&i))
            });
            assert!(
                uncovered.is_none(),
                "line {line_no} is in no element or diagnostic (byte {uncovered:?}): {text:?}"
            );
        }
        if end >= input.len() {
            break;
        }
        start = end
            + if input[end] == b'\r' && input.get(end + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
    }
}

/// Markup tags (`<b>`, `</strong>`) are not content; what is outside them is.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>');
        // A name right after `<` or `</`, then attributes or spaces (`<span class=x>`,
        // `<b >`).
        let is_tag = close.is_some_and(|c| {
            let inner = after[..c].trim_start_matches('/').trim_end_matches('/');
            let name = inner.split(char::is_whitespace).next().unwrap_or("");
            !name.is_empty() && name.len() <= 10 && name.chars().all(|ch| ch.is_ascii_alphabetic())
        });
        match (is_tag, close) {
            (true, Some(c)) => rest = &after[c + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The model as JSON with every span removed, to compare documents that differ only in
/// layout (markdown or not, blank lines).
pub fn without_spans(agenda: &Agenda) -> serde_json::Value {
    let mut value = serde_json::to_value(agenda).expect("model serialises");
    strip(&mut value);
    value
}

fn strip(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| {
                !(k == "span" || k.ends_with("_span") || k == "related" || k == "source")
            });
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}
