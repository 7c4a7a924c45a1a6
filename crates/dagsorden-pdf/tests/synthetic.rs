//! Small PDFs written object by object, each exercising one thing the front end must
//! read right (fonts, encodings, operators, inheritance) or survive (hostile input).

use dagsorden_pdf::{
    Limit, Limits, MAX_MAPPED_CODES, PdfError, extract, parse_pdf, parse_pdf_with,
};

/// A minimal PDF: catalog, pages, one page per content stream, the given fonts
/// (`/F1`, `/F2`, …) and extra objects appended from number 100 on.
struct Pdf {
    page_resources_on_parent: bool,
    /// Fonts written into the resources as dictionaries, not as objects.
    inline_fonts: bool,
    catalog_extra: String,
    fonts: Vec<String>,
    pages: Vec<Vec<u8>>,
    extra: Vec<(u32, Vec<u8>)>,
    xobjects: Vec<(String, u32)>,
    /// Written into every page's dictionary (`/Rotate 90`).
    page_extra: String,
}

impl Pdf {
    fn new() -> Self {
        Pdf {
            page_resources_on_parent: false,
            inline_fonts: false,
            catalog_extra: String::new(),
            fonts: Vec::new(),
            pages: Vec::new(),
            extra: Vec::new(),
            xobjects: Vec::new(),
            page_extra: String::new(),
        }
    }

    fn page_extra(mut self, entries: &str) -> Self {
        self.page_extra = entries.to_owned();
        self
    }

    fn font(mut self, dict: &str) -> Self {
        self.fonts.push(dict.to_owned());
        self
    }

    fn inline_fonts(mut self) -> Self {
        self.inline_fonts = true;
        self
    }

    fn page(mut self, content: &[u8]) -> Self {
        self.pages.push(content.to_vec());
        self
    }

    fn object(mut self, number: u32, body: &[u8]) -> Self {
        self.extra.push((number, body.to_vec()));
        self
    }

