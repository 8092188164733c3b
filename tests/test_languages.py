"""French and Spanish communications come out with the structure of English ones.

The letters below are FICTITIOUS, written for these tests in the shape of
samples/letter.txt (a double-spaced text export of a joint General Assembly /
Security Council letter: masthead, title, indented paragraphs, signature,
annex on its own page). Norvania, its people and the symbols are invented;
the formulas (title, circulation request, signature, annex heading) are the
ones the French and Spanish versions of real UN letters print.
"""

from __future__ import annotations

import doctest
import re

import pytest

import verbale.masthead as masthead
from verbale import formulas, parse
from verbale.blocks import ANNEX, SIGNED
from verbale.masthead import DISTR, ORIGINAL, doc_type, title_parts

PAGE = "\f"  # a page break, as pdftotext writes it


def export(lines: list[str]) -> bytes:
    """A text export as PDF-to-text tools write UN documents: every line
    followed by a blank line, paragraphs marked by an indented first line,
    pages parted by form feeds."""
    return "".join(line if line == PAGE else f"{line} \n\n" for line in lines).encode()


FR_TITLE = (
    "Lettre datée du 10 mars 2099, adressée au Secrétaire général par le Représentant "
    "permanent de la Norvanie auprès de l’Organisation des Nations Unies"
)
FR_LETTER = [
    "Nations Unies A/99/123–S/2099/45",
    "Assemblée générale",
    "Conseil de sécurité",
    "Distr. générale",
    "12 mars 2099",
    "Français",
    "Original : anglais",
    "Assemblée générale Conseil de sécurité",
    "Quatre-vingt-dix-neuvième session Cent cinquante-quatrième année",
    "Points 34, 35 et 72 b) de l’ordre du jour",
    "Prévention des conflits armés",
    "Renforcement de la coordination de l’aide humanitaire",
    "Promotion et protection des droits de l’homme : questions relatives aux",
    "droits de l’homme",
    "Lettre datée du 10 mars 2099, adressée au Secrétaire général par le",
    "Représentant permanent de la Norvanie auprès de l’Organisation des",
    "Nations Unies",
    " J’ai l’honneur de vous faire tenir ci-joint le texte d’une déclaration du",
    "Ministère des affaires étrangères de la République de Norvanie sur les inondations",
    "qui ont touché la vallée de la Lumen les 3 et 4 février 2099 (voir annexe).",
    " Mon gouvernement a activé le plan national d’urgence dans les heures qui ont",
    "suivi les premières alertes et a tenu les entités des Nations Unies informées",
    "tout au long de la crise.",
    " Je vous serais reconnaissant de bien vouloir faire distribuer la présente lettre",
    "et son annexe comme document de l’Assemblée générale, au titre des points 34, 35",
    "et 72 b) de l’ordre du jour, et du Conseil de sécurité.",
    "(Signé) Mirela Ostrand",
    "Ambassadrice",
    "Représentante permanente",
    "99-01234 (F) 140399 140399",
    "*9901234*",
    PAGE,
    "A/99/123",
    "S/2099/45",
    "Annexe à la lettre datée du 10 mars 2099 adressée au Secrétaire général",
    "par le Représentant permanent de la Norvanie auprès de l’Organisation",
    "des Nations Unies",
    "",  # space under the heading: text exports part blocks by spacing only
    "[Original : anglais]",
    " Le Gouvernement de la République de Norvanie a pris les mesures suivantes",
    "depuis le 4 février 2099 : abris temporaires, fonds de reconstruction et",
    "nouvelles stations de jaugeage le long de la Lumen.",
    "99-01234 2/2",
]

