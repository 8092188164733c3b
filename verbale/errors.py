"""verbale's exceptions. Every error a user can cause derives from one base:

    VerbaleError
    ├── InputError            the file cannot be read as a UN document
    │   ├── NotFoundError     no such file
    │   ├── EmptyInputError   zero bytes, or no text at all
    │   ├── UnsupportedFormat neither a PDF nor text
    │   ├── EncryptedPdf      password-protected PDF
    │   ├── DamagedPdf        the PDF cannot be opened (truncated, corrupt)
    │   ├── NoTextLayer       a scanned PDF without text: run OCR first
    │   ├── TooLarge          above the configured size limit
    │   └── EncodingError     text that is not UTF-8, UTF-16 or cp1252
    └── ParseError            a bug met while reading: please report it

Each class has an ``exit_code`` the CLI returns, so scripts can tell failures
apart. Defects that do not stop parsing are not exceptions: they become
``Warning`` records on the document.
"""

from __future__ import annotations


class VerbaleError(Exception):
    """Base of every verbale error."""

    exit_code = 1


class InputError(VerbaleError):
    """The input cannot be read as a UN document."""

    exit_code = 2


class NotFoundError(InputError):
    exit_code = 3


class EmptyInputError(InputError):
    exit_code = 4


class UnsupportedFormat(InputError):
    exit_code = 5


class EncryptedPdf(InputError):
    exit_code = 6


class DamagedPdf(InputError):
    exit_code = 7


class NoTextLayer(InputError):
    exit_code = 8


class TooLarge(InputError):
    exit_code = 9


class EncodingError(InputError):
    exit_code = 10


class ParseError(VerbaleError):
    """An unexpected failure inside verbale while reading a document."""

    exit_code = 70


# -- the corpus database (verbale.store) -------------------------------------
#
#   VerbaleError
#   └── StoreError            the corpus database cannot do what was asked
#       ├── NotFound          no stored document has that symbol or id
#       └── BadQuery          a search query FTS5 cannot read (the message says how to fix it)
#
# Exit codes 20 and up belong to this family.


class StoreError(VerbaleError):
    """The corpus database cannot do what was asked (not a verbale database,
    a schema newer than this verbale, a locked or damaged file)."""

    exit_code = 20


class NotFound(StoreError):
    """No stored document answers to that symbol, id or path."""

    exit_code = 21


class BadQuery(StoreError):
    """A search query that FTS5 cannot read; the message shows how to write it."""

    exit_code = 22
