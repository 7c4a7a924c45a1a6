#!/usr/bin/env python3
"""A straightforward Python regex parser of the seed agenda format: the baseline an
analyst would write in an afternoon. Benchmark only (benches/compare/text.py), not shipped.

It reads an agenda text file (UTF-8, falling back to Windows-1252) and extracts the title
line, the meeting fields ("Dato:", "Sted:", ...), the table of contents, the items
("2.1. Title", "Punkt 3: Title"), a case number per item and the sections under each item
(Baggrund, Indstilling, Sagsfremstilling, Beslutning, ...) with their text. One JSON object
per file: {path, title, fields, toc, items: [{number, title, case, sections: {kind: text}}]}.

Usage: baseline.py [--workers N] [--files-from LIST|-] FILE...   (JSON Lines on stdout)
"""
import argparse
import json
import re
import sys

# Converter hints: "## heading", "**bold**", "<b>bold</b>".
HASHES = re.compile(r"^#{1,6}\s+")
MARKUP = re.compile(r"\*\*|</?b>")

TITLE = re.compile(r"^(?:tillægs)?(?:dagsorden|referat)\b", re.I)
# Letter-spaced titles ("R E F E R A T", "D AG SORDEN 2019") are matched with the spaces removed.
TITLE_SQUEEZED = re.compile(r"^(?:TILLÆGS)?(?:DAGSORDEN|REFERAT)")
FIELD = re.compile(
    r"^(Dato|Mødedato|Tidspunkt|Mødetid|Mødetidspunkt|Mødeafslutning|Sted|Mødested|Lokale"
    r"|Deltagere|Afbud|Fraværende(?: med afbud| uden afbud)?|Mødeleder|Referent|Formand)\s*:\s*(.*)$",
    re.I,
)
TOC_HEADING = re.compile(r"^(?:Indholdsfortegnelse|Indhold)(?![a-zæøå])\s*(.*)$")
# "2.1. Title ........ 4", "1.\tTitle\t2", "1. Title.....\t3"
TOC_LINE = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*)\.?\s+(.+?)\s*(?:\.{2,}\s*|\t\s*)(\d{1,3})$")
# The tail of a TOC entry wrapped over two lines: "hjerneskade ............ 7"
TOC_TAIL = re.compile(r"^(.+?)\s*\.{2,}\s*(\d{1,3})$")
ITEM = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
PUNKT = re.compile(r"^Punkt\s+(\d{1,3})\s*[:.]\s*(\S.*)$", re.I)
CASE_LINE = re.compile(
    r"^(?:(?:Sagsnr|Sagnr|Sag nr|Sags ?id|J\.? ?nr|Journalnr)\.?\s*:?\s*(\S+)"
    r"|(SAG-\d{4}-\d+)(?:\s+\w+)?$"
    r"|(\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}))",
    re.I,
)
# Some exports put the KLE journal number on the line above the item heading.
KLE_ONLY = re.compile(r"^\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}$")
TITLE_CASE = re.compile(r"\s*\((\d{4}-\d{6,7})?\s*\)\s*$")
SECTION = re.compile(
    r"^(baggrund|indstilling og beslutning|indstilling|sagsfremstilling|sagsbeskrivelse"
    r"|sagens indhold|beslutning(?:\s+(?:i|fra)\s+.+)?|bilag|økonomi|lovgrundlag|kommunikation"
    r"|resumé|resume|problemstilling|løsning|videre proces|anledning|sagsforløb|forventet sagsgang"
    r"|personale|tidsplan|høring|miljø|retsgrundlag|politisk behandling)\s*:?$",
    re.I,
)
KINDS = {"resumé": "resume", "sagsbeskrivelse": "sagsfremstilling", "sagens indhold": "sagsfremstilling"}