ES_TITLE = (
    "Cartas idénticas de fecha 10 de marzo de 2099 dirigidas al Secretario General y a la "
    "Presidencia del Consejo de Seguridad por el Representante Permanente de Norvania ante "
    "las Naciones Unidas"
)
ES_LETTER = [
    "Naciones Unidas A/99/123–S/2099/45",
    "Asamblea General",
    "Consejo de Seguridad",
    "Distr. general",
    "12 de marzo de 2099",
    "Español",
    "Original: inglés",
    "Asamblea General Consejo de Seguridad",
    "Nonagésimo noveno período de sesiones Centésimo quincuagésimo cuarto año",
    "Temas 34, 35 y 72 b) del programa",
    "Prevención de los conflictos armados",
    "Fortalecimiento de la coordinación de la asistencia humanitaria",
    "Promoción y protección de los derechos humanos: cuestiones de derechos",
    "humanos",
    "Cartas idénticas de fecha 10 de marzo de 2099 dirigidas al Secretario",
    "General y a la Presidencia del Consejo de Seguridad por el Representante",
    "Permanente de Norvania ante las Naciones Unidas",
    " Tengo el honor de transmitirle adjunto el texto de una declaración del",
    "Ministerio de Relaciones Exteriores de la República de Norvania sobre las",
    "inundaciones que afectaron al valle del Lumen los días 3 y 4 de febrero de 2099",
    "(véase el anexo).",
    " Mi Gobierno activó el plan nacional de emergencia en las horas que siguieron",
    "a las primeras alertas y mantuvo informadas a las entidades de las Naciones",
    "Unidas durante toda la crisis.",
    " Le agradecería que tuviera a bien hacer distribuir la presente carta y su anexo",
    "como documento de la Asamblea General, en relación con los temas 34, 35 y 72 b)",
    "del programa, y del Consejo de Seguridad.",
    "(Firmado) Mirela Ostrand",
    "Embajadora",
    "Representante Permanente",
    "99-01234 (S) 140399 140399",
    "*9901234*",
    PAGE,
    "A/99/123",
    "S/2099/45",
    "Anexo de las cartas idénticas de fecha 10 de marzo de 2099 dirigidas al",
    "Secretario General y a la Presidencia del Consejo de Seguridad por el",
    "Representante Permanente de Norvania ante las Naciones Unidas",
    "",  # space under the heading: text exports part blocks by spacing only
    "[Original: inglés]",
    " Desde el 4 de febrero de 2099, el Gobierno de la República de Norvania ha",
    "adoptado las medidas siguientes: albergues temporales, un fondo de",
    "reconstrucción y nuevas estaciones de aforo a lo largo del Lumen.",
    "99-01234 2/2",
]


@pytest.fixture(scope="module")
def fr_doc():
    return parse(export(FR_LETTER), name="x.txt")


@pytest.fixture(scope="module")
def es_doc():
    return parse(export(ES_LETTER), name="x.txt")


def _kinds(doc) -> list[str]:
    return [b.kind for b in doc.blocks]


# -- whole letters --------------------------------------------------------------------------

def test_french_letter_masthead(fr_doc):
    assert fr_doc.symbols == ("A/99/123", "S/2099/45")
    assert fr_doc.date == "2099-03-12"
    assert fr_doc.organs == ("General Assembly", "Security Council")
    assert fr_doc.distribution == "General"
    assert fr_doc.original_language == "English"
    assert fr_doc.language == "fr"
    assert fr_doc.sessions == ("Quatre-vingt-dix-neuvième session", "Cent cinquante-quatrième année")
    assert fr_doc.agenda_items == ("34", "35", "72 (b)")
    assert fr_doc.agenda_titles == (
        "Prévention des conflits armés",
        "Renforcement de la coordination de l’aide humanitaire",
        "Promotion et protection des droits de l’homme : questions relatives aux droits de l’homme",
    )


def test_french_letter_title_sender_addressees(fr_doc):
    assert fr_doc.title == FR_TITLE
    assert fr_doc.doc_type == "letter"
    assert fr_doc.sender == "Représentant permanent de la Norvanie"
    assert fr_doc.addressees == ("Secrétaire général",)


def test_french_letter_structure(fr_doc):
    assert _kinds(fr_doc) == ["title", "paragraph", "paragraph", "paragraph", "signature",
                              "annex_heading", "paragraph"]
    (signature,) = fr_doc.signatures
    assert signature.name == "Mirela Ostrand"
    assert signature.title == "Ambassadrice, Représentante permanente"
    main, annex = fr_doc.sections
    assert main.kind == "main"
    assert (annex.kind, annex.label, annex.original_language) == ("annex", "Annexe", "English")
    assert annex.heading.startswith("Annexe à la lettre datée du 10 mars 2099 adressée au Secrétaire")
    assert [b.section for b in fr_doc.blocks][-1] == annex.id


def test_french_letter_circulation(fr_doc):
    circ = fr_doc.circulation
    assert circ is not None
    assert circ.text.startswith("Je vous serais reconnaissant de bien vouloir faire distribuer")
    assert circ.organs == ("General Assembly", "Security Council")
    assert circ.agenda_items == ("34", "35", "72 (b)")


