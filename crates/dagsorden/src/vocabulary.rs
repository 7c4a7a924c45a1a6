//! The words of Danish agendas, as data: section headings, meeting-field keys, case
//! number forms, title words, month names. A new producer's wording is an entry here,
//! not a new code path.

use dagsorden_model::{DocumentKind, SectionKind};

/// Section headings, lowercase, longest first where one is a prefix of another.
pub const SECTION_HEADINGS: &[(&str, SectionKind)] = &[
    ("sagsfremstilling", SectionKind::Sagsfremstilling),
    ("sagsbeskrivelse", SectionKind::Sagsfremstilling),
    ("beskrivelse af sagen", SectionKind::Sagsfremstilling),
    ("beskrivelse", SectionKind::Sagsfremstilling),
    ("sagens indhold", SectionKind::Sagsfremstilling),
    // An item brought back after a hearing or an earlier decision.
    (
        "supplerende sagsfremstilling",
        SectionKind::Sagsfremstilling,
    ),
    ("indstilling", SectionKind::Indstilling),
    ("forslag til beslutning", SectionKind::Indstilling),
    ("forslag til indstilling", SectionKind::Indstilling),
    ("forslag", SectionKind::Indstilling),
    ("baggrund", SectionKind::Baggrund),
    ("baggrund for sagen", SectionKind::Baggrund),
    ("beslutning", SectionKind::Beslutning),
    ("beslutninger", SectionKind::Beslutning),
    ("afgørelse", SectionKind::Beslutning),
    ("resume", SectionKind::Resume),
    ("resumé", SectionKind::Resume),
    ("sammenfatning", SectionKind::Resume),
    ("sagen i korte træk", SectionKind::Resume),
    ("kort resume", SectionKind::Resume),
    ("kort resumé", SectionKind::Resume),
    ("kort om sagen", SectionKind::Resume),
    ("bilag", SectionKind::Bilag),
    ("bilagsliste", SectionKind::Bilag),
    ("bilagsfortegnelse", SectionKind::Bilag),
    ("oversigt over bilag", SectionKind::Bilag),
    ("økonomi", SectionKind::Okonomi),
    ("økonomiske konsekvenser", SectionKind::Okonomi),
    ("økonomi og finansiering", SectionKind::Okonomi),
    ("sagsforløb", SectionKind::Sagsforlob),
    ("sagens tidligere behandling", SectionKind::Sagsforlob),
    ("tidligere behandling", SectionKind::Sagsforlob),
    ("tidligere beslutninger", SectionKind::Sagsforlob),
    ("forventet sagsgang", SectionKind::ForventetSagsgang),
    ("videre proces", SectionKind::ForventetSagsgang),
    ("videre forløb", SectionKind::ForventetSagsgang),
    ("den videre proces", SectionKind::ForventetSagsgang),
    ("anledning", SectionKind::Anledning),
    ("personale", SectionKind::Personale),
    ("personalemæssige konsekvenser", SectionKind::Personale),
    ("lovgrundlag", SectionKind::Lovgrundlag),
    ("retsgrundlag", SectionKind::Lovgrundlag),
    ("høring", SectionKind::Horing),
    ("høringssvar", SectionKind::Horing),
    ("tidsplan", SectionKind::Tidsplan),
    ("kommunikation", SectionKind::Kommunikation),
    // Headings many producers use, with no kind of their own.
    ("vurdering", SectionKind::Other),
    ("miljøvurdering", SectionKind::Other),
    ("miljømæssige konsekvenser", SectionKind::Other),
    // The climate assessment many kommuner's templates have added since the 2020s.
    ("klimavurdering", SectionKind::Other),
    ("klimakonsekvenser", SectionKind::Other),
    ("klima- og miljøvurdering", SectionKind::Other),
    ("klima- og miljøkonsekvenser", SectionKind::Other),
    ("administrationens vurdering", SectionKind::Other),
    ("forvaltningens vurdering", SectionKind::Other),
    // Minutes written by hand: "Drøftelse: Udvalget drøftede …", "Konklusion: …", and
    // under each item its "Referat:" and who does what next ("Opfølgning:").
    ("drøftelse", SectionKind::Other),
    ("konklusion", SectionKind::Other),
    ("referat", SectionKind::Other),
    ("opfølgning", SectionKind::Other),
    // A protocol's records of the decision: a member's statement, a minority's.
    ("protokoltilførsel", SectionKind::Other),
    ("protokoltilførsler", SectionKind::Other),
    ("protokolbemærkning", SectionKind::Other),
    ("mindretalsudtalelse", SectionKind::Other),
    ("mindretalsudtalelser", SectionKind::Other),
    ("særudtalelse", SectionKind::Other),
];

