"""Month names: the one table every date pattern of the package is built from.

Full names in English, French and Spanish (Russian masthead dates are not
read), the abbreviations English citations use, and the month number of a
name.

>>> number("Sept."), number("février"), number("DICIEMBRE"), number("Smarch")
(9, 2, 12, None)
"""

from __future__ import annotations

ENGLISH = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
FRENCH = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
SPANISH = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
BY_LANGUAGE = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH}

# English abbreviations as citations print them ("6 Sept. 2016"); "Sept"
# comes before "Sep" so that a regex alternation takes the longer one.
ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

# Lower-case name -> month number: the full names of every language here and
# the English abbreviations.
NUMBERS = {name.lower(): n for names in BY_LANGUAGE.values() for n, name in enumerate(names, 1)}
NUMBERS.update(
    {
        short.lower(): n
        for short in ABBREVIATIONS
        for n, name in enumerate(ENGLISH, 1)
        if name.startswith(short[:3])
    }
)


def number(name: str) -> int | None:
    """Month number (1-12) of a full name in any language here, or of an
    English abbreviation with or without its full stop; None otherwise."""
    return NUMBERS.get(name.rstrip(".").lower())