def test_spanish_letter_masthead(es_doc):
    assert es_doc.symbols == ("A/99/123", "S/2099/45")
    assert es_doc.date == "2099-03-12"
    assert es_doc.organs == ("General Assembly", "Security Council")
    assert es_doc.distribution == "General"
    assert es_doc.original_language == "English"
    assert es_doc.language == "es"
    assert es_doc.sessions == ("Nonagésimo noveno período de sesiones", "Centésimo quincuagésimo cuarto año")
    assert es_doc.agenda_items == ("34", "35", "72 (b)")
    assert len(es_doc.agenda_titles) == 3


def test_spanish_letter_title_sender_addressees(es_doc):
    assert es_doc.title == ES_TITLE
    assert es_doc.doc_type == "identical letters"
    assert es_doc.sender == "Representante Permanente de Norvania"
    assert es_doc.addressees == ("Secretario General", "Presidencia del Consejo de Seguridad")


def test_spanish_letter_structure(es_doc):
    assert _kinds(es_doc) == ["title", "paragraph", "paragraph", "paragraph", "signature",
                              "annex_heading", "paragraph"]
    (signature,) = es_doc.signatures
    assert (signature.name, signature.title) == ("Mirela Ostrand", "Embajadora, Representante Permanente")
    main, annex = es_doc.sections
    assert (annex.kind, annex.label, annex.original_language) == ("annex", "Anexo", "English")
    assert annex.heading.startswith("Anexo de las cartas idénticas de fecha 10 de marzo de 2099")


def test_spanish_letter_circulation(es_doc):
    circ = es_doc.circulation
    assert circ is not None
    assert circ.text.startswith("Le agradecería que tuviera a bien hacer distribuir")
    assert circ.organs == ("General Assembly", "Security Council")
    assert circ.agenda_items == ("34", "35", "72 (b)")


def test_same_fields_as_the_english_sample(fr_doc, es_doc):
    """The agenda items and the circulation give the same values in every language."""
    english = parse(export([
        *(line.replace("Points 34, 35 et 72 b) de l’ordre du jour", "Agenda items 34, 35 and 72 (b)")
          for line in FR_LETTER[:10]),
        "Letter dated 10 March 2099 from the Permanent Representative of Norvania to the",
        "United Nations addressed to the Secretary-General",
        " I should be grateful if you would have the present letter circulated as a",
        "document of the General Assembly, under agenda items 34, 35 and 72 (b), and of the",
        "Security Council.",
        "(Signed) Mirela Ostrand",
        "Permanent Representative",
    ]), name="x.txt")
    for doc in (fr_doc, es_doc):
        assert doc.agenda_items == english.agenda_items
        assert doc.circulation.organs == english.circulation.organs
        assert doc.circulation.agenda_items == english.circulation.agenda_items
        assert doc.organs == english.organs
        assert [s.kind for s in doc.sections] == ["main", "annex"]
    assert english.doc_type == "letter" and fr_doc.doc_type == "letter"


# -- more formulas --------------------------------------------------------------------------

def _letter(masthead_lines: list[str], title: list[str], body: list[str]) -> bytes:
    return export([*masthead_lines, *title, *body])


FR_HEAD = ["Nations Unies S/2099/77", "Conseil de sécurité", "Distr. générale", "1er avril 2099",
           "Français", "Original : espagnol"]
ES_HEAD = ["Naciones Unidas S/2099/77", "Consejo de Seguridad", "Distr. general", "1 de abril de 2099",
           "Español", "Original: francés"]


def test_french_note_verbale_with_enclosure_and_appendix():
    doc = parse(_letter(FR_HEAD, [
        "Note verbale datée du 28 mars 2099, adressée à la Présidente du Conseil de",
        "sécurité par la Mission permanente de la Norvanie auprès de l’Organisation",
        "des Nations Unies",
    ], [
        " La Mission permanente de la Norvanie auprès de l’Organisation des Nations Unies",
        "présente ses compliments à la Présidente du Conseil de sécurité et a l’honneur de",
        "lui faire tenir ci-joint un rapport (voir pièce jointe).",
        " La Mission permanente saurait gré à la Présidente de bien vouloir faire",
        "distribuer la présente note verbale et sa pièce jointe comme document du Conseil.",
        "Pièce jointe",
        " Rapport sur les mesures prises.",
        "Appendice",
        " Liste des stations de jaugeage.",
        "Annexe II",
        " Carte de la vallée.",
    ]), name="x.txt")
    assert doc.date == "2099-04-01"
    assert doc.original_language == "Spanish"
    assert doc.doc_type == "note verbale"
    assert doc.sender == "Mission permanente de la Norvanie"
    assert doc.addressees == ("Présidente du Conseil de sécurité",)
    assert [(s.kind, s.label) for s in doc.sections] == [
        ("main", ""), ("enclosure", "Pièce jointe"), ("appendix", "Appendice"), ("annex", "Annexe II")]
    assert doc.circulation.organs == ("Security Council",)  # "du Conseil", the masthead's only council
    assert doc.circulation.agenda_items == ()