    fn build(&self) -> Vec<u8> {
        let font_base = 10u32;
        let page_base = 20u32;
        let fonts: String = (0..self.fonts.len())
            .map(|i| match self.inline_fonts {
                true => format!("/F{} {} ", i + 1, self.fonts[i]),
                false => format!("/F{} {} 0 R ", i + 1, font_base + i as u32),
            })
            .collect();
        let xobjects: String = self
            .xobjects
            .iter()
            .map(|(n, id)| format!("/{n} {id} 0 R "))
            .collect();
        let resources = format!("/Resources << /Font << {fonts}>> /XObject << {xobjects}>> >>");
        let kids: String = (0..self.pages.len())
            .map(|i| format!("{} 0 R ", page_base + 2 * i as u32))
            .collect();
        let mut objects: Vec<(u32, Vec<u8>)> = vec![
            (
                1,
                format!("<< /Type /Catalog /Pages 2 0 R {} >>", self.catalog_extra).into_bytes(),
            ),
            (
                2,
                format!(
                    "<< /Type /Pages /Kids [{kids}] /Count {} {} >>",
                    self.pages.len(),
                    if self.page_resources_on_parent {
                        resources.as_str()
                    } else {
                        ""
                    }
                )
                .into_bytes(),
            ),
        ];
        for (i, dict) in self.fonts.iter().enumerate() {
            objects.push((font_base + i as u32, dict.clone().into_bytes()));
        }
        for (i, content) in self.pages.iter().enumerate() {
            let page = page_base + 2 * i as u32;
            let own = if self.page_resources_on_parent {
                ""
            } else {
                resources.as_str()
            };
            objects.push((page, format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {} {own} /Contents {} 0 R >>", self.page_extra, page + 1).into_bytes()));
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(content);
            stream.extend_from_slice(b"\nendstream");
            objects.push((page + 1, stream));
        }
        objects.extend(self.extra.iter().cloned());
        objects.sort_by_key(|(n, _)| *n);
        let size = objects.last().map_or(1, |(n, _)| n + 1);
        let mut out = b"%PDF-1.5\n".to_vec();
        let mut offsets = vec![None; size as usize];
        for (n, body) in &objects {
            offsets[*n as usize] = Some(out.len());
            out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
        for offset in &offsets {
            match offset {
                Some(o) => out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes()),
                None => out.extend_from_slice(b"0000000000 65535 f \n"),
            }
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n")
                .as_bytes(),
        );
        out
    }
}

const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
const HELVETICA_BOLD: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";

fn text_of(pdf: &[u8]) -> Vec<String> {
    extract(pdf, &Limits::default())
        .expect("extracts")
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

#[test]
fn winansi_danish_letters_and_bullet() {
    // æ ø å Æ Ø Å in WinAnsi, and 0x95 / 0x7F as bullets.
    let pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 72 700 Td (M\\370de i K\\370ge \\346 \\345 \\306 \\330 \\305) Tj 0 -14 Td (\\225 punkt) Tj 0 -14 Td (\\177 andet) Tj ET")
        .build();
    assert_eq!(
        text_of(&pdf),
        ["Møde i Køge æ å Æ Ø Å", "• punkt", "• andet"]
    );
}

#[test]
fn the_symbol_fonts_built_in_encodings() {
    // Symbol's 0xB7 is its bullet (xhtml2pdf's list items), ZapfDingbats' 0x6C a disc.
    let pdf = Pdf::new()
        .font(HELVETICA)
        .font("<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>")
        .font("<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>")
        .page(b"BT /F2 10 Tf 72 700 Td (\\267) Tj /F1 10 Tf 10 0 Td (Bilag 1) Tj ET BT /F3 10 Tf 72 686 Td (l) Tj /F1 10 Tf 10 0 Td (Bilag 2) Tj ET")
        .build();
    assert_eq!(text_of(&pdf), ["\u{2022} Bilag 1", "\u{25cf} Bilag 2"]);
}

#[test]
fn differences_glyph_names() {
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /aring /oslash /ae /f_i /uni00C5] >> >>";
    let pdf = Pdf::new()
        .font(font)
        .page(b"BT /F1 10 Tf 72 700 Td (m\\002de p\\001 \\003 \\004nt \\005) Tj ET")
        .build();
    assert_eq!(text_of(&pdf), ["møde på æ fint Å"]);
}

#[test]
fn macroman_standard_encoding_and_ligatures() {
    // MacRoman: \276 æ, \277 ø, \214 å. Standard: \361 æ, \371 ø. A ligature glyph
    // from /Differences comes out as its letters.
    let pdf = Pdf::new()
        .font("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding >>")
        .font("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /StandardEncoding >>")
        .font("<< /Type /Font /Subtype /Type1 /BaseFont /X /Encoding << /Differences [1 /fi /fl] >> >>")
        .page(br"BT /F1 10 Tf 72 700 Td (K\277ge \276 \214) Tj ET BT /F2 10 Tf 72 680 Td (\361 \371) Tj ET BT /F3 10 Tf 72 660 Td (\001nans \002ow) Tj ET")
        .build();
    assert_eq!(text_of(&pdf), ["Køge æ å", "æ ø", "finans flow"]);
}

#[test]
fn glyphs_without_any_mapping_are_kept_as_replacement_and_reported() {
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Mystery /Encoding << /Differences [65 /g17 /g18] >> >>";
    let pdf = Pdf::new()
        .font(font)
        .page(b"BT /F1 10 Tf 72 700 Td (AB ok) Tj ET")
        .build();
    let extracted = extract(&pdf, &Limits::default()).expect("extracts");
    assert_eq!(extracted.lines[0].text, "\u{fffd}\u{fffd} ok");
    let d = &extracted.diagnostics[0];
    assert!(
        d.message.contains("2 glyph(s)") && d.message.contains("Mystery"),
        "{}",
        d.message
    );
}

#[test]
fn type0_identity_h_with_tounicode() {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        3 beginbfchar <0001> <0053> <0002> <00F8> <0003> <0020> endbfchar\n1 beginbfrange <0010> <0012> <0061> endbfrange\nendcmap end end";
    let mut to_unicode = format!("<< /Length {} >>\nstream\n", cmap.len()).into_bytes();
    to_unicode.extend_from_slice(cmap);
    to_unicode.extend_from_slice(b"\nendstream");
    let pdf = Pdf::new()
        .font("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+DejaVuSans-Bold /Encoding /Identity-H /DescendantFonts [101 0 R] /ToUnicode 100 0 R >>")
        .object(100, &to_unicode)
        .object(101, b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans-Bold /DW 600 /W [1 [700 600 300]] >>")
        .page(b"BT /F1 12 Tf 72 700 Td <0001000200030010001100120010> Tj ET")
        .build();
    let extracted = extract(&pdf, &Limits::default()).expect("extracts");
    assert_eq!(extracted.lines[0].text, "Sø abca");
    assert!(extracted.lines[0].bold);
}

/// A ToUnicode stream of `ranges` ranges over the whole two-byte code space (each maps
/// its codes from "A" on), then `after` (more CMap lines).
fn whole_space_to_unicode(ranges: usize, after: &str) -> Vec<u8> {
    let mut cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n{ranges} beginbfrange\n"
    );
    cmap.push_str(&"<0000> <FFFF> <0041>\n".repeat(ranges));
    cmap.push_str("endbfrange\n");
    cmap.push_str(after);
    cmap.push_str("endcmap end end");
    let mut to_unicode = format!("<< /Length {} >>\nstream\n", cmap.len()).into_bytes();
    to_unicode.extend_from_slice(cmap.as_bytes());
    to_unicode.extend_from_slice(b"\nendstream");
    to_unicode
}

/// A CMap and a width array of many whole-code-space ranges (a few bytes each, 65,536
/// codes each): the document's budget of mapped codes ends their expansion (it would
/// take minutes), the text the first ranges map is read, and what was not read is
/// reported.
#[test]
fn ranges_over_the_whole_code_space_are_expanded_only_to_the_budget() {
    let ranges = 100;
    let to_unicode = whole_space_to_unicode(ranges, "1 beginbfchar <0001> <0058> endbfchar\n");
    let widths = format!(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 /W [{}] >>",
        "0 65535 600 ".repeat(ranges)
    );
    let pdf = Pdf::new()
        .font("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [101 0 R] /ToUnicode 100 0 R >>")
        .object(100, &to_unicode)
        .object(101, widths.as_bytes())
        .page(b"BT /F1 12 Tf 72 700 Td <000000010002> Tj ET")
        .build();
    let extracted = extract(&pdf, &Limits::default()).expect("extracts");
    let text = &extracted.lines[0].text;
    // Codes 0 and 2 are "A" and "C" by the first ranges; code 1's own entry comes after
    // the budget.
    assert!(text.starts_with('A') && text.ends_with('C') && text.chars().count() == 3);
    assert!(
        extracted
            .diagnostics
            .iter()
            .any(|d| d.message.contains("character codes") && d.message.contains("not read")),
        "{:?}",
        extracted.diagnostics
    );
}

/// A CMap whose ranges define exactly the budget: every code was read, so there is no
/// warning that some were not (the budget was once judged spent when it reached zero).
#[test]
fn a_map_of_exactly_the_budget_is_read_without_a_warning() {
    let ranges = MAX_MAPPED_CODES / 65_536;
    assert_eq!(
        ranges * 65_536,
        MAX_MAPPED_CODES,
        "whole ranges fill the budget"
    );
    let to_unicode = whole_space_to_unicode(ranges, "");
    let pdf = Pdf::new()
        .font("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [101 0 R] /ToUnicode 100 0 R >>")
        .object(100, &to_unicode)
        .object(101, b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 >>")
        .page(b"BT /F1 12 Tf 72 700 Td <000000010002> Tj ET")
        .build();
    let extracted = extract(&pdf, &Limits::default()).expect("extracts");
    assert_eq!(extracted.lines[0].text, "ABC");
    assert!(
        !extracted
            .diagnostics
            .iter()
            .any(|d| d.message.contains("character codes")),
        "{:?}",
        extracted.diagnostics
    );
}

/// A font given as a dictionary in the resources, set again at every line: it is read
/// once, so its whole-code-space map is expanded once, not at every `Tf` (which took
/// the document's code budget after 64 of them and left later lines unmapped).
#[test]
fn a_font_dictionary_in_the_resources_is_read_once() {
    let cmap = b"1 beginbfrange <0000> <FFFF> <0000> endbfrange";
    let mut to_unicode = format!("<< /Length {} >>\nstream\n", cmap.len()).into_bytes();
    to_unicode.extend_from_slice(cmap);
    to_unicode.extend_from_slice(b"\nendstream");
    let lines = 100;
    let mut content = Vec::new();
    for n in 0..lines {
        content.extend_from_slice(
            format!(
                "BT /F1 12 Tf 72 {} Td <004C0069006E006A0065> Tj ET\n",
                760 - 7 * n
            )
            .as_bytes(),
        );
    }
    let pdf = Pdf::new()
        .inline_fonts()
        .font("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [101 0 R] /ToUnicode 100 0 R >>")
        .object(100, &to_unicode)
        .object(101, b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 500 >>")
        .page(&content)
        .build();
    let extracted = extract(&pdf, &Limits::default()).expect("extracts");
    assert_eq!(extracted.lines.len(), lines);
    assert!(
        extracted.lines.iter().all(|l| l.text == "Linje"),
        "{:?}",
        extracted.lines.last()
    );
    assert!(
        extracted.diagnostics.is_empty(),
        "{:?}",
        extracted.diagnostics
    );
}

#[test]
fn tj_kerning_gaps_become_spaces_and_small_ones_do_not() {
    let pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 72 700 Td [(Det) -900 (indstilles,) -900 (at) -15 (KKR) -900 (godk) 20 (ender.)] TJ ET")
        .build();
    let text = text_of(&pdf).join("\n");
    assert!(text.starts_with("Det indstilles, at"), "{text}");
    assert!(text.contains("godkender."), "{text}");
}

#[test]
fn a_turned_page_is_read_as_it_is_shown() {
    // A landscape page merged as a portrait one: its content turned a quarter left,
    // and the page shown turned a quarter right (/Rotate 90).
    let content = b"q 0 1 -1 0 595 0 cm BT /F1 10 Tf 50 500 Td (Udvalg   Budget) Tj ET BT /F1 10 Tf 50 480 Td (Teknik   4.210) Tj ET BT /F1 10 Tf 50 460 Td (Kultur   650) Tj ET Q";
    let turned = Pdf::new()
        .font(HELVETICA)
        .page_extra("/Rotate 90")
        .page(content)
        .build();
    assert_eq!(
        text_of(&turned),
        ["Udvalg   Budget", "Teknik   4.210", "Kultur   650"]
    );
    // Without /Rotate the same content runs up the page, a glyph column per line.
    let upright = Pdf::new().font(HELVETICA).page(content).build();
    assert_ne!(
        text_of(&upright),
        ["Udvalg   Budget", "Teknik   4.210", "Kultur   650"]
    );
}

#[test]
fn text_at_a_slant_is_a_watermark_left_out_and_reported() {
    let pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 72 700 Td (Budgettet godkendes.) Tj ET BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 150 250 Tm (OFFENTLIG VERSION) Tj ET")
        .build();
    assert_eq!(text_of(&pdf), ["Budgettet godkendes."]);
    let agenda = parse_pdf(&pdf).expect("parses");
    assert!(
        agenda
            .diagnostics
            .iter()
            .any(|d| d.text.as_deref() == Some("OFFENTLIG VERSION")),
        "{:?}",
        agenda.diagnostics
    );
}

#[test]
fn quote_operators_and_leading() {
    let pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 14 TL 72 700 Td (Baggrund) Tj (Der afholdes m\\370de.) ' 0 0 (Andet afsnit.) \" ET")
        .build();
    assert_eq!(
        text_of(&pdf),
        ["Baggrund", "Der afholdes møde.", "Andet afsnit."]
    );
}

#[test]
fn resources_inherited_from_the_pages_node() {
    let mut pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 72 700 Td (Arvet skrift) Tj ET");
    pdf.page_resources_on_parent = true;
    assert_eq!(text_of(&pdf.build()), ["Arvet skrift"]);
}

#[test]
fn form_xobject_text_is_read_and_a_self_drawing_form_stops() {
    let form_content = b"BT /F1 9 Tf 72 800 Td (KKR NORDJYLLAND | 15-01-2021) Tj ET /X1 Do";
    let mut form = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length {} >>\nstream\n",
        form_content.len()
    )
    .into_bytes();
    form.extend_from_slice(form_content);
    form.extend_from_slice(b"\nendstream");
    let mut pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"/X1 Do BT /F1 10 Tf 72 700 Td (Indhold) Tj ET")
        .object(100, &form);
    pdf.xobjects.push(("X1".into(), 100));
    let text = text_of(&pdf.build());
    assert_eq!(text, ["KKR NORDJYLLAND | 15-01-2021", "Indhold"]);
}

#[test]
fn headings_from_size_and_bold_reach_the_builder() {
    let pdf = Pdf::new()
        .font(HELVETICA)
        .font(HELVETICA_BOLD)
        .page(
            b"BT /F2 16 Tf 72 780 Td (DAGSORDEN 2021) Tj ET BT /F2 14 Tf 72 750 Td (KKR NORDJYLLAND) Tj ET \
              BT /F1 10 Tf 72 720 Td (Dato: 15-01-2021 08:00) Tj ET \
              BT /F2 14 Tf 72 680 Td (1. Godkendelse af dagsorden) Tj ET \
              BT /F2 14 Tf 72 650 Td (2. Valg af repr\\346sentanter) Tj ET \
              BT /F1 10 Tf 72 630 Td (SAG-2021-00200 hlth) Tj ET \
              BT /F2 10 Tf 72 605 Td (Indstilling) Tj ET \
              BT /F1 10 Tf 72 585 Td (Det indstilles, at KKR v\\346lger to medlemmer.) Tj ET",
        )
        .build();
    let agenda = parse_pdf(&pdf).expect("parses");
    assert_eq!(agenda.title.as_deref(), Some("DAGSORDEN 2021"));
    assert_eq!(agenda.organisation.as_deref(), Some("KKR NORDJYLLAND"));
    assert_eq!(
        agenda.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2021-01-15")
    );
    let titles: Vec<&str> = agenda.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Godkendelse af dagsorden", "Valg af repræsentanter"]
    );
    assert_eq!(
        agenda.items[1].case.as_ref().map(|c| c.id.as_str()),
        Some("SAG-2021-00200")
    );
    assert_eq!(agenda.items[1].recommendations, ["KKR vælger to medlemmer"]);
    assert!(
        agenda
            .items
            .iter()
            .all(|i| i.span.page.map(|p| p.get()) == Some(1))
    );
    assert_eq!(agenda.source.pages, Some(1));
}

#[test]
fn the_outline_names_the_items_when_no_toc_is_printed() {
    // Unstyled headings set in running text with no spacing: without more evidence they
    // read as paragraph text; the outline (bookmarks) says they are items 1 and 2.
    let content = b"BT /F1 10 Tf 12 TL 72 760 Td (Referat) Tj T* (Dato: 3. maj 2022) Tj T* (1. Godkendelse af dagsorden) Tj T* \
        (Godkendt.) Tj T* (2. Budgetopf\\370lgning for 2022) Tj T* (Taget til efterretning.) Tj ET";
    let plain = Pdf::new().font(HELVETICA).page(content).build();
    let without = parse_pdf(&plain).expect("parses");
    assert!(
        without.items.is_empty(),
        "{:?}",
        without.items.iter().map(|i| &i.title).collect::<Vec<_>>()
    );

    let mut with_outline = Pdf::new()
        .font(HELVETICA)
        .page(content)
        .object(200, b"<< /Type /Outlines /First 201 0 R /Last 202 0 R /Count 2 >>")
        .object(201, b"<< /Title (1. Godkendelse af dagsorden) /Parent 200 0 R /Next 202 0 R /Dest [20 0 R /XYZ 0 748 0] >>")
        .object(202, b"<< /Title (2. Budgetopf\\370lgning for 2022) /Parent 200 0 R /Prev 201 0 R /Dest [20 0 R /XYZ 0 724 0] >>");
    with_outline.catalog_extra = "/Outlines 200 0 R".into();
    let agenda = parse_pdf(&with_outline.build()).expect("parses");
    let titles: Vec<&str> = agenda.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Godkendelse af dagsorden", "Budgetopfølgning for 2022"]
    );
}

