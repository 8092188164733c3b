"""Cut a note into the parts that each cite one source (or hold commentary).

Sources in one note are separated by semicolons ("…, para. 8; and
Organization of Islamic Cooperation, …") or by a new sentence that opens with
a lead-in ("… targets. See www.sdg-digital.org"). A semicolon inside
parentheses, brackets or quotation marks separates nothing.

>>> text = "A/75/10, para. 8; and ibid., annex."
>>> [text[a:b] for a, b in split_segments(text)]
['A/75/10, para. 8', 'ibid., annex']
"""

from __future__ import annotations

import re

_OPEN = {"(": ")", "[": "]", "\u201c": "\u201d"}
_CLOSE = {v: k for k, v in _OPEN.items()}
# A new sentence that starts a new citation.
_SENTENCE_LEAD = re.compile(r"(?<=[.)\u201d])\s+(?=(?:See|Cf\.|Ibid\.?|Id\.)\s)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:No|Nos|p|pp|paras?|vol|chap|sect|arts?|al|ibid|id|Inc|Ltd|Co|eds?|etc|cf|v|"
    r"Corp|Jr|Sr|St)|\b[A-Z]|\.[a-z])$",
    re.IGNORECASE,
)
_EDGE_LEFT = re.compile(r"^[\s,;:.]*(?:and\s+|also\s+)?", re.IGNORECASE)
_EDGE_RIGHT = re.compile(r"[\s,;:]*(?:\band)?[\s,;:.]*$", re.IGNORECASE)


def split_segments(text: str, extra: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Spans of the parts of ``text`` that cite one or more sources each.

    ``extra`` adds cuts found by the caller (a sentence glued to an address).
    """
    cuts = _semicolons(text) + list(extra)
    cuts += [m.start() for m in _SENTENCE_LEAD.finditer(text)]
    spans = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        a, b = trim(text, start, cut)
        if b > a:
            spans.append((a, b))
        start = cut + 1 if cut < len(text) and text[cut] == ";" else cut
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past edge spaces, joining words and final stops.

    A final full stop is dropped unless it ends an abbreviation ("No.", "p.",
    "et al.", "Ibid."), where it belongs to the word.
    """
    piece = text[start:end]
    left = _EDGE_LEFT.match(piece).end()
    right = _EDGE_RIGHT.search(piece, left).start()
    while right > left and piece[right - 1] in " \t\n":
        right -= 1
    kept = piece[left:right]
    tail = piece[right:].lstrip()
    if tail.startswith(".") and _ABBREVIATION.search(kept):
        right += piece[right:].index(".") + 1
    return start + left, start + right


def _semicolons(text: str) -> list[int]:
    depth = 0
    stack: list[str] = []
    cuts = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(ch)
            depth += 1
        elif ch in _CLOSE and stack:
            # A closing mark without its opening one (PDF text loses some)
            # is ignored rather than allowed to swallow the rest of the note.
            if stack[-1] == _CLOSE[ch]:
                stack.pop()
                depth -= 1
        elif ch == ";" and depth == 0:
            cuts.append(i)
    return cuts