def test_spanish_note_verbale_with_annex_and_appendix():
    doc = parse(_letter(ES_HEAD, [
        "Nota verbal de fecha 28 de marzo de 2099 dirigida a la Presidencia del",
        "Consejo de Seguridad por la Misión Permanente de Norvania ante las Naciones",
        "Unidas",
    ], [
        " La Misión Permanente de Norvania ante las Naciones Unidas saluda atentamente a",
        "la Presidencia del Consejo de Seguridad y tiene el honor de transmitirle adjunto un",
        "informe (véase el anexo).",
        " La Misión Permanente agradecería que la presente nota verbal y su anexo se",
        "distribuyeran como documento del Consejo de Seguridad.",
        "(Firmado) Erland Vasko",
        "Encargado de Negocios interino",
        "Anexo I",
        " Informe sobre las medidas adoptadas.",
        "Apéndice",
        " Lista de estaciones de aforo.",
    ]), name="x.txt")
    assert doc.date == "2099-04-01"
    assert doc.original_language == "French"
    assert doc.doc_type == "note verbale"
    assert doc.sender == "Misión Permanente de Norvania"
    assert doc.addressees == ("Presidencia del Consejo de Seguridad",)
    assert [(s.kind, s.label) for s in doc.sections] == [
        ("main", ""), ("annex", "Anexo I"), ("appendix", "Apéndice")]
    assert [(s.name, s.title) for s in doc.signatures] == [("Erland Vasko", "Encargado de Negocios interino")]
    assert doc.circulation.organs == ("Security Council",)


@pytest.mark.parametrize("head, title, kind", [
    (FR_HEAD, "Rapport du Secrétaire général", "report"),
    (ES_HEAD, "Informe del Secretario General", "report"),
    (FR_HEAD, "Projet de résolution", "draft resolution"),
    (ES_HEAD, "Proyecto de resolución", "draft resolution"),
    (FR_HEAD, "Résolution 2799 (2099)", "resolution"),
    (ES_HEAD, "Resolución 2799 (2099)", "resolution"),
])
def test_report_and_resolution_titles(head, title, kind):
    doc = parse(_letter(head, [title], [" Premier paragraphe.", " Segundo párrafo."]), name="x.txt")
    assert doc.title == title
    assert doc.doc_type == kind


def test_report_subject_above_its_subtitle():
    assert doc_type("Les enfants et les conflits armés Rapport du Secrétaire général", []) == "report"
    assert doc_type("Los niños y los conflictos armados Informe del Secretario General", []) == "report"
    assert masthead.TITLE_SUBTITLE.match("Rapport du Secrétaire général")
    assert masthead.TITLE_SUBTITLE.match("Informe del Secretario General")


@pytest.mark.parametrize("title, sender, addressees", [
    ("Lettres identiques datées du 13 janvier 2099, adressées au Secrétaire général et à la "
     "Présidente du Conseil de sécurité par le Chargé d’affaires par intérim de la Mission permanente "
     "d’Israël auprès de l’Organisation des Nations Unies",
     "Chargé d’affaires par intérim de la Mission permanente d’Israël",
     ["Secrétaire général", "Présidente du Conseil de sécurité"]),
    ("Lettre datée du 1er mai 2099, adressée au Président du Conseil de sécurité par le Secrétaire général",
     "Secrétaire général", ["Président du Conseil de sécurité"]),
    ("Lettre datée du 3 juin 2099, adressée au Secrétaire général par les Représentants permanents de "
     "la Norvanie et du Velmark auprès de l’Organisation des Nations Unies",
     "Représentants permanents de la Norvanie et du Velmark", ["Secrétaire général"]),
    ("Carta de fecha 12 de marzo de 2099 dirigida al Secretario General por el Representante "
     "Permanente de Norvania ante las Naciones Unidas",
     "Representante Permanente de Norvania", ["Secretario General"]),
    ("Carta de fecha 1 de mayo de 2099 dirigida al Presidente del Consejo de Seguridad por el "
     "Secretario General", "Secretario General", ["Presidente del Consejo de Seguridad"]),
    ("Nota verbal de fecha 2 de junio de 2099 dirigida a la Presidencia de la Asamblea General por "
     "la Misión Permanente de Norvania ante la Oficina de las Naciones Unidas en Ginebra",
     "Misión Permanente de Norvania", ["Presidencia de la Asamblea General"]),
])
def test_title_parts(title, sender, addressees):
    assert title_parts(title) == (sender, addressees)


