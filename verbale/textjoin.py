"""Join the lines of a block into clean text, keeping track of positions.

Line-end hyphenation is undone when the word goes on in lower case on the
next line, unless the first part is a prefix that English keeps hyphenated
("non-", "self-", "co-"…). Spaces are collapsed. Each line's start offset in
the joined text is returned so that markers found on a line can be placed.
"""

from __future__ import annotations

import re

# Prefixes that keep their hyphen when a compound is broken at a line end.
_KEEP_HYPHEN = frozenset(
    "non self co ex anti post pre cross well long short high low all half multi "
    "semi quasi counter mid full so one two three four five".split()
)
# A line ending inside a web address ("https://…/content/", "…-113-").
_URL_END = re.compile(r"(?:https?://|www\.)\S*[/\-_.=?&#%]$")
# Runs that are not a single plain space (a single space is left alone).
_SPACES = re.compile(r"[\t\u00a0\u2009\u202f][ \t\u00a0\u2009\u202f]*| [ \t\u00a0\u2009\u202f]+")

_LAST_WORD = re.compile(r"(\w+)-$")
# PDFium reports a hyphen at a line break as U+FFFE; it becomes U+2010 HYPHEN
# so that join_lines keeps it (it is part of the word, not a syllable break).
_CHAR_FIXES = str.maketrans({"\ufffe": "\u2010", "\u00ad": "", "\ufb01": "fi", "\ufb02": "fl"})
_ODD = re.compile("[" + "".join(map(chr, _CHAR_FIXES)) + "]")  # a line that needs them


def clean_line(text: str) -> str:
    """Normalise one line: odd PDF characters fixed, runs of spaces collapsed."""
    return normalize_spaces(text).strip()


def normalize_spaces(text: str) -> str:
    """Odd PDF characters fixed and runs of spaces collapsed, ends kept."""
    if _ODD.search(text):
        text = text.translate(_CHAR_FIXES)
    return _SPACES.sub(" ", text)


def join_lines(lines: list[str]) -> tuple[str, list[int]]:
    """Join cleaned lines into one text; return it with each line's offset.

    >>> join_lines(["the recon-", "struction of", "self-", "determination"])
    ('the reconstruction of self-determination', [0, 9, 22, 27])
    """
    out = ""
    starts: list[int] = []
    for line in lines:
        if not out:
            starts.append(0)
            out = line
            continue
        # Only the end of the text matters: search a short tail, not all of it.
        word = _LAST_WORD.search(out[-48:]) if out.endswith("-") else None
        if out.endswith("\u2010") or out.endswith(("–", "—")) and line[:1].isdigit():
            pass  # a hyphen the PDF marked as such, or "2020–" + "2024"
        elif _URL_END.search(out[-300:]) and not line[:1].isspace():
            pass  # a web address broken over two lines goes on without a space
        elif (word and line[:1].islower() and word.group(1).lower() not in _KEEP_HYPHEN
              and "-" not in line.split(" ", 1)[0]):  # "state-" + "of-the-art" stays whole
            out = out[:-1]
        elif word and line[:1].isalpha():
            pass  # keep the hyphen, no space: "self-" + "determination"
        else:
            out += " "
        starts.append(len(out))
        out += line
    return out.replace("\u2010", "-"), starts