// ---- hostile input -------------------------------------------------------------------

#[test]
fn not_a_pdf() {
    assert_eq!(
        extract(b"<html>hello</html>", &Limits::default()).err(),
        Some(PdfError::NotPdf)
    );
    assert_eq!(
        extract(b"", &Limits::default()).err(),
        Some(PdfError::NotPdf)
    );
}

#[test]
fn a_pdf_without_text_is_an_error_not_an_empty_success() {
    let pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"0 0 m 100 100 l S")
        .build();
    assert_eq!(parse_pdf(&pdf).err(), Some(PdfError::NoText { pages: 1 }));
}

#[test]
fn truncated_files_recover_or_fail_clearly() {
    let pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 72 700 Td (REFERAT) Tj ET")
        .build();
    for cut in [
        pdf.len() / 3,
        pdf.len() / 2,
        pdf.len() * 2 / 3,
        pdf.len() - 10,
    ] {
        match parse_pdf(&pdf[..cut]) {
            Ok(agenda) => assert!(agenda.title.is_some() || !agenda.diagnostics.is_empty()),
            Err(e) => assert!(
                matches!(e, PdfError::Damaged { .. } | PdfError::NoText { .. }),
                "{e:?}"
            ),
        }
    }
}

#[test]
fn decompression_bomb_hits_the_limit() {
    // 8 MiB of zeros compress to a few KiB; the limit here is 1 MiB.
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let compressed = zlib(&zeros);
    let mut stream = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length {} /Filter /FlateDecode >>\nstream\n",
        compressed.len()
    )
    .into_bytes();
    stream.extend_from_slice(&compressed);
    stream.extend_from_slice(b"\nendstream");
    let mut pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"BT /F1 10 Tf 72 700 Td (x) Tj ET /Bomb Do")
        .object(100, &stream);
    pdf.xobjects.push(("Bomb".into(), 100));
    let limits = Limits {
        max_decompressed_bytes: 1024 * 1024,
        ..Limits::default()
    };
    assert_eq!(
        parse_pdf_with(&pdf.build(), &limits).err(),
        Some(PdfError::TooLarge {
            limit: Limit::DecompressedBytes,
            max: 1024 * 1024
        })
    );
    // Under the default limit the same file reads (its page has text).
    assert!(parse_pdf(&pdf.build()).is_ok());
}