def read_text(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\xa0", " ").replace("\xad", "")


def clean(line):
    line = line.strip()
    line = HASHES.sub("", line)
    return MARKUP.sub("", line).strip()


def number_key(number):
    return tuple(int(n) for n in number.split("."))


def parse(text):
    doc = {"title": None, "fields": {}, "toc": [], "items": []}
    lines = [clean(l) for l in text.splitlines()]
    item = None
    section = None
    body = []
    last_field = None
    in_toc = False
    last_top = 0
    last_sub = ()
    pending_case = None

    def close_section():
        if item is not None and section is not None:
            joined = "\n".join(body).strip()
            old = item["sections"].get(section)
            item["sections"][section] = joined if old is None else old + "\n\n" + joined
        body.clear()

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        i += 1
        if not line:
            last_field = None
            if in_toc and doc["toc"]:
                in_toc = False
            if section is not None:
                body.append("")
            continue

        if item is None:
            # Preamble and table of contents.
            if doc["title"] is None:
                if TITLE.match(line) or (line.isupper() and TITLE_SQUEEZED.match(line.replace(" ", ""))):
                    doc["title"] = line
                    continue
            m = FIELD.match(line)
            if m:
                last_field = m.group(1)
                doc["fields"][last_field] = m.group(2).strip()
                continue
            if last_field is not None and not ITEM.match(line):
                doc["fields"][last_field] += " " + line
                continue
            m = TOC_HEADING.match(line)
            if m:
                in_toc = True
                line = m.group(1)
                if not line:
                    continue
            m = TOC_LINE.match(line)
            if m:
                doc["toc"].append({"number": m.group(1), "title": m.group(2).rstrip(" ."), "page": int(m.group(3))})
                continue
            m = ITEM.match(line)
            if m and i < n:
                # A TOC entry wrapped over two lines: the next line carries leaders and page.
                tail = TOC_TAIL.match(lines[i]) if lines[i] and not ITEM.match(lines[i]) else None
                if tail:
                    title = m.group(2) + " " + tail.group(1).rstrip(" .")
                    doc["toc"].append({"number": m.group(1), "title": title, "page": int(tail.group(2))})
                    i += 1
                    continue
            if m and in_toc:
                doc["toc"].append({"number": m.group(1), "title": m.group(2), "page": None})
                continue

        if KLE_ONLY.match(line):
            pending_case = line
            continue
        m = ITEM.match(line) or PUNKT.match(line)
        if m and m.group(2)[0].isupper():
            number = m.group(1)
            key = number_key(number)
            # Numbered lists inside sections ("1. At ...") restart at 1: an item number must
            # move forward (a new top-level number, or the next sub-item of the current one).
            if key[0] > last_top or (len(key) > 1 and key[0] == last_top and key > last_sub):
                close_section()
                section = None
                last_top, last_sub = key[0], key
                title = m.group(2)
                case = pending_case
                tc = TITLE_CASE.search(title)
                if tc:
                    case = tc.group(1)
                    title = title[: tc.start()]
                item = {"number": number, "title": title.strip(), "case": case, "sections": {}}
                doc["items"].append(item)
                pending_case = None
                continue
        pending_case = None
        if item is None:
            continue
        m = SECTION.match(line)
        if m:
            close_section()
            kind = m.group(1).lower()
            if kind.startswith("beslutning "):
                kind = "beslutning"
            section = KINDS.get(kind, kind)
            continue
        if section is None:
            if item["case"] is None:
                m = CASE_LINE.match(line)
                if m:
                    item["case"] = m.group(1) or m.group(2) or m.group(3)
            continue
        body.append(line)
    close_section()
    return doc


def parse_path(path):
    doc = parse(read_text(path))
    doc = {"path": path, **doc}
    return json.dumps(doc, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--files-from", help="a file listing one path per line ('-' for stdin)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    paths = list(args.files)
    if args.files_from:
        listing = sys.stdin if args.files_from == "-" else open(args.files_from, encoding="utf-8")
        paths += [p.rstrip("\n") for p in listing if p.strip()]
    out = sys.stdout
    if args.workers <= 1:
        for path in paths:
            out.write(parse_path(path))
            out.write("\n")
    else:
        from multiprocessing import Pool

        with Pool(args.workers) as pool:
            for line in pool.imap(parse_path, paths, chunksize=16):
                out.write(line)
                out.write("\n")


if __name__ == "__main__":
    main()
