//! A small PDF writer for the synthetic archive: the text of a generated agenda laid out
//! the way a word processor's export is (A4 pages, Helvetica in WinAnsi encoding, bold
//! and larger type for headings, compressed content streams), so that an archive can be
//! "mostly PDFs" like the real ones without shipping thousands of files.

use std::io::Write as _;

const LINES_PER_PAGE: usize = 52;
const TOP: f32 = 800.0;
const LEFT: f32 = 56.0;
const LEADING: f32 = 14.5;
/// Characters per line at 11 pt Helvetica on A4 with 2 cm margins, roughly.
const WRAP: usize = 95;

/// How a line is drawn, from the markdown marks the text fixtures carry.
fn style(line: &str) -> (String, bool, f32) {
    let mut text = line.replace('\u{feff}', "").trim().to_string();
    let mut bold = false;
    let mut size = 11.0;
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        text = text[hashes..].trim().to_string();
        bold = true;
        size = if hashes <= 2 { 15.0 } else { 12.5 };
    }
    for mark in ["<b>", "</b>", "<strong>", "</strong>", "**", "__"] {
        if text.contains(mark) {
            bold = true;
            text = text.replace(mark, "");
        }
    }
    (text.trim().to_string(), bold, size)
}

/// Words wrapped at [`WRAP`] characters.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last_mut().map_or(0, |l| l.chars().count());
        if current > 0 && current + 1 + word.chars().count() > WRAP {
            lines.push(String::new());
        }
        if let Some(last) = lines.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