#[test]
fn deep_nesting_and_cycles_do_not_overflow_the_stack() {
    let mut deep = b"BT /F1 10 Tf 72 700 Td (Dybt) Tj ET ".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend(std::iter::repeat_n(b']', 100_000));
    let pdf = Pdf::new().font(HELVETICA).page(&deep).build();
    let _ = parse_pdf(&pdf); // any result but a crash

    let form_content = b"/X1 Do BT /F1 9 Tf 72 800 Td (Igen) Tj ET";
    let mut form = format!("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 100 0 R >> /Font << /F1 10 0 R >> >> /Length {} >>\nstream\n", form_content.len()).into_bytes();
    form.extend_from_slice(form_content);
    form.extend_from_slice(b"\nendstream");
    let mut pdf = Pdf::new()
        .font(HELVETICA)
        .page(b"/X1 Do")
        .object(100, &form);
    pdf.xobjects.push(("X1".into(), 100));
    let extracted = extract(&pdf.build(), &Limits::default()).expect("extracts");
    // The form draws itself: it is drawn once, and the cycle is reported.
    assert_eq!(extracted.lines.len(), 1, "{:?}", extracted.lines);
    assert!(
        extracted
            .diagnostics
            .iter()
            .any(|d| d.message.contains("draw themselves")),
        "{:?}",
        extracted.diagnostics
    );
}