/// Headings of [`SECTION_HEADINGS`] that are headings only alone on their line: "Forslag
/// til lokalplan nr. 112" is an item's title, "Forslag" a section.
pub const HEADINGS_ONLY_ALONE: &[&str] = &["forslag", "vurdering"];

/// Headings of [`SECTION_HEADINGS`] that are no heading with their text after a colon
/// on the same line: "Protokoltilførsel: Venstre kan ikke støtte …" at a decision's end
/// is the decision's record; alone on its line, in heading type, it is a section.
pub const HEADINGS_NEVER_INLINE: &[&str] = &[
    "protokoltilførsel",
    "protokoltilførsler",
    "protokolbemærkning",
    "mindretalsudtalelse",
    "mindretalsudtalelser",
    "særudtalelse",
];

/// How the name of a body that decides ends, lowercase: "Økonomiudvalget", "Byrådet",
/// "Kommunalbestyrelsen", "Regionsrådet", "Direktionen".
pub const BODY_NAME_ENDINGS: &[&str] = &[
    "udvalget",
    "udvalg",
    "rådet",
    "råd",
    "bestyrelsen",
    "direktionen",
];

/// Words that may qualify a section heading on the same line
/// ("Beslutning i Økonomiudvalget den 3. maj 2022", "Indstilling fra direktionen").
pub const SECTION_QUALIFIERS: &[&str] = &["i", "fra", "til", "for", "på", "af", "den"];

/// Meeting metadata keys, lowercase. Any short `Key:` line in the header is a field
/// too; these are the ones with a meaning.
pub const MEETING_KEYS: &[(&str, MeetingKey)] = &[
    ("dato", MeetingKey::Date),
    ("mødedato", MeetingKey::Date),
    ("dato og tid", MeetingKey::Date),
    ("dato og tidspunkt", MeetingKey::Date),
    // "Møde: Tirsdag den 13. marts 2001 kl. 14.00" (typed agendas).
    ("møde", MeetingKey::Date),
    ("mødedag", MeetingKey::Date),
    ("mødet afholdes", MeetingKey::Date),
    ("mødet holdes", MeetingKey::Date),
    ("mødetidspunkt", MeetingKey::Time),
    ("tidspunkt", MeetingKey::Time),
    ("tid", MeetingKey::Time),
    ("starttidspunkt", MeetingKey::Time),
    ("start", MeetingKey::Time),
    ("sluttidspunkt", MeetingKey::EndTime),
    ("mødeafslutning", MeetingKey::EndTime),
    ("mødet sluttede", MeetingKey::EndTime),
    ("mødet hævet", MeetingKey::EndTime),
    ("afsluttet", MeetingKey::EndTime),
    ("mødestart", MeetingKey::Time),
    ("mødetid", MeetingKey::Time),
    ("klokkeslæt", MeetingKey::Time),
    ("slut", MeetingKey::EndTime),
    ("sted", MeetingKey::Place),
    ("mødested", MeetingKey::Place),
    ("lokale", MeetingKey::Room),
    ("mødelokale", MeetingKey::Room),
    ("adresse", MeetingKey::Other),
    ("deltagere", MeetingKey::Attendance),
    ("deltagere i mødet", MeetingKey::Attendance),
    ("til stede", MeetingKey::Attendance),
    ("fremmødte", MeetingKey::Attendance),
    ("fremmøde og inhabilitet", MeetingKey::Attendance),
    ("afbud", MeetingKey::Attendance),
    ("fraværende", MeetingKey::Attendance),
    ("fraværende med afbud", MeetingKey::Attendance),
    ("fraværende uden afbud", MeetingKey::Attendance),
    ("fravær", MeetingKey::Attendance),
    ("mødeleder", MeetingKey::Other),
    ("formand", MeetingKey::Other),
    ("referent", MeetingKey::Other),
    ("sekretær", MeetingKey::Other),
    ("medlemmer", MeetingKey::Attendance),
];

