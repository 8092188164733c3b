"""Marks of the page that several layout stages read: notes and their rule."""

from __future__ import annotations

import re

# The separator rule above the notes, as a text export keeps it.
RULE = re.compile(r"^[_\-–—]{5,}$")
# A note line starts with its indicator: "1 See…", "* Reissued…", "a Data…".
NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3}|[†‡§]|[a-z])(?=\s+\S)")
# Lines set this much smaller than the body text may be footnotes.
NOTE_SIZE_RATIO = 0.93
