"""Marks of the page that several stages read: notes and their rule, paragraph,
list and section numbers."""

from __future__ import annotations

import re

# The separator rule above the notes, as a text export keeps it.
RULE = re.compile(r"^[_\-–—]{5,}$")
# A note line starts with its indicator: "1 See…", "* Reissued…", "a Data…".
NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3}|[†‡§]|[a-z])(?=\s+\S)")
# Lines set this much smaller than the body text may be footnotes.
NOTE_SIZE_RATIO = 0.93
# A paragraph number ("12.", "3.1").
NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,2})*)\.?\s+(?=\S)")
# A list item's mark: "(a)", "(iv)", "b)", "–".
LIST_ITEM = re.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|[a-z]\)|[–—•·▪\-])\s+")
# "IV. Institutional linkage", "B. Mandate": the number of a section heading.
SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z])\.\s+(?=\S)")