/// What a meeting field tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingKey {
    /// The date, often with the time.
    Date,
    /// The start time, or a time range.
    Time,
    /// The end time.
    EndTime,
    /// The place.
    Place,
    /// A room: the place when no place is given.
    Room,
    /// Who attended or sent apologies.
    Attendance,
    /// Known key with no special meaning.
    Other,
}

/// Look up a meeting key (case-insensitive).
pub fn meeting_key(key: &str) -> Option<MeetingKey> {
    // Keys bucketed by first letter: every header line without a colon is asked too.
    static KEYS: std::sync::LazyLock<crate::grammar::WordTable> = std::sync::LazyLock::new(|| {
        crate::grammar::WordTable::of(MEETING_KEYS.iter().map(|(k, _)| *k))
    });
    let found = KEYS.find(key.trim())?;
    MEETING_KEYS
        .iter()
        .find(|(k, _)| *k == found)
        .map(|(_, meaning)| *meaning)
}

/// Title words, lowercase, and the kind of document they make.
pub const TITLE_WORDS: &[(&str, DocumentKind)] = &[
    ("tillægsdagsorden", DocumentKind::Tillaegsdagsorden),
    ("dagsorden", DocumentKind::Dagsorden),
    ("referat", DocumentKind::Referat),
    ("beslutninger", DocumentKind::Referat),
    ("beslutningsreferat", DocumentKind::Referat),
    ("beslutningsprotokol", DocumentKind::Referat),
    ("mødereferat", DocumentKind::Referat),
    ("protokol", DocumentKind::Referat),
];

/// Headings that open a table of contents, lowercase.
pub const TOC_HEADINGS: &[&str] = &[
    "indholdsfortegnelse",
    "indholdsliste",
    "indhold",
    "punkter på dagsordenen",
    "dagsordenspunkter",
];

/// What a Bilag section says when an item has no attachments, lowercase without a
/// final period.
pub const NO_ATTACHMENTS: &[&str] = &["ingen", "ingen bilag", "intet", "-", "–", "ikke relevant"];

/// Labels before the case officer's initials after a case number ("SAG NR.: 12/04410
/// ANS. MEJ"), lowercase; after one, initials may be in capitals.
pub const CASE_OFFICER_LABELS: &[&str] = &[
    "ans.",
    "ans",
    "ansv.",
    "ansvarlig:",
    "sagsbehandler:",
    "sagsbeh.:",
    "init.",
];

/// Labels that introduce a case number, lowercase without the final colon/dot.
pub const CASE_LABELS: &[&str] = &[
    // "Sag: 23/40125" — with its colon only: "Sag 4 blev udsat" is a sentence.
    "sag:",
    "sag nr",
    "sag nr.",
    "sagnr",
    "sagnr.",
    "sagsnr",
    "sagsnr.",
    "sags nr",
    "sags nr.",
    "sagsnummer",
    "j.nr",
    "j.nr.",
    "j. nr.",
    "journalnr",
    "journalnr.",
    "journalnummer",
    "journal nr",
    "journal nr.",
    "sagsid",
    "sags id",
    "sags-id",
    "sagsid.",
    "dok.nr",
    "dok.nr.",
    "dokumentnr",
    "dokumentnr.",
    "acadre sagsnr.",
];

