"""Write the project's own sample document: samples/letter.pdf and samples/letter.txt.

The letter is FICTITIOUS. Norvania, Velmark, the Lumen River, every town, person,
newspaper and book in it are invented by the verbale project; the document symbols
(A/99/123-S/2045/45, A/98/456-S/2044/789) and the job number are made up in the
form the United Nations uses. Only "General Assembly resolution 69/283" is real
(the Sendai Framework for Disaster Risk Reduction is its annex II).

The layout copies a real joint General Assembly / Security Council letter
(US Letter page, Times, 10 pt body, 12 pt bold title, 8.5 pt footnotes, masthead,
running header, alternating n/N footer, first-page job number and barcode).

Both files are produced from the same content data and from the same line
layout, so the plain-text export always has the PDF's line breaks.

Run from anywhere:  python samples/make_sample.py
Needs fpdf2 (a dev dependency).  Output is deterministic for a given fpdf2 version.

What PDFium (pypdfium2) makes of letter.pdf, as it does of the real documents:
* lines end with "\r\n"; every line of a paragraph but the last keeps a trailing space;
* the line ending "recon-" is joined to the next one as "recon\ufffestruction" (no "\r\n");
* footnote indicators are separate 6.5 pt glyphs raised 3.5 pt (5.5 pt in the footnote zone);
* the footnote rule is a drawn line, so it is absent from the text layer;
* the barcode is drawn bars plus invisible text "*4501234*".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TextMode

HERE = Path(__file__).resolve().parent
PDF_PATH = HERE / "letter.pdf"
TXT_PATH = HERE / "letter.txt"

# --------------------------------------------------------------------------------------
# Content (all fictitious)
# --------------------------------------------------------------------------------------
# Inline markup used in the strings below:
#   {i}...{/i}      italic
#   ^1^             footnote indicator (superscript), glued to what precedes it
#   [[text|url]]    hyperlinked text (a link annotation in the PDF, an undocs line in the txt)
#   \u00ad          the one place where a word may be hyphenated at the end of a line

SYMBOL_A = "A/99/123"
SYMBOL_S = "S/2045/45"
JOINT_SYMBOL = f"{SYMBOL_A}\u2013{SYMBOL_S}"  # en dash, as on the masthead
DOC_DATE = "12 March 2045"
LETTER_DATE = "10 March 2045"
JOB = "45-01234"
JOB_LINE = f"{JOB} (E)"
JOB_DATE = "130345"
BARCODE = "*4501234*"
GA_SESSION = "Ninety-ninth session"  # 99th session: September 2044 to September 2045
SC_YEAR = "One hundredth year"  # 2045 - 1945
AGENDA_LINE = "Agenda items 12 and 34 (b)"
AGENDA_TITLES = [
    (
        "Strengthening of the coordination of humanitarian and disaster relief assistance "
        "of the United Nations, including special economic assistance"
    ),
    "Sustainable development: disaster risk reduction",
]
STATE = "Norvania"
ADDRESSEE = "the Secretary-General"
TITLE = (
    f"Letter dated {LETTER_DATE} from the Permanent Representative of {STATE} "
    f"to the United Nations addressed to {ADDRESSEE}"
)
ANNEX_HEADING = (
    f"Annex to the letter dated {LETTER_DATE} from the Permanent Representative of {STATE} "
    f"to the United Nations addressed to {ADDRESSEE}"
)
ANNEX_SUBTITLE = (
    "Measures taken by the Government of the Republic of Norvania following the floods "
    "in the Lumen River valley"
)
SIGNATURE = ["({i}Signed{/i}) Mirela Ostrand", "Ambassador", "Permanent Representative"]

UNDOCS_CITED = "https://undocs.org/en/A/98/456"
UNDOCS_RESOLUTION = "https://undocs.org/en/A/RES/69/283"

# Body of the letter: ("p", text) paragraph, ("quote", text) block quotation.
BODY = [
    ("p", (
        "I have the honour to transmit herewith information on the floods that affected the "
        "Lumen River valley in the north of the Republic of Norvania on 3 and 4 February 2045, "
        "and on the measures taken by my Government in response (see annex).^*^"
    )),
    ("p", (
        "Heavy rainfall over four consecutive days caused the Lumen River to overflow its banks "
        "at several points between the towns of Orvel and Kestrin. The water level at the Orvel "
        "gauging station rose by more than three metres in less than 24 hours, the fastest rise "
        "recorded since measurements began. According to the provisional figures of the National "
        "Civil Protection Agency, at least 120 people were displaced and 14 were injured, "
        "including 3 children. Some 40 houses, two primary schools, a health centre and a section "
        "of the regional road were damaged or destroyed, and farmland in the lower valley remained "
        "under water for more than a week.^1^"
    )),
    ("p", (
        "My Government activated the national emergency plan within hours of the first alerts. "
        "Rescue teams, volunteers of local civil society organizations and the municipal "
        "authorities evacuated the affected neighbourhoods, opened four temporary shelters and "
        "restored drinking water to all households within five days. In line with the commitments "
        "set out in its earlier communication on disaster preparedness,^2^ my Government kept the "
        "relevant United Nations entities informed throughout the emergency and welcomed the "
        "technical advice offered by their country teams."
    )),
    ("p", (
        "The floods have also demonstrated the value of close cooperation between neighbouring "
        "States in the management of shared rivers. Under the Lumen River basin agreement "
        "concluded with the Republic of Velmark in 2039, the hydrological services of the two "
        "countries exchanged data every hour throughout the emergency. This allowed the "
        "authorities downstream to open the Tarsen spillway in good time and to limit the damage "
        "to farmland on both sides of the border. The joint technical commission established "
        "under that agreement will meet in Orvel in April 2045 to review the lessons learned and "
        "to prepare a common plan for the long-term recon\u00adstruction of flood defences along "
        "the river, which both Governments have undertaken to finance in equal shares."
    )),
    ("p", (
        "The local newspaper {i}The Lumen Valley Herald{/i} described the first night of the "
        "response as follows:"
    )),
    ("quote", (
        "Within two hours of the alarm, the school gymnasium in Kestrin had become a shelter. "
        "Volunteers handed out blankets and hot soup, a doctor set up a small clinic in the "
        "changing rooms and a list of missing relatives was pinned to the door. By morning, every "
        "name on that list had been crossed out.^3^"
    )),
    ("p", (
        "My Government remains guided in these efforts by the priorities for action set out in "
        "the Sendai Framework for Disaster Risk Reduction,^4^ and by the experience of other small "
        "States that share river basins with their neighbours. As one study of such arrangements "
        "has observed, \u201ccooperation that is tested in calm years is the cooperation that "
        "holds in a flood\u201d.^5^"
    )),
    ("p", (
        "I should be grateful if you would have the present letter and its annex circulated as a "
        "document of the General Assembly, under agenda items 12 and 34 (b), and of the Security "
        "Council."
    )),
]

FOOTNOTES = {
    "*": "Circulated in the language of submission only.",
    "1": "{i}Norvania Daily Courier{/i}, 5 February 2045.",
    "2": f"See [[A/98/456-S/2044/789|{UNDOCS_CITED}]], annex.",
    "3": "{i}The Lumen Valley Herald{/i}, 6 February 2045.",
    "4": f"General Assembly resolution [[69/283|{UNDOCS_RESOLUTION}]], annex II.",
    "5": (
        "Ilse Marren, {i}Rivers without Borders: Water Cooperation between Small States{/i} "
        "(Port Halden, Northgate University Press, 2041), p. 112."
    ),
}
# Which footnotes sit at the foot of which page (checked against the layout below).
FOOTNOTE_PAGES = {1: ["*", "1", "2"], 2: ["3", "4", "5"], 3: []}

ANNEX = [
    ("p", (
        "Since 4 February 2045, the Government of the Republic of Norvania has taken the "
        "following measures:"
    )),
    ("item", "1.", (
        "Temporary shelter, food and medical care were provided to all displaced "
        "persons. By 1 March 2045, 96 of the 120 persons displaced had returned to "
        "their homes."
    )),
    ("item", "2.", (
        "A reconstruction fund of 12 million Norvanian crowns was established to "
        "repair houses, schools, the health centre and the regional road."
    )),
    ("item", "3.", (
        "Six new gauging stations were installed along the Lumen River, in "
        "cooperation with the Republic of Velmark, and the flood warning system was "
        "extended to all riverside municipalities."
    )),
    ("p", (
        "The Government will continue to keep the United Nations informed of the progress "
        "made in the recovery of the affected communities."
    )),
]

# --------------------------------------------------------------------------------------
# Page geometry (points, origin top-left, US Letter), measured on A/79/801-S/2025/121
# --------------------------------------------------------------------------------------
MARGIN_L, MARGIN_R = 60.0, 552.0  # masthead, header and footer
COL_L, COL_R = 123.4, 488.3  # text column
INDENT = 23.8  # first-line indent of a paragraph
QUOTE_L, QUOTE_R = COL_L + INDENT, COL_R - INDENT
BODY_SIZE, BODY_LEAD, PARA_GAP = 10.0, 12.0, 6.0
TITLE_SIZE, TITLE_LEAD = 12.0, 13.5
FN_SIZE, FN_LEAD, FN_MARK_SIZE, FN_MARK_X = 8.5, 10.0, 5.5, 117.0
SUP_SIZE, SUP_RISE = 6.5, 3.5
FN_MARK_RISE = 2.8
RULE_X0, RULE_X1 = 110.0, 182.0  # footnote separator
FN_LAST_BASELINE = {1: 722.0, "cont": 732.5}
CONT_TOP_BASELINE = 82.4  # first body line on continuation pages
FONT = "Times"

# Character spacing (Tc) of the real documents: body text and footnotes are set
# slightly expanded, the big organ names condensed, headings and furniture plain.
TRACKING = {BODY_SIZE: 0.3, FN_SIZE: 0.3, 20.0: -0.45, 14.0: -0.15}


def tracking(size: float) -> float:
    return TRACKING.get(size, 0.0)


CODE39 = {  # n = narrow, w = wide; bar, space, bar, ... (9 elements)
    "0": "nnnwwnwnn", "1": "wnnwnnnnw", "2": "nnwwnnnnw", "3": "wnwwnnnnn",
    "4": "nnnwwnnnw", "5": "wnnwwnnnn", "6": "nnwwwnnnn", "7": "nnnwnnwnw",
    "8": "wnnwnnwnn", "9": "nnwwnnwnn", "*": "nwnnwnwnn",
}

# --------------------------------------------------------------------------------------
# Text runs and line breaking
# --------------------------------------------------------------------------------------
SHY = "\u00ad"


@dataclass
class Piece:
    text: str
    style: str = ""  # "", "B", "I"
    size: float = BODY_SIZE
    rise: float = 0.0
    link: str | None = None
    marker: str | None = None  # set on superscript footnote indicators


@dataclass
class Word:
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class TextLine:
    words: list[Word]
    last: bool = False  # last line of its paragraph
    hyphen: bool = False  # ends with a hyphenated word


_TOKEN = re.compile(r"(\{i\}|\{/i\}|\^[^^]+\^|\[\[[^\]|]+\|[^\]]+\]\])")


class Typesetter:
    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf

    # -- measuring ---------------------------------------------------------------------
    def width(self, piece: Piece) -> float:
        self.pdf.set_font(FONT, piece.style, piece.size)
        self.pdf.set_char_spacing(tracking(piece.size))
        return self.pdf.get_string_width(piece.text.replace(SHY, ""))

    def word_width(self, word: Word) -> float:
        return sum(self.width(p) for p in word.pieces)

    def space(self, size: float, style: str = "") -> float:
        self.pdf.set_font(FONT, style, size)
        self.pdf.set_char_spacing(tracking(size))
        return self.pdf.get_string_width(" ")

    # -- parsing -----------------------------------------------------------------------
    def words(self, markup: str, size: float = BODY_SIZE, bold: bool = False,
              sup_size: float = SUP_SIZE, sup_rise: float = SUP_RISE) -> list[Word]:
        base = "B" if bold else ""
        italic = False
        words: list[Word] = [Word()]
        for token in _TOKEN.split(markup):
            if not token:
                continue
            if token == "{i}":
                italic = True
            elif token == "{/i}":
                italic = False
            elif token.startswith("^"):
                mark = token[1:-1]
                words[-1].pieces.append(Piece(mark, base, sup_size, sup_rise, marker=mark))
            else:
                link = None
                if token.startswith("[["):
                    token, link = token[2:-2].split("|", 1)
                style = base + ("I" if italic else "")
                for k, chunk in enumerate(token.split(" ")):
                    if k > 0:
                        words.append(Word())
                    if chunk:
                        words[-1].pieces.append(Piece(chunk, style, size, link=link))
        return [w for w in words if w.pieces]

    # -- breaking ----------------------------------------------------------------------
    def break_lines(self, words: list[Word], first_width: float, width: float,
                    size: float = BODY_SIZE) -> list[TextLine]:
        space = self.space(size)
        lines: list[TextLine] = []
        current: list[Word] = []
        used = 0.0
        queue = list(words)
        while queue:
            word = queue.pop(0)
            avail = first_width if not lines else width
            w = self.word_width(word)
            need = w if not current else used + space + w
            if need <= avail + 0.01:
                current.append(word)
                used = need
                continue
            split = self._hyphenate(word, avail - (used + space if current else 0.0))
            if split and current:
                head, tail = split
                current.append(head)
                lines.append(TextLine(current, hyphen=True))
                current, used = [], 0.0
                queue.insert(0, tail)
                continue
            if not current:
                raise ValueError(f"word too long for the line: {word}")
            lines.append(TextLine(current))
            current, used = [word], w
        if current:
            lines.append(TextLine(current, last=True))
        return lines

    def _hyphenate(self, word: Word, room: float) -> tuple[Word, Word] | None:
        for i, piece in enumerate(word.pieces):
            if SHY not in piece.text:
                continue
            before, after = piece.text.split(SHY, 1)
            head = Word(word.pieces[:i] + [Piece(before + "-", piece.style, piece.size,
                                                 piece.rise, piece.link)])
            tail = Word([Piece(after, piece.style, piece.size, piece.rise, piece.link)]
                        + word.pieces[i + 1:])
            if self.word_width(head) <= room:
                return head, tail
        return None


def line_text(line: TextLine) -> str:
    """The line as text: words separated by one space, indicators glued on."""
    return " ".join("".join(p.text.replace(SHY, "") for p in w.pieces) for w in line.words)


# --------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------
@dataclass
class PageRecord:
    number: int
    head: list[str] = field(default_factory=list)  # running header lines
    lines: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    foot: list[str] = field(default_factory=list)  # footer / furniture lines
    links: list[str] = field(default_factory=list)  # URLs of link annotations, in order
    markers: list[str] = field(default_factory=list)  # indicators placed in the body


class Letter:
    def __init__(self) -> None:
        pdf = FPDF(orientation="P", unit="pt", format="letter")
        pdf.core_fonts_encoding = "windows-1252"  # en dash, curly quotes
        pdf.set_auto_page_break(False)
        pdf.set_margins(0, 0, 0)
        pdf.set_creation_date(datetime(2045, 3, 12, 12, 0, 0, tzinfo=timezone.utc))
        pdf.set_title(f"{JOINT_SYMBOL} (fictitious sample letter)")
        pdf.set_author("verbale project")
        pdf.set_subject("Fictitious letter circulated as a document of the General Assembly "
                        "and of the Security Council; made by the verbale project for its tests")
        pdf.set_keywords("fictitious sample, verbale")
        pdf.set_creator("samples/make_sample.py")
        pdf.set_lang("en")
        self.pdf = pdf
        self.ts = Typesetter(pdf)
        self.pages: list[PageRecord] = []
        self.y = 0.0
        self.bottom = 0.0
        self.last_body = 0.0
        self.total_pages = 3

    # -- primitives --------------------------------------------------------------------
    def put(self, x: float, baseline: float, text: str, style: str = "", size: float = BODY_SIZE,
            color: tuple[int, int, int] = (0, 0, 0), spacing: float | None = None) -> float:
        """Write text with its baseline at `baseline`; return its width."""
        self.pdf.set_font(FONT, style, size)
        self.pdf.set_char_spacing(tracking(size) if spacing is None else spacing)
        self.pdf.set_text_color(*color)
        self.pdf.text(x, baseline, text)
        return self.pdf.get_string_width(text)

    def measure(self, text: str, style: str = "", size: float = BODY_SIZE,
                spacing: float | None = None) -> float:
        self.pdf.set_font(FONT, style, size)
        self.pdf.set_char_spacing(tracking(size) if spacing is None else spacing)
        return self.pdf.get_string_width(text)

    def draw_line(self, line: TextLine, x: float, baseline: float, gap: float,
                  trailing_space: bool) -> None:
        # The space after a word is written in the same text object as the word's last
        # piece (PDFium ignores lone spaces and, after a one-glyph superscript object,
        # would start a new line at the next word; "4 " keeps it on the line).
        page = self.pages[-1]
        words = line.words
        for k, word in enumerate(words):
            start = x
            space_after = k < len(words) - 1 or trailing_space
            for j, piece in enumerate(word.pieces):
                color = (0, 0, 238) if piece.link else (0, 0, 0)
                text = piece.text.replace(SHY, "")
                w = self.measure(text, piece.style, piece.size)
                if space_after and j == len(word.pieces) - 1:
                    text += " "
                self.put(x, baseline - piece.rise, text, piece.style, piece.size, color)
                if piece.link:
                    self.pdf.link(x, baseline - piece.size * 0.9, w, piece.size * 1.15, piece.link)
                    if piece.link not in page.links:
                        page.links.append(piece.link)
                if piece.marker and piece.size == SUP_SIZE:
                    page.markers.append(piece.marker)
                x += w
            x = start + self.ts.word_width(word) + gap

    def set_line(self, line: TextLine, left: float, right: float, baseline: float,
                 align: str = "J", size: float = BODY_SIZE) -> None:
        natural = sum(self.ts.word_width(w) for w in line.words)
        space = self.ts.space(size)
        n = len(line.words)
        natural_line = natural + space * (n - 1)
        gap = space
        x = left
        if align == "J" and not line.last and n > 1:
            gap = space + (right - left - natural_line) / (n - 1)
        elif align == "R":
            x = right - natural_line
        # Word puts a space after every word of a non-final line, as PDF text shows it.
        trailing = not line.last and not line.hyphen
        self.draw_line(line, x, baseline, gap, trailing)

    # -- pages -------------------------------------------------------------------------
    def new_page(self) -> None:
        self.pdf.add_page()
        number = len(self.pages) + 1
        self.pages.append(PageRecord(number))
        notes = FOOTNOTE_PAGES.get(number, [])
        last = FN_LAST_BASELINE[1] if number == 1 else FN_LAST_BASELINE["cont"]
        height = sum(len(self.footnote_lines(m)) for m in notes) * FN_LEAD
        rule_y = last - height + FN_LEAD - 11.0
        self.bottom = rule_y - 20.0 if notes else last
        if number > 1:
            self.running_header(number)
            self.y = CONT_TOP_BASELINE

    def running_header(self, number: int) -> None:
        page = self.pages[-1]
        for k, symbol in enumerate((SYMBOL_A, SYMBOL_S)):
            w = self.measure(symbol, "B", 8.5, spacing=0.0)
            x = MARGIN_L if number % 2 == 0 else MARGIN_R - w
            self.put(x, 51.0 + 9.8 * k, symbol, "B", 8.5, spacing=0.0)
            page.head.append(symbol)
        self.pdf.set_line_width(0.5)
        self.pdf.line(MARGIN_L, 64.8, MARGIN_R, 64.8)

    def finish_page(self) -> None:
        page = self.pages[-1]
        number = page.number
        notes = FOOTNOTE_PAGES.get(number, [])
        if notes != page.markers:
            raise AssertionError(f"page {number}: footnote plan {notes} but markers {page.markers}")
        if self.last_body > self.bottom + 0.01:
            raise AssertionError(f"page {number}: body text runs into the footnotes")
        if notes:
            self.footnote_zone(notes, number)
        if number == 1:
            self.first_page_footer()
        else:
            self.page_footer(number)

    def footnote_lines(self, mark: str) -> list[TextLine]:
        words = self.ts.words(FOOTNOTES[mark], size=FN_SIZE)
        return self.ts.break_lines(words, COL_R - COL_L, COL_R - COL_L, size=FN_SIZE)

    def footnote_zone(self, notes: list[str], number: int) -> None:
        page = self.pages[-1]
        last = FN_LAST_BASELINE[1] if number == 1 else FN_LAST_BASELINE["cont"]
        laid = [(m, self.footnote_lines(m)) for m in notes]
        n_lines = sum(len(lines) for _, lines in laid)
        baseline = last - (n_lines - 1) * FN_LEAD
        self.pdf.set_draw_color(0, 0, 0)
        self.pdf.set_line_width(0.5)
        self.pdf.line(RULE_X0, baseline - 11.0, RULE_X1, baseline - 11.0)
        page.lines.append(("rule", "__________________"))
        for mark, lines in laid:
            if mark == "*":  # the star sits on the line, in the footnote size
                self.put(FN_MARK_X - 1.0, baseline, "* ", "", FN_SIZE, spacing=0.0)
            else:
                self.put(FN_MARK_X, baseline - FN_MARK_RISE, mark + " ", "", FN_MARK_SIZE)
            for k, line in enumerate(lines):
                self.set_line(line, COL_L, COL_R, baseline, align="L", size=FN_SIZE)
                text = line_text(line)
                page.lines.append(("fn", f"{mark} {text}") if k == 0 else ("fncont", text))
                baseline += FN_LEAD

    def first_page_footer(self) -> None:
        page = self.pages[-1]
        self.put(65.2, 747.6, JOB_LINE)
        self.put(133.8, 747.6, JOB_DATE)
        page.foot.append(f"{JOB_LINE} {JOB_DATE}")
        self.barcode(65.3, 751.0, 14.5, BARCODE)
        page.foot.append(BARCODE)
        w = self.measure("Please recycle", "B", 8.0)
        self.put(MARGIN_R - w, 757.0, "Please recycle", "B", 8.0)
        page.foot.append("Please recycle")

    def page_footer(self, number: int) -> None:
        page = self.pages[-1]
        folio = f"{number}/{self.total_pages}"
        wf = self.measure(folio, "B", 8.5, spacing=0.0)
        wj = self.measure(JOB, "", 7.0)
        if number % 2 == 0:  # even page: n/N at the left, job number at the right
            self.put(MARGIN_L, 757.0, folio, "B", 8.5, spacing=0.0)
            self.put(MARGIN_R - wj, 755.5, JOB, "", 7.0)
            page.foot.append(f"{folio} {JOB}")
        else:  # odd page: job number at the left, n/N at the right
            self.put(MARGIN_L, 755.5, JOB, "", 7.0)
            self.put(MARGIN_R - wf, 757.0, folio, "B", 8.5, spacing=0.0)
            page.foot.append(f"{JOB} {folio}")

    def barcode(self, x: float, top: float, height: float, text: str) -> None:
        """Code 39 bars, with the human-readable value as invisible text on top
        (the real documents use a barcode font, so their text layer has the value)."""
        narrow, wide = 0.7, 2.1
        self.pdf.set_fill_color(0, 0, 0)
        cx = x
        for ch in text:
            for k, e in enumerate(CODE39[ch]):
                w = wide if e == "w" else narrow
                if k % 2 == 0:
                    self.pdf.rect(cx, top, w, height, style="F")
                cx += w
            cx += narrow
        tw = self.measure(text, "", 12.0)
        with self.pdf.local_context():  # q ... Q, so the render mode does not leak
            self.pdf.text_mode = TextMode.INVISIBLE
            self.put(x + (cx - x - tw) / 2, top + height - 3.0, text, "", 12.0)

    # -- blocks ------------------------------------------------------------------------
    def masthead(self) -> None:
        page = self.pages[-1]
        base = 57.5
        self.put(COL_L, base, "United Nations", "", 14.0)
        parts = [("A", 20.0), (SYMBOL_A[1:] + "\u2013", 10.0), ("S", 20.0), (SYMBOL_S[1:], 10.0)]
        total = 0.0
        for text, size in parts:
            total += self.measure(text, "", size)
        x = MARGIN_R - total
        for text, size in parts:
            x += self.put(x, base, text, "", size)
        page.lines.append(("mast", f"United Nations {JOINT_SYMBOL}"))
        self.pdf.set_line_width(0.75)
        self.pdf.line(MARGIN_L, 63.5, MARGIN_R, 63.5)
        for text, bl in (("General Assembly", 86.4), ("Security Council", 106.0)):
            self.put(COL_L, bl, text, "B", 20.0)
            page.lines.append(("mast", text))
        for text, bl in (("Distr.: General", 86.7), (DOC_DATE, 98.4), ("Original: English", 122.4)):
            self.put(396.8, bl, text)
            page.lines.append(("mast", text))
        self.pdf.set_line_width(1.5)
        self.pdf.line(MARGIN_L, 209.0, MARGIN_R, 209.0)
        y = 222.3
        for left, right in (("General Assembly", "Security Council"), (GA_SESSION, SC_YEAR)):
            self.put(MARGIN_L, y, left, "B")
            self.put(348.1, y, right, "B")
            page.lines.append(("mast", f"{left} {right}"))
            y += BODY_LEAD
        self.put(MARGIN_L, y, AGENDA_LINE)
        page.lines.append(("mast", AGENDA_LINE))
        for title in AGENDA_TITLES:
            y += BODY_LEAD + PARA_GAP
            words = self.ts.words(title, bold=True)
            lines = self.ts.break_lines(words, 333.0 - MARGIN_L, 333.0 - MARGIN_L)
            for k, line in enumerate(lines):
                if k:
                    y += BODY_LEAD
                self.set_line(line, MARGIN_L, 333.0, y, align="L")
                page.lines.append(("mast", line_text(line)))
        self.y = y + 26.4 + TITLE_SIZE * 0.89 - BODY_SIZE * 0.89 + 0.5

    def heading(self, markup: str, after: float) -> None:
        """A 12 pt bold heading in the text column (the title, the annex headings);
        `after` is the distance from its last baseline to the next baseline."""
        page = self.pages[-1]
        words = self.ts.words(markup, size=TITLE_SIZE, bold=True)
        lines = self.ts.break_lines(words, COL_R - COL_L, COL_R - COL_L, size=TITLE_SIZE)
        for k, line in enumerate(lines):
            if k:
                self.y += TITLE_LEAD
            self.set_line(line, COL_L, COL_R, self.y, align="L", size=TITLE_SIZE)
            page.lines.append(("head", line_text(line)))
        self.last_body = self.y
        self.y += after

    def block(self, kind: str, markup: str, number: str | None = None) -> None:
        """Set a paragraph, a block quotation or a numbered item, breaking pages as needed."""
        left, right = (QUOTE_L, QUOTE_R) if kind == "quote" else (COL_L, COL_R)
        first_left = left + INDENT if kind == "p" else left
        if kind == "item":
            first_left = COL_L + INDENT
        words = self.ts.words(markup)
        lines = self.ts.break_lines(words, right - first_left, right - left)
        for k, line in enumerate(lines):
            if self.y > self.bottom + 0.01:
                if k == 1 or len(lines) - k == 1:
                    raise AssertionError("a widow or orphan line at a page break")
                self.finish_page()
                self.new_page()
            x = first_left if k == 0 else left
            if k == 0 and kind == "item":
                self.put(COL_L, self.y, number + " ")
            self.set_line(line, x, right, self.y)
            text = line_text(line)
            if k == 0 and kind == "item":
                text = f"{number} {text}"
            first_kind = {"p": "p1", "item": "p1", "quote": "quote"}[kind]
            self.pages[-1].lines.append((first_kind if k == 0 else
                                         ("quote" if kind == "quote" else "p"), text))
            self.last_body = self.y
            self.y += BODY_LEAD
        self.y += PARA_GAP

    def signature(self) -> None:
        self.y += BODY_LEAD
        for markup in SIGNATURE:
            line = self.ts.break_lines(self.ts.words(markup), 400, 400)[0]
            line.last = True
            self.set_line(line, COL_L, COL_R, self.y, align="R")
            self.pages[-1].lines.append(("sig", line_text(line)))
            self.last_body = self.y
            self.y += BODY_LEAD

    # -- whole document ----------------------------------------------------------------
    def build(self) -> None:
        self.new_page()
        self.masthead()
        self.heading(TITLE, after=24.6)
        for kind, text in BODY:
            self.block(kind, text)
        self.signature()
        self.finish_page()

        self.new_page()
        self.y = 84.5
        self.heading(ANNEX_HEADING, after=25.4)
        self.heading(ANNEX_SUBTITLE, after=24.4)
        for entry in ANNEX:
            if entry[0] == "item":
                self.block("item", entry[2], number=entry[1])
            else:
                self.block(entry[0], entry[1])
        self.finish_page()
        if len(self.pages) != self.total_pages:
            raise AssertionError(f"expected {self.total_pages} pages, got {len(self.pages)}")
        hyphenated = [t for p in self.pages for _, t in p.lines if t.endswith("recon-")]
        if len(hyphenated) != 1:
            raise AssertionError("the hyphenated break 'recon-' did not happen; adjust the text")

    # -- outputs -----------------------------------------------------------------------
    def pdf_bytes(self) -> bytes:
        return bytes(self.pdf.output())

    def plain_text(self) -> str:
        """The plain-text export: every line followed by a blank line, one leading space on
        the first line of a paragraph and of a footnote, undocs.org link lines at the end of
        the page, pages separated by a form feed."""
        pages = []
        for page in self.pages:
            lines: list[str] = list(page.head)
            body = [(k, t) for k, t in page.lines if k not in ("rule", "fn", "fncont")]
            notes = [(k, t) for k, t in page.lines if k in ("rule", "fn", "fncont")]
            for kind, text in body + notes:
                lines.append(" " + text if kind in ("p1", "fn") else text)
            lines.extend(page.foot)
            out = "\n\n".join(line + " " for line in lines)
            if page.links:
                out += "\n\n" + "\n".join(page.links)
            pages.append(out + "\n")
        return "\f".join(pages)


def main() -> None:
    letter = Letter()
    letter.build()
    PDF_PATH.write_bytes(letter.pdf_bytes())
    TXT_PATH.write_text(letter.plain_text(), encoding="utf-8", newline="\n")
    print(f"wrote {PDF_PATH.relative_to(HERE.parent)} and {TXT_PATH.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