fn pdf_string(text: &str) -> Vec<u8> {
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut out = Vec::with_capacity(encoded.len() + 2);
    out.push(b'(');
    for &b in encoded.iter() {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// The PDF of `text` (tabs become spaces, blank lines become space between paragraphs).
pub fn text_to_pdf(text: &str) -> Vec<u8> {
    let mut pages: Vec<Vec<u8>> = vec![Vec::new()];
    let mut y = TOP;
    let mut on_page = 0usize;
    for raw in text.lines() {
        let (line, bold, size) = style(&raw.replace('\t', "    "));
        if line.is_empty() {
            y -= LEADING * 0.6;
            continue;
        }
        for piece in wrap(&line) {
            if on_page == LINES_PER_PAGE || y < 60.0 {
                pages.push(Vec::new());
                y = TOP;
                on_page = 0;
            }
            let font = if bold { "F2" } else { "F1" };
            if let Some(page) = pages.last_mut() {
                let _ = write!(page, "BT /{font} {size} Tf {LEFT} {y:.1} Td ");
                page.extend_from_slice(&pdf_string(&piece));
                page.extend_from_slice(b" Tj ET\n");
            }
            y -= LEADING * size / 11.0;
            on_page += 1;
        }
    }
    pdf_of_pages(&pages)
}

/// One page that draws `runs` short words one after another on a single baseline, a
/// `Tj` each (as producers that place text glyph by glyph do; the line runs off the
/// page): layout must join them into one line in time linear in `runs`.
pub fn one_baseline_pdf(runs: usize) -> Vec<u8> {
    let mut content = b"BT /F1 10 Tf 20 700 Td\n".to_vec();
    for n in 0..runs {
        let _ = writeln!(content, "(w{}) Tj 14 0 Td", n % 10);
    }
    content.extend_from_slice(b"ET\n");
    pdf_of_pages(&[content])
}

/// One page of `lines` one-word lines, each in a font size of its own (1, 1.5, 2 …
/// points, spaced to match): finding the body size must not search through the sizes
/// seen at every line.
pub fn many_sizes_pdf(lines: usize) -> Vec<u8> {
    let mut content = Vec::new();
    let mut y = 700.0f64;
    for n in 0..lines {
        let size = 1.0 + n as f64 * 0.5;
        let _ = writeln!(content, "BT /F1 {size} Tf 20 {y:.1} Td (w{}) Tj ET", n % 10);
        y -= size * 1.5;
    }
    pdf_of_pages(&[content])
}

/// `pages` one-line pages under one Pages node whose resources name `pages` fonts (one
/// font object, under every name), each page using its own: a page's resources must
/// not cost the size of the shared dictionary at every page.
pub fn shared_resources_pdf(pages: usize) -> Vec<u8> {
    let fonts: String = (0..pages).map(|n| format!("/F{n} 3 0 R ")).collect();
    let kids: String = (0..pages).map(|n| format!("{} 0 R ", 4 + 2 * n)).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Count {pages} /Kids [{kids}] /Resources << /Font << {fonts}>> >> >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for n in 0..pages {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R >>",
                5 + 2 * n
            )
            .into_bytes(),
        );
        let content = format!("BT /F{n} 12 Tf 72 700 Td (Side {n}) Tj ET");
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    pdf_of_objects(&objects)
}

/// A PDF of the given content streams, a page each, with Helvetica as /F1 and
/// Helvetica-Bold as /F2.
fn pdf_of_pages(pages: &[Vec<u8>]) -> Vec<u8> {
    let page_count = pages.len();
    // Objects: 1 catalog, 2 pages, 3 and 4 fonts, then a page and its content per page.
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Count {page_count} /Kids [{}] >>",
            (0..page_count)
                .map(|i| format!("{} 0 R", 5 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, content) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let compressed = encoder
            .write_all(content)
            .and_then(|()| encoder.finish())
            .unwrap_or_default();
        let mut stream = format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\n",
            compressed.len()
        )
        .into_bytes();
        stream.extend_from_slice(&compressed);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    pdf_of_objects(&objects)
}

/// A PDF file of `objects`, numbered from 1, with its cross-reference table.
fn pdf_of_objects(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_pdf_parses_like_its_text() {
        let text = "# DAGSORDEN 2021\n\n## KKR NORDJYLLAND\n\nDato: 15-01-2021 08:00\n\n**1. Godkendelse af dagsorden**\n\nBaggrund\n\nDagsordenen (udsendt) godkendes.\n\n**2. Eventuelt**\n\nIntet.\n";
        let from_pdf = dagsorden_pdf::parse_pdf(&text_to_pdf(text)).expect("PDF parses");
        let from_text = dagsorden::parse(text);
        let titles = |a: &dagsorden::model::Agenda| {
            a.walk()
                .map(|i| format!("{} {}", i.number, i.title))
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&from_pdf), titles(&from_text));
        assert_eq!(from_pdf.organisation, from_text.organisation);
        assert_eq!(from_pdf.meeting.date, from_text.meeting.date);
        assert_eq!(from_pdf.source.pages, Some(1));
    }

    fn lines_of(pdf: &[u8]) -> Vec<dagsorden_pdf::PdfLine> {
        let extracted = dagsorden_pdf::extract(pdf, &dagsorden_pdf::Limits::default());
        extracted.map(|e| e.lines).unwrap_or_default()
    }

    #[test]
    fn one_baseline_is_one_line_of_every_word() {
        let lines = lines_of(&one_baseline_pdf(300));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text.matches('w').count(), 300);
    }

    #[test]
    fn shared_resources_give_every_page_its_font() {
        let pdf = shared_resources_pdf(50);
        let extracted = dagsorden_pdf::extract(&pdf, &dagsorden_pdf::Limits::default());
        let extracted = extracted.map(|e| (e.pages, e.lines)).unwrap_or_default();
        assert_eq!(extracted.0, 50);
        assert!(
            extracted
                .1
                .iter()
                .enumerate()
                .all(|(n, l)| l.text == format!("Side {n}"))
        );
    }

    #[test]
    fn many_sizes_are_a_line_each() {
        let lines = lines_of(&many_sizes_pdf(200));
        assert_eq!(lines.len(), 200);
        assert!(lines.windows(2).all(|w| w[1].size > w[0].size));
    }

    #[test]
    fn long_documents_run_onto_more_pages() {
        let text = "Linje med tekst\n".repeat(200);
        let pdf = dagsorden_pdf::parse_pdf(&text_to_pdf(&text)).expect("PDF parses");
        assert_eq!(pdf.source.pages, Some(4));
    }
}