/// Case-number forms that stand on their own, without a label. Each has a digit:
/// `case_line` refuses a line without one before it tries them.
pub const CASE_PATTERNS: &[(&str, &str)] = &[
    // KL: SAG-2021-00200, often followed by the case officer's initials.
    ("kl-sag", r"^SAG-[0-9]{4}-[0-9]{4,6}$"),
    // KLE journal plan numbers: 85.02.02-G01-1-17, 27.12.00-P20-3-21.
    (
        "kle",
        r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}(-[A-ZÆØÅ][0-9]{2})?(-[0-9]+){1,3}$",
    ),
];

/// Danish month names and the abbreviations seen in dates, lowercase, with their number.
pub const MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("februar", 2),
    ("marts", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("mar", 3),
    ("mart", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names that may precede a date ("fredag den 15. januar 2021").
pub const WEEKDAYS: &[&str] = &[
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];

/// Words that introduce the recommendation clauses of an Indstilling.
pub const RECOMMENDATION_VERBS: &[&str] = &[
    "indstilles",
    "indstiller",
    "anbefales",
    "anbefaler",
    "foreslås",
    "foreslår",
    "indstillingen er",
];

/// Verbs that end a first clause which only frames the clauses after it ("…
/// indstiller, at Børne- og Ungeudvalget godkender," and then "at …" line after line).
pub const FRAMING_VERBS: &[&str] = &[
    "godkender",
    "tiltræder",
    "beslutter",
    "vedtager",
    "anbefaler",
];

/// Enclosure markers written in the margin beside a paragraph.
pub const ENCLOSURE_MARKERS: &[&str] = &["./.", "./. ", ".//.", "./.."];

/// Words that begin letter-spaced organisation names ("K K R N O R D J Y L L A N D"),
/// split off again after the letters are joined.
pub const LETTER_SPACED_PREFIXES: &[&str] = &["KKR", "REGION", "KOMMUNE"];

/// Lines that web pages put around agenda content ("page chrome"), lowercase; whole
/// lines only.
pub const WEB_CHROME_LINES: &[&str] = &[
    "til toppen",
    "tilbage til toppen",
    "udskriv",
    "print",
    "fold punktet ind",
    "fold punktet ud",
    "fold alle punkter ind",
    "fold alle punkter ud",
    "accepter alle cookies",
    "accepter cookies",
    "afvis cookies",
    "kun nødvendige cookies",
    "cookieindstillinger",
    "del på facebook",
    "del",
    "luk",
    "vis bilag",
    "skip til indhold",
    "gå til indhold",
    "gå til hovedindhold",
    "spring til indhold",
    "hent som pdf",
    "download som pdf",
    "menu",
    "søg",
    "tilpas indstillinger",
    "log ind",
    // A text-mode browser's own headings over its list of the page's links.
    "references",
    "visible links",
    "hidden links",
];

/// The front page a web page's breadcrumb trail starts from, lowercase.
pub const BREADCRUMB_ROOTS: &[&str] = &["forside", "forsiden", "hjem", "startside"];

/// Words whose presence makes a short line a cookie notice.
pub const COOKIE_WORDS: &[&str] = &["cookie", "cookies"];

/// Lines that divide an agenda into its open and closed parts ("Åbent møde" … "Lukket
/// møde"), lowercase, and whether the items after them are closed.
pub const MEETING_PARTS: &[(&str, bool)] = &[
    ("åbent møde", false),
    ("åben del", false),
    ("åbne punkter", false),
    ("åben dagsorden", false),
    ("lukket møde", true),
    ("lukkede sager", true),
    ("åbne sager", false),
    ("lukket del", true),
    ("lukkede punkter", true),
    ("lukket dagsorden", true),
    ("dagsorden for lukket møde", true),
];

/// Words a number follows in a sentence ("… skulle gå kl." / "21.00. Rækkefølgen …"),
/// lowercase: a line that ends in one runs on into a number on the next line, which is
/// then no item's number.
pub const NUMBER_TAKING_WORDS: &[&str] = &[
    "kl.",
    "kl",
    "klokken",
    "nr.",
    "nr",
    "pkt.",
    "pkt",
    "punkt",
    "punkterne",
    "side",
    "§",
    "§§",
    "stk.",
    "d.",
    "den",
    "jf.",
    "ca.",
];

/// Headings that group an agenda's items by what the meeting is to do with them,
/// lowercase.
pub const AGENDA_GROUPS: &[&str] = &[
    "sager til beslutning",
    "sager til orientering",
    "sager til drøftelse",
    "sager til behandling",
    "punkter til beslutning",
    "punkter til orientering",
    "punkter til drøftelse",
    "beslutningssager",
    "orienteringssager",
    "drøftelsessager",
    "temadrøftelser",
];

/// Keys of the fields a meeting system writes under an item's heading, one to a line,
/// with or without a colon ("Sagsbehandler Henrik Lund", "Sagsgang: ØU, BY"),
/// lowercase: such a line is no heading.
pub const ITEM_FIELD_KEYS: &[&str] = &[
    "sagsbehandler",
    "sagsansvarlig",
    "sagsgang",
    "ansvarlig",
    "beslutningsniveau",
    "beslutningskompetence",
];

/// Keys of an item's field that says whether it is open or closed ("Status: Lukket
/// punkt", "Åben/Lukket  Lukket"), lowercase.
pub const ACCESS_FIELD_KEYS: &[&str] = &[
    "status",
    "åben/lukket",
    "åbent/lukket",
    "adgang",
    "offentlighed",
    "punktet er",
];

/// Words an access field's value holds beside its marker ("Lukket punkt"), lowercase.
pub const ACCESS_VALUE_WORDS: &[&str] = &["punkt", "sag", "dagsordenspunkt"];

/// Headings of closing matter after the last item, lowercase: a signature page.
pub const CLOSING_HEADINGS: &[&str] = &[
    "underskriftsside",
    "underskriftsblad",
    "underskrifter",
    "underskrifter:",
    "underskriftsside:",
];

/// Markers of an open item written before its title by meeting systems ("1 (Åben)
/// Godkendelse af dagsorden"), lowercase.
pub const OPEN_ITEM_MARKERS: &[&str] = &["(åben)", "(åbent)", "(åbent punkt)", "(åben sag)"];

/// Lines a meeting system writes under an open item's heading, lowercase.
pub const OPEN_MARKER_LINES: &[&str] = &["åbent punkt", "åben sag", "åbent", "åben"];

/// A closed item's marker that is one only alone on its line or after a case line
/// ("Sagsnr.: 24/06011 Lukket"), lowercase: at a title's start it is a word of the title.
pub const CLOSED_MARKER_LINES: &[&str] = &["lukket"];

/// A web portal's badges for a closed item, as a text dump leaves them glued after the
/// title ("Udbud af kørsel 2024-2028 Lukket"); compared as written, capitalised.
pub const CLOSED_ITEM_BADGES: &[&str] = &["Lukket", "Lukket punkt", "Lukket sag"];

/// Markers of a closed item, lowercase.
pub const CLOSED_ITEM_MARKERS: &[&str] = &[
    "lukket punkt",
    "lukket dagsordenspunkt",
    "lukket sag",
    "(lukket punkt)",
    "(lukket)",
];

/// The first words of a letter's salutation ("Kære Ældreråd", a citizen's letter quoted
/// in an item): a line of its own that is no heading.
pub const SALUTATIONS: &[&str] = &["Kære", "Hej"];
