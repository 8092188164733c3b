"""The French and Spanish wording of the formulas that structure a UN document.

Communications are issued in the six official languages, each with its own
fixed formulas (un-conventions.md; the French and Spanish versions of the same
documents): the title ("Lettre datée du 12 mars 2025, adressée au Secrétaire
général par …", "Carta de fecha 12 de marzo de 2025 dirigida al Secretario
General por …"), the signature mark ("(Signé)", "(Firmado)"), the annex
headings ("Annexe à la lettre …", "Anexo de la carta …"), the request to
circulate the letter ("faire distribuer la présente lettre … comme document
de l'Assemblée générale, au titre du point 72 b) de l'ordre du jour") and the
masthead's session and agenda lines.

English lives in the modules that read each part (masthead, blocks,
structure), so that the English patterns stay as they are; this module holds
the other languages, and the tables that map every language to English. Everything verbale records from these formulas is
given in English terms (document kinds, organs, section kinds) or in the
English form ("72 (b)"), so that filters work across languages; the sender and
the addressees keep the words of the title, as in English.
"""

from __future__ import annotations

import re

_APOS = "['’]"

# -- signatures -----------------------------------------------------------------------------
# The mark before a signatory's name: "(Signed)", "(Signé)", "(Firmado)", "(Подпись)".
# blocks.SIGNED spells the same words out.
SIGNED_WORDS = ("Signed", "Signé", "Signée", "Firmado", "Firmada", "Подпись")
SIGNED_MARK = re.compile(rf"\((?:{'|'.join(SIGNED_WORDS)})\s?\)", re.I)

# -- annexes --------------------------------------------------------------------------------
# The heading word of an annex (blocks.ANNEX spells the same words out) and the
# section kind verbale records for it.
SECTION_KINDS = {
    "annex": "annex", "enclosure": "enclosure", "appendix": "appendix", "attachment": "attachment",
    "annexe": "annex", "pièce jointe": "enclosure", "appendice": "appendix",
    "anexo": "annex", "apéndice": "appendix",
}

# -- titles ---------------------------------------------------------------------------------
# Title formulas that start a French or Spanish title (masthead.TITLE adds them
# to the English ones). Letters and notes verbales need their date word, so that
# an agenda title about "la Carta de las Naciones Unidas" is not taken for one.
TITLE_START = (
    r"(?:Lettres?(?: identiques)? datées? d|Cartas?(?: idénticas)? de fecha\b|"
    r"Notas? verbal(?:es)?(?: idénticas)? de fecha\b|"
    r"(?:Rapport|Informe|Nota|Déclaration|Declaración|Résolution|Resolución|"
    r"Projet de résolution|Proyecto de resolución|Décision|Decisión|Constatations|Dictamen|"
    r"Ordre du jour provisoire|Programa provisional|Liste préliminaire|Lista preliminar)\b)"
)
# "Rapport du Secrétaire général", "Informe del Secretario General": the line
# under a report's subject.
_FR_OF = rf"(?:du|de la|de l{_APOS}|des)"
_ES_OF = r"(?:del|de la|de los|de las)"
SUBTITLE = rf"(?:Rapport|Note) {_FR_OF} |(?:Informe|Nota) {_ES_OF} "

# Document kinds (English, as doc_type records them) of French and Spanish titles.
DOC_KINDS = (
    ("lettres identiques", "identical letters"), ("lettre", "letter"),
    ("cartas idénticas", "identical letters"), ("carta de fecha", "letter"),
    ("notes verbales", "note verbale"), ("nota verbal", "note verbale"),
    ("notas verbales", "note verbale"),
    ("projet de résolution", "draft resolution"), ("proyecto de resolución", "draft resolution"),
    ("rapport", "report"), ("informe", "report"),
    ("note du ", "note"), ("note de l", "note"), ("nota del ", "note"), ("nota de l", "note"),
    ("ordre du jour provisoire", "agenda"), ("programa provisional", "agenda"),
    ("déclaration", "statement"), ("declaración", "statement"),
    ("constatations", "decision"), ("dictamen", "decision"),
    ("décision", "decision"), ("decisión", "decision"),
)  # resolutions: masthead.doc_type reads "Résolution" and "Resolución" with the symbol
# The kind of a report or note whose subject comes first ("… Rapport du Secrétaire général").
SUBTITLE_KIND = re.compile(rf"\b(Rapport|Note|Informe|Nota) (?:{_FR_OF}|{_ES_OF}) ")
SUBTITLE_KINDS = {"Rapport": "report", "Informe": "report", "Note": "note", "Nota": "note"}