/// A chain of `depth` distinct forms, each drawing the next; the last one has text.
fn form_chain(depth: u32) -> Vec<u8> {
    let mut pdf = Pdf::new().font(HELVETICA).page(b"/X100 Do");
    for level in 0..depth {
        let id = 100 + level;
        let content = if level + 1 == depth {
            "BT /F1 9 Tf 72 800 Td (Bund) Tj ET".to_string()
        } else {
            format!("/X{} Do", id + 1)
        };
        let mut form = format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X{} {} 0 R >> /Font << /F1 10 0 R >> >> /Length {} >>\nstream\n",
            id + 1,
            id + 1,
            content.len()
        )
        .into_bytes();
        form.extend_from_slice(content.as_bytes());
        form.extend_from_slice(b"\nendstream");
        pdf = pdf.object(id, &form);
    }
    pdf.xobjects.push(("X100".into(), 100));
    pdf.build()
}

#[test]
fn form_nesting_past_the_limit_is_a_typed_error_not_lost_text() {
    let limits = Limits {
        max_form_depth: 8,
        ..Limits::default()
    };
    let shallow = extract(&form_chain(8), &limits).expect("within the limit");
    assert_eq!(shallow.lines.len(), 1);
    assert_eq!(
        extract(&form_chain(9), &limits).err(),
        Some(PdfError::TooLarge {
            limit: Limit::FormDepth,
            max: 8
        })
    );
}