@pytest.mark.parametrize("title, kind", [
    ("Lettres identiques datées du 13 janvier 2099, adressées au Secrétaire général", "identical letters"),
    ("Notes verbales identiques datées du 2 juin 2099", "note verbale"),
    ("Cartas idénticas de fecha 13 de enero de 2099", "identical letters"),
    ("Carta de fecha 13 de enero de 2099", "letter"),
    ("Notas verbales idénticas de fecha 2 de junio de 2099", "note verbale"),
    ("Note du Secrétaire général", "note"),
    ("Nota del Secretario General", "note"),
])
def test_doc_types(title, kind):
    assert doc_type(title, []) == kind
    assert masthead.TITLE.match(title)


def test_agenda_items_in_english_form():
    assert masthead.agenda_line("Point 40 de l’ordre du jour") == ["40"]
    assert masthead.agenda_line("Points 34, 35 et 72 b) de l'ordre du jour provisoire") == ["34", "35", "72 (b)"]
    assert masthead.agenda_line("Tema 165 del programa") == ["165"]
    assert masthead.agenda_line("Temas 72 b) y 98 (w) del programa provisional") == ["72 (b)", "98 (w)"]
    assert masthead.agenda_line("Agenda items 12 and 34 (b)") == ["12", "34 (b)"]
    assert masthead.agenda_line("Carta de las Naciones Unidas") is None


def test_french_typography_in_the_masthead():
    # French puts a (no-break) space before the colon.
    for text in ("Original : anglais", "Original\u00a0: anglais", "Original\u202f: anglais"):
        assert ORIGINAL.search(text).group(1) == "anglais"
    for text in ("Distr. générale", "Distr. : générale", "Distr.\u00a0: limitée", "Distr.: General"):
        assert DISTR.search(text)
    assert masthead._iso(masthead.DATE.fullmatch("1er mars 2099")) == "2099-03-01"


def test_signature_and_annex_words_agree():
    """blocks spells out the words of formulas: the two lists are the same."""
    for word in formulas.SIGNED_WORDS:
        assert SIGNED.match(f"({word}) Mirela Ostrand")
        assert formulas.SIGNED_MARK.split(f"({word}) A ({word}) B") == ["", " A ", " B"]
    for word in formulas.SECTION_KINDS:
        label = word[:1].upper() + word[1:]
        assert ANNEX.match(label).group(1).lower() == word
    assert not ANNEX.match("Annexes to the report are listed below.")
    assert not ANNEX.match("Anexo este texto")


def test_docstring_examples():
    assert doctest.testmod(masthead).failed == 0


def test_no_english_formula_reads_as_french_or_spanish():
    """The French and Spanish patterns never match the English formulas."""
    english = [
        "I should be grateful if you would have the present letter circulated as a document of "
        "the General Assembly, under agenda item 34, and of the Security Council.",
        "Letter dated 10 March 2099 from the Permanent Representative of Norvania to the United "
        "Nations addressed to the Secretary-General",
        "Agenda items 12 and 34 (b)", "Seventy-ninth session", "Eightieth year",
    ]
    for text in english:
        assert not formulas.CIRCULATION.search(text)
        assert not formulas.TITLE_PARTS_FR.match(text) and not formulas.TITLE_PARTS_ES.match(text)
        assert not formulas.AGENDA.match(text)
        assert not formulas.SESSION_IN_LINE.search(text)
        assert not re.match(formulas.TITLE_START, text)


def test_language_names_in_any_language_and_case():
    from verbale.formulas import language_name

    assert language_name("ENGLISH") == language_name("anglais") == language_name("inglés") == "English"
    assert language_name("Hausa") == "Hausa"  # an unknown name stays as printed
