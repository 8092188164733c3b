"""The metadata half of the AKN writer: FRBR identification, masthead, proprietary data."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..model import Block, Document, Section, to_dict
from .inline import Ids
from .names import AknType, Iris, readable_date, valid_date
from .xmlutil import Tlc, V, dumps, sub


class MetaWriter:
    """Writes ``meta/identification``, the preface masthead and ``meta/proprietary``."""

    doc: Document
    ids: Ids
    tlc: Tlc
    iris: Iris
    type: AknType
    fallback: list[tuple[str, Any]]

    def _identification(self, meta: etree._Element, component: str) -> None:
        doc, iris, t = self.doc, self.iris, self.type
        dated = "issued" if valid_date(doc.date) else "unknown"
        author = (self.tlc.ref("role", doc.sender) if doc.sender else
                  self.tlc.ref("organization", doc.organs[0]) if doc.organs else "#un")
        work_this, expr_this, man_this = iris.component(component)
        ident = sub(meta, "identification", {"source": "#verbale"})
        work = sub(ident, "FRBRWork")
        sub(work, "FRBRthis", {"value": work_this})
        sub(work, "FRBRuri", {"value": iris.work})
        for symbol in doc.symbols if component == "main" else ():
            sub(work, "FRBRalias", {"value": symbol, "name": "symbol"})
        sub(work, "FRBRdate", {"date": iris.date, "name": dated})
        sub(work, "FRBRauthor", {"href": author})
        sub(work, "FRBRcountry", {"value": "un"})
        sub(work, "FRBRsubtype", {"value": t.subtype})
        sub(work, "FRBRnumber", {"value": iris.number})
        sub(work, "FRBRname", {"value": t.frbr_name})
        expr = sub(ident, "FRBRExpression")
        sub(expr, "FRBRthis", {"value": expr_this})
        sub(expr, "FRBRuri", {"value": iris.expression})
        sub(expr, "FRBRdate", {"date": iris.date, "name": dated})
        sub(expr, "FRBRauthor", {"href": "#un"})
        sub(expr, "FRBRlanguage", {"language": iris.language})
        man = sub(ident, "FRBRManifestation")
        sub(man, "FRBRthis", {"value": man_this})
        sub(man, "FRBRuri", {"value": iris.manifestation})
        # The document's own date keeps the output reproducible (no "today").
        sub(man, "FRBRdate", {"date": iris.date, "name": "generation"})
        sub(man, "FRBRauthor", {"href": "#verbale"})
        sub(man, "FRBRformat", {"value": "application/akn+xml"})

    def _masthead(self, preface, head: list[Block]) -> None:
        doc = self.doc
        box = sub(preface, "container", {"name": "masthead", "eId": self.ids.claim("masthead")})

        def line(cls: str, tag: str, text: str, **attrs) -> None:
            sub(sub(box, "p", {"class": cls}), tag, attrs, text)

        for organ in doc.organs:
            line("organ", "organization", organ, refersTo=self.tlc.ref("organization", organ))
        for symbol in doc.symbols:
            line("symbol", "docNumber", symbol)
        if doc.distribution:
            line("distribution", "docStatus", doc.distribution)
        if valid_date(doc.date):
            line("date", "docDate", readable_date(doc.date), date=doc.date)
        elif doc.date:
            line("date", "inline", doc.date, name="date")
        if doc.original_language:
            line("originalLanguage", "inline", doc.original_language, name="originalLanguage")
        for session in doc.sessions:
            line("session", "session", session)
        for item in doc.agenda_items:
            line("agendaItem", "inline", item, name="agendaItem")
        for title in doc.agenda_titles:
            line("agendaTitle", "inline", title, name="agendaTitle")
        if doc.doc_type:
            line("docType", "docType", doc.doc_type)
        if doc.sender:
            line("sender", "docProponent", doc.sender, refersTo=self.tlc.ref("role", doc.sender))
        for addressee in doc.addressees:
            line("addressee", "role", addressee, refersTo=self.tlc.ref("role", addressee))
        if doc.job_number:
            line("jobNumber", "inline", doc.job_number, name="jobNumber")
        titled = bool(head) and head[0].kind == "title" and head[0].text == doc.title
        if doc.title and not titled:
            line("docTitle", "docTitle", doc.title)
        if not len(box):
            preface.remove(box)

    def _proprietary(self, meta, empty_sections: list[Section]) -> None:
        doc = self.doc
        box = sub(meta, "proprietary", {"source": "#verbale"})
        data: list[tuple[str, Any]] = [("source", doc.source)]
        data += [("circulation", doc.circulation)] if doc.circulation else []
        data += [("citedSymbols", list(doc.cited_symbols))] if doc.cited_symbols else []
        data += [("link", link) for link in doc.links]
        data += [("warning", w) for w in doc.warnings]
        data += [("section", s) for s in empty_sections]
        data += self.fallback
        for name, value in data:
            sub(box, V(name), text=dumps(to_dict(value)))