_FR_DAY = r"(?:1er|\d{1,2})"
# "Lettre datée du 12 mars 2025, adressée au Secrétaire général par le Représentant
# permanent de X auprès de l'Organisation des Nations Unies".
TITLE_PARTS_FR = re.compile(
    rf"^(?P<kind>.+?) datée?s? d(?:u|es) (?P<date>{_FR_DAY}(?: et {_FR_DAY})? [^\W\d_]+ \d{{4}})"
    rf"(?:,? et (?:du )?{_FR_DAY} [^\W\d_]+ \d{{4}})?,?"
    r"(?: adressée?s? (?P<to>.+?))?(?:,? par (?P<sender>.+?))?\.?$"
)
# "Carta de fecha 12 de marzo de 2025 dirigida al Secretario General por el
# Representante Permanente de X ante las Naciones Unidas".
TITLE_PARTS_ES = re.compile(
    r"^(?P<kind>.+?) de fechas? (?P<date>\d{1,2} de [^\W\d_]+ de \d{4})"
    r"(?: y (?:de )?\d{1,2} de [^\W\d_]+ de \d{4})?,?"
    r"(?: dirigidas? (?P<to>.+?))?(?:,? por (?P<sender>.+?))?\.?$"
)
# The words before the first addressee ("au", "à la", "al", "a la") and between
# two of them ("… et à la …", "…, al … y a la …").
_TO_ARTICLE = rf"(?:à l{_APOS}|à la |à |au |aux |al |a la |a los |a las |a )"
TO_SPLIT = re.compile(rf"(?:,\s*|\s+(?:et|y)\s+)(?={_TO_ARTICLE})")
TO_ARTICLE = re.compile(rf"^{_TO_ARTICLE}")
# The article before the sender ("par le …", "por la …").
SENDER_ARTICLE = re.compile(rf"^(?:l{_APOS}|le |la |les |el |los |las )")
# Where the sender is accredited: left out, as "to the United Nations" is in English.
SENDER_POST = re.compile(
    rf",?\s+(?:auprès (?:de l{_APOS}Organisation des Nations Unies|de l{_APOS}Office des Nations Unies|"
    r"des Nations Unies)|ante (?:las Naciones Unidas|la Oficina de las Naciones Unidas)).*$"
)

# -- masthead -------------------------------------------------------------------------------
# "Soixante-dix-neuvième session", "Quatre-vingtième année", "Dixième session
# extraordinaire d'urgence"; "Septuagésimo noveno período de sesiones", "Octogésimo año".
SESSION_IN_LINE = re.compile(
    r"\b([A-ZÀ-Ý][^\W\d_A-Z]+(?:[- ][^\W\d_A-Z]+)*? "
    rf"(?:session extraordinaire(?: d{_APOS}urgence)?|année|"
    r"período (?:extraordinario )?de sesiones(?: de emergencia)?|año))(?!\w)"
)
_ITEMS = r"\d[\d\s(),a-z]*?"
# "Point 40 de l'ordre du jour", "Points 34, 35 et 72 b) de l'ordre du jour provisoire",
# "Tema 165 del programa", "Temas 34 y 72 b) del programa provisional".
AGENDA = re.compile(
    rf"^(?:Points?\s+({_ITEMS})\s+(?:de\s+l{_APOS}ordre\s+du\s+jour(?:\s+provisoire)?|"
    r"de\s+la\s+liste\s+préliminaire)"
    rf"|Temas?\s+({_ITEMS})\s+(?:del\s+programa(?:\s+provisional)?|de\s+la\s+lista\s+preliminar))\s*\**$"
)
# An item as French and Spanish print it: "72 b)" (and "72 (b)").
AGENDA_ITEM = re.compile(r"\d{1,3}(?:\s*\(?[a-z]{1,2}\))?")


def agenda_item(text: str) -> str:
    """The English form of an agenda item: "72 b)" and "72 (b)" give "72 (b)"."""
    m = re.fullmatch(r"(\d{1,3})\s*\(?([a-z]{1,2})\)", text.strip())
    return f"{m.group(1)} ({m.group(2)})" if m else re.sub(r"\s+", " ", text.strip())


def agenda_items(text: str) -> list[str]:
    return [agenda_item(found) for found in AGENDA_ITEM.findall(text)]


# -- circulation request --------------------------------------------------------------------
# "… faire distribuer la présente lettre … comme document de l'Assemblée générale …",
# "… hacer distribuir (circular) la presente carta … como documento del Consejo de Seguridad".
# Only the verbs of the request: "publication des documents de la session" is no request.
CIRCULATION = re.compile(
    rf"(?:\bdistribu\w*\b.{{0,200}}?\bdocuments?\s+(?:officiels?\s+)?"
    rf"(?:de\s+l{_APOS}|du\b|de\s+la\b|des\b)"
    r"|\b(?:distribu|circul)\w*\b.{0,200}?\bdocumentos?\s+(?:oficial(?:es)?\s+)?"
    r"(?:de\s+la\b|del\b|de\s+los\b))",
    re.I | re.S,
)
# "au titre des points 34, 35 et 72 b) de l'ordre du jour", "en relación con los temas 34 y 35".
AGENDA_IN_TEXT = re.compile(
    r"\b(?:points?|temas?)\s+((?:\d{1,3}(?:\s*\(?[a-z]{1,2}\))?(?:,\s*|\s+(?:et|y)\s+)?)+)", re.I
)
# The Assembly or the Council named short after the full name: "et du Conseil", "y del Consejo".
SHORT_ORGAN = re.compile(
    rf"\b(?:l{_APOS}(Assemblée)|(?:du|le) (Conseil)|la (Asamblea)|(?:del|el) (Consejo))\b"
    r"(?!\s+(?:générale|de\b|des\b|économique|General|Económico))"
)
SHORT_ORGAN_WORDS = {"Assemblée": "Assembly", "Asamblea": "Assembly", "Conseil": "Council",
                     "Consejo": "Council"}

# -- languages ------------------------------------------------------------------------------
# "[Original : anglais]", "[Original: inglés]" over a translated annex.
LANGUAGE_NAMES = {
    "anglais": "English", "inglés": "English", "ingles": "English",
    "français": "French", "francés": "French", "frances": "French",
    "espagnol": "Spanish", "español": "Spanish", "espanol": "Spanish",
    "russe": "Russian", "ruso": "Russian", "arabe": "Arabic", "árabe": "Arabic",
    "chinois": "Chinese", "chino": "Chinese",
    **{name.lower(): name for name in ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")},
}


def language_name(printed: str) -> str:
    """The English name of a language as a masthead or an annex prints it
    ("anglais", "inglés", "ENGLISH" give "English"); an unknown name as printed."""
    return LANGUAGE_NAMES.get(printed.strip().lower(), printed.strip())