/// A page that draws one form `draws` times; the form shows `letters` letters.
fn form_drawn_many_times(draws: usize, letters: usize) -> Vec<u8> {
    let page = "/X100 Do ".repeat(draws);
    let content = format!("BT /F1 9 Tf 72 800 Td ({}) Tj ET", "A".repeat(letters));
    let mut form = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 10 0 R >> >> /Length {} >>\nstream\n",
        content.len()
    )
    .into_bytes();
    form.extend_from_slice(content.as_bytes());
    form.extend_from_slice(b"\nendstream");
    let mut pdf = Pdf::new()
        .font(HELVETICA)
        .page(page.as_bytes())
        .object(100, &form);
    pdf.xobjects.push(("X100".into(), 100));
    pdf.build()
}

#[test]
fn text_multiplied_by_a_form_drawn_many_times_is_held_to_the_text_limit() {
    // 400 draws of 1,000 letters: 400 KB of text from a file of a few KB.
    let pdf = form_drawn_many_times(400, 1000);
    assert!(pdf.len() < 10_000, "{}", pdf.len());
    let limits = Limits {
        text: dagsorden::Limits {
            max_input_bytes: 100_000,
            ..dagsorden::Limits::default()
        },
        ..Limits::default()
    };
    let error = extract(&pdf, &limits).err();
    assert_eq!(
        error,
        Some(PdfError::TooLarge {
            limit: Limit::TextBytes,
            max: 100_000
        })
    );
    assert!(error.is_some_and(|e| e.to_string().contains("extracted text")));
    // Within the limit the same file reads.
    assert!(extract(&form_drawn_many_times(40, 1000), &limits).is_ok());
    assert!(extract(&pdf, &Limits::default()).is_ok());
}

#[test]
fn input_size_limit_is_a_typed_error() {
    let pdf = form_chain(1);
    let limits = Limits {
        max_input_bytes: pdf.len() - 1,
        ..Limits::default()
    };
    let error = parse_pdf_with(&pdf, &limits).err();
    assert_eq!(
        error,
        Some(PdfError::TooLarge {
            limit: Limit::InputBytes,
            max: pdf.len() - 1
        })
    );
    assert!(error.is_some_and(|e| e.to_string().contains("file size")));
    assert!(parse_pdf(&pdf).is_ok());
}

fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("in memory");
    encoder.finish().expect("in memory")
}

#[test]
fn deeply_nested_objects_in_the_document_structure_are_an_error_not_a_crash() {
    let depth = 200_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Foo {nested} >>"),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    // On the stack size of a spawned (and rayon) thread, 2 MiB: recursion per nesting
    // level would overflow here (lopdf stops parsing at 100 levels).
    let result = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || parse_pdf(&pdf).err())
        .expect("thread")
        .join()
        .expect("no stack overflow");
    assert!(
        matches!(
            result,
            Some(PdfError::NoText { .. } | PdfError::Damaged { .. })
        ),
        "{result:?}"
    );
}
