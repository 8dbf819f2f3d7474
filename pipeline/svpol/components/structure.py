"""`svpol_structure`: who proposed, who decided, who reserved — the structure of a document.

Runs after ``ner`` and the enrichers: it reads ``doc.ents`` (PERSON with ``span._.party`` and
``span._.role``, PARTY with ``span._.party_id``, AUTHORITY with ``span._.canonical``, MONEY
with ``span._.amount_sek``), and falls back to the text (``Anna Berg (M)``) where an
attribute or an entity is missing. It finds:

- the document kind: ``protocol``, ``motion``, ``interpellation`` or ``other``;
- protocols: the meeting header (body, date, time, place, adjusters, secretary), attendance
  lists, agenda items ``§ N`` with title and diary number, sections by their headings
  (decision, background, preparation, proposals, course, vote, reservation, statement,
  minute_note, substitute_statement, conflict_of_interest, adjustment, debate,
  distribution), decision points with their MONEY, proposals with who and kind, votes with
  counts and per-person votes, reservations and statements with signatories;
- motions: title, number, authors, the ``att``-clauses / numbered proposals;
- interpellations: number, title, asker, the minister or councillor asked, the questions;
- PDF furniture: page numbers, signature boxes, repeated header and footer lines.

Two views of the same result:

- span groups ``doc.spans["items" | "sections" | "decisions" | "proposals" | "votes" |
  "reservations" | "attendance" | "questions" | "furniture" | "header"]``, each span with
  ``span._.info`` (its dict below) and the short attributes ``span._.kind``,
  ``span._.number``, ``span._.title``, ``span._.dnr``, ``span._.signatories``,
  ``span._.proposers``;
- ``doc._.structure``: one JSON-serialisable dict; every ``start``/``end`` in it is a
  character offset into ``doc.text``. See docs/structure.md for the format.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_cache import doc_text
from ..text import fold_case
from . import structure_patterns as P

SPAN_GROUPS = ("header", "attendance", "items", "sections", "decisions", "proposals", "votes",
               "reservations", "questions", "furniture")
SPAN_EXTENSIONS = ("info", "kind", "number", "title", "dnr", "signatories", "proposers")
STRUCTURE_VERSION = 1

if not Doc.has_extension("structure"):
    Doc.set_extension("structure", default=None)
for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

Range = Tuple[int, int]


# =========================================================================== small helpers
def _trim(text: str, start: int, end: int) -> Range:
    """``(start, end)`` without surrounding whitespace (and trailing ``,;:``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _lines(text: str) -> List[Range]:
    """Every line of ``text`` as ``(start, end)``, the newline excluded."""
    out, pos = [], 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


_ABBREVIATIONS = frozenset({"m.fl", "bl.a", "t.ex", "ca", "resp", "jfr", "kl", "nr", "dnr", "ordf", "f.d",
                            "s.k", "d.v.s", "dvs", "o.s.v", "osv", "st", "kap", "prop", "bet", "mom"})
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s+[\"'(]?[A-ZÅÄÖ0-9§])|\n\s*\n|\n(?=[ \t]*(?:\d{1,2}[.)]|[-–•*])\s)")


def _sentences(text: str, start: int, end: int) -> List[Range]:
    """Sentences of ``text[start:end]`` (a blank line or a list item also ends one)."""
    out, pos = [], start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        if m.group() == ".":
            word = re.search(r"([\w.]+)$", text[max(start, m.start() - 8):m.start()])
            if word and word.group(1).lower().lstrip(".") in _ABBREVIATIONS:
                continue
        cut = m.end() if m.group() in ".!?" else m.start()
        s, e = _trim(text, pos, cut)
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = _trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


def _may_hold(folded: Optional[str], words: Optional[Sequence[str]]) -> bool:
    """False where a case-insensitive pattern that holds one of ``words`` (in lower case) in every match cannot
    match the text that ``folded`` (:func:`svpol.text.fold_case`) is of: a cheap test before the search
    (``words`` None: no such words, always search)."""
    return folded is None or words is None or any(word in folded for word in words)


def _squash(value: str) -> str:
    """A phrase from the text with its whitespace (line breaks) collapsed."""
    return re.sub(r"\s+", " ", value).strip()


def _iso(year: str, month: int, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


class _Entities:
    """The entities of a doc as plain tuples, with their attributes, for range queries."""

    def __init__(self, doc: Doc, text: Optional[str] = None) -> None:
        text = doc_text(doc) if text is None else text
        self.text = text
        self.persons: List[Dict[str, Any]] = []
        self.parties: List[Dict[str, Any]] = []
        self.money: List[Dict[str, Any]] = []
        self.authorities: List[Dict[str, Any]] = []
        for ent in doc.ents:
            label = ent.label_
            if label == "PERSON":
                self.persons.append({"name": ent.text, "start": ent.start_char, "end": ent.end_char,
                                     "party": _ext(ent, "party"), "role": _ext(ent, "role"),
                                     "source": "entity"})
            elif label == "PARTY":
                self.parties.append({"party": _ext(ent, "party_id") or _party_id(ent.text) or ent.text,
                                     "text": ent.text, "start": ent.start_char, "end": ent.end_char})
            elif label == "MONEY":
                self.money.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                                   "amount_sek": _ext(ent, "amount_sek")})
            elif label == "AUTHORITY":
                self.authorities.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                                         "canonical": _ext(ent, "canonical")})
        # Names written "Anna Berg (M)" that no PERSON entity covers (the model missed them; none without a bracket).
        taken = [(p["start"], p["end"]) for p in self.persons]
        for m in (P.NAME_PARTY_RE.finditer(text) if "(" in text else ()):
            s, e = m.span("name")
            if any(a < e and s < b for a, b in taken) or _looks_like_body(m.group("name")):
                continue
            self.persons.append({"name": m.group("name"), "start": s, "end": e, "party": None,
                                 "role": None, "source": "pattern"})
        self.persons.sort(key=lambda p: p["start"])
        for person in self.persons:
            self._complete_person(person)
        self._person_starts = [p["start"] for p in self.persons]
        self._party_starts = [p["start"] for p in self.parties]
        self._money_starts = [m["start"] for m in self.money]

    def _complete_person(self, person: Dict[str, Any]) -> None:
        """The party from the text after the name where the enricher set none; "m.fl."."""
        m = P.PARTY_AFTER_RE.match(self.text, person["end"], person["end"] + 40)
        person["others"] = bool(m and (m.group("mfl") or m.group("mfl2")))
        person["party_end"] = m.end() if m else person["end"]
        written = _party_id(m.group("party")) if m else None
        # the party written after the name is this document's; an enricher's may be a namesake's
        if written and (not person["party"] or re.fullmatch(r"[A-ZÅÄÖ]{1,4}|-", written)):
            person["party"] = written
        if m and m.group("all"):
            person["shared_party"] = True

    @staticmethod
    def _in(items: List[Dict[str, Any]], starts: List[int], start: int, end: int) -> List[Dict[str, Any]]:
        i = bisect_right(starts, start - 1)
        out = []
        while i < len(items) and items[i]["start"] < end:
            if items[i]["end"] <= end:
                out.append(items[i])
            i += 1
        return out

    def persons_in(self, start: int, end: int) -> List[Dict[str, Any]]:
        return self._in(self.persons, self._person_starts, start, end)

    def parties_in(self, start: int, end: int) -> List[Dict[str, Any]]:
        return self._in(self.parties, self._party_starts, start, end)

    def money_in(self, start: int, end: int) -> List[Dict[str, Any]]:
        return self._in(self.money, self._money_starts, start, end)

    def authorities_in(self, start: int, end: int) -> List[Dict[str, Any]]:
        return [a for a in self.authorities if a["start"] >= start and a["end"] <= end]

    def who(self, start: int, end: int) -> Dict[str, Any]:
        """Persons (with party) and parties named in ``[start, end)``; a party in a person's
        bracket belongs to the person, "(båda M)" to every person before it without one."""
        persons = self.persons_in(start, end)
        for i, person in enumerate(persons):
            if person.get("shared_party"):
                for earlier in persons[:i]:
                    if not earlier["party"]:
                        earlier["party"] = person["party"]
        brackets = [(p["end"], p["party_end"]) for p in persons]
        parties = []
        for party in self.parties_in(start, end):
            if any(a <= party["start"] and party["end"] <= b for a, b in brackets):
                continue
            parties.append({"party": party["party"], "start": party["start"], "end": party["end"]})
        out_persons = [_person_out(p) for p in persons]
        others = [p["party"] for p in persons if p.get("others") and p["party"]]
        names = list(dict.fromkeys([p["party"] for p in out_persons if p["party"]] + [p["party"] for p in parties]))
        return {"persons": out_persons, "parties": parties, "party_ids": names,
                "others": bool(others) or bool(re.search(r"\bm\.\s?fl\b", self.text[start:end])),
                "others_party": others[0] if others else None}


def _person_out(p: Dict[str, Any]) -> Dict[str, Any]:
    return {"name": p["name"], "party": p["party"], "role": p.get("role"), "start": p["start"], "end": p["end"],
            "source": p["source"]}


def _ext(span: Span, name: str) -> Any:
    return getattr(span._, name) if Span.has_extension(name) else None


def _party_id(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    key = text.strip().upper()
    if key in ("–", "—"):
        key = "-"
    if key in P.PARTY_LETTERS:
        return P.PARTY_LETTERS[key]
    name = re.sub(r"\s+", " ", text.strip().lower())
    for candidate in (name, name[:-1] if name.endswith("s") else name):
        if candidate in P.PARTY_NAMES:
            return P.PARTY_NAMES[candidate]
    return text.strip() if len(text.strip()) <= 4 else None


def _looks_like_body(name: str) -> bool:
    return bool(re.search(r"(?:nämnd|styrelse|fullmäktige|förvaltning|kommun|region|utskott|partiet)\b", name, re.I))


# =========================================================================== the component
@Language.factory(
    "svpol_structure",
    assigns=["doc._.structure", "doc.spans"],
    requires=["doc.ents"],
    default_config={"kind": None, "span_groups": True},
)
def make_structure(nlp: Language, name: str, kind: Optional[str], span_groups: bool) -> "Structure":
    """Create the structure finder.

    Args:
        kind: force a document kind ("protocol", "motion", "interpellation", "other") instead
            of detecting it from the text; None detects.
        span_groups: also fill ``doc.spans`` (``doc._.structure`` is always set).
    """
    return Structure(name, kind=kind, span_groups=span_groups)


class Structure:
    """Finds the structure of a political document (see the module docstring)."""

    def __init__(self, name: str = "structure", *, kind: Optional[str] = None, span_groups: bool = True) -> None:
        if kind not in (None, P.PROTOCOL, P.MOTION, P.INTERPELLATION, P.OTHER):
            raise ValueError(f"svpol_structure: unknown kind {kind!r}; use protocol, motion, interpellation, other or None")
        self.name = name
        self.kind = kind
        self.span_groups = span_groups

    def __call__(self, doc: Doc) -> Doc:
        structure = find_structure(doc, kind=self.kind)
        doc._.structure = structure
        if self.span_groups:
            _fill_span_groups(doc, structure)
        return doc


def detect_kind(text: str) -> str:
    """``protocol``, ``motion``, ``interpellation`` or ``other`` from the text alone."""
    head = text[:400]
    protocol_word = _may_hold(fold_case(head), P.PROTOCOL_WORDS) and bool(P.PROTOCOL_WORD_RE.search(head))
    body = text[:20000]
    items = len(P.ITEM_RE.findall(body)) if "§" in body else 0  # every item's line holds its "§"
    if items and (protocol_word or items >= 2 or _first_heading(text)):
        return P.PROTOCOL
    first_lines = "\n".join(text.lstrip().split("\n")[:3])
    folded = fold_case(first_lines)
    if _may_hold(folded, P.INTERPELLATION_WORDS) and P.INTERPELLATION_START_RE.search(first_lines):
        return P.INTERPELLATION
    if _may_hold(folded, P.MOTION_WORDS) and P.MOTION_START_RE.search(first_lines):
        return P.MOTION
    front = text[:3000]
    found = P.PROTOCOL_MARKER_RE.finditer(front) if _may_hold(fold_case(front), P.PROTOCOL_MARKER_WORDS) else ()
    markers = {re.sub(r"\s+", " ", m.group().lower()) for m in found}
    if protocol_word or items or len(markers) >= 2 or _protocol_headings(text):
        return P.PROTOCOL
    return P.OTHER


def _first_heading(text: str) -> bool:
    return any(_heading(text, s, e) for s, e in _lines(text[:5000]))


def _protocol_headings(text: str) -> bool:
    """A meeting's decision process without a `§` line (a protocol extract, one item's web page):
    a `Beslutsgång`/`Omröstning` heading and a heading of another part of an item."""
    kinds = {h[0] for s, e in _lines(text[:20000]) for h in [_heading(text, s, e)] if h}
    return bool(kinds & {"course", "vote"}) and len(kinds & _ITEM_PART_KINDS) >= 2


# Section kinds that are parts of an agenda item (not the closing "Justering" or "Expedieras").
_ITEM_PART_KINDS = frozenset(P.SECTION_KINDS) - {"adjustment", "distribution", "motion_proposals"}


def find_structure(doc: Doc, kind: Optional[str] = None) -> Dict[str, Any]:
    """The structure of ``doc`` as plain data (offsets into ``doc.text``)."""
    original = doc_text(doc)
    kind = kind or detect_kind(original)
    furniture = find_furniture(original)
    # Parsing reads the text with the furniture blanked out (same length, same offsets), so a
    # page footer inside a section or between items is not part of what is found.
    text = mask_furniture(original, furniture)
    out: Dict[str, Any] = {"version": STRUCTURE_VERSION, "kind": kind, "header": None, "attendance": [],
                           "items": [], "motion": None, "interpellation": None, "furniture": furniture}
    skip = {(f["start"], f["end"]) for f in furniture if f["line"]}
    # The entities are read only for the kinds that are parsed (most texts are of none).
    if kind == P.PROTOCOL:
        _protocol(text, _Entities(doc, text), out, skip, original)
    elif kind == P.MOTION:
        out["motion"] = _motion(text, _Entities(doc, text), skip)
    elif kind == P.INTERPELLATION:
        out["interpellation"] = _interpellation(text, _Entities(doc, text), skip)
    return out


# =========================================================================== headings
def _heading(text: str, start: int, end: int) -> Optional[Tuple[str, int, int, int]]:
    """A section heading at the start of line ``[start, end)``: (kind, heading start, heading
    end, content start) where the content may follow on the same line ("Reservation: ...",
    a run-in "Beslut Nämnden ..." from joined lines); None if the line is no heading."""
    s, e = _trim(text, start, end)
    if e <= s:
        return None
    line = text[s:e]
    for kind, regex in P.HEADING_RES:
        m = regex.match(line)
        if not m:
            continue
        h_end = s + m.end()
        rest = text[h_end:e]
        colon = re.match(r"[ \t]*[:.][ \t]*", rest)
        if not rest.strip() or re.fullmatch(r"[ \t]*[:.]?[ \t]*", rest):
            if len(line) <= P.MAX_HEADING:
                return kind, s, h_end, e
            continue
        if colon and rest.startswith(":") or (colon and rest.lstrip().startswith(":")):
            return kind, s, h_end, h_end + colon.end()
        # run-in heading: "Beslut Nämnden godkänner ..." (normalize joined the lines)
        nxt = re.match(r"[ \t]+(?P<w>[A-ZÅÄÖ][\wåäöÅÄÖ-]*)", rest)
        if nxt and kind != "debate" and nxt.group("w").lower() not in P.RUN_IN_STOP \
                and not re.match(r"[ \t]+[A-ZÅÄÖ][\wåäö]*\s+(?:och|samt)\s", rest):
            return kind, s, h_end, h_end + len(rest) - len(rest.lstrip())
    return None


# =========================================================================== protocols
def _protocol(text: str, ents: _Entities, out: Dict[str, Any], skip: set, original: str) -> None:
    starts = [m for m in P.ITEM_RE.finditer(text)
              if not _in_furniture(m.start("number"), skip) and _item_line_ok(text, m)]
    first = starts[0].start() if starts else len(text)
    closing = None
    if starts:
        for m in P.CLOSING_RE.finditer(text, starts[-1].end()):
            closing = m.start()
            break
    header_end = first
    # the header is read with its furniture: the first running header may hold the date
    out["header"] = _meeting_header(original, ents, 0, header_end, closing)
    out["attendance"] = _attendance(text, ents, 0, header_end)
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else (closing if closing is not None else len(text))
        out["items"].append(_item(text, ents, m, end, skip))
    if not starts:
        _unnumbered_item(text, ents, out, skip)
    _parties_from_attendance(out)


def _unnumbered_item(text: str, ents: _Entities, out: Dict[str, Any], skip: set) -> None:
    """A protocol without `§` lines (an extract, one item's web page): one item without number
    from its first item section heading to the closing block, and the header before it."""
    first = next((h for ls, le in _lines(text) if not _in_furniture(ls, skip)
                  for h in [_heading(text, ls, le)] if h and h[0] in _ITEM_PART_KINDS), None)
    if first is None:
        return
    start = first[1]
    closing = next((m.start() for m in P.CLOSING_RE.finditer(text, start)), len(text))
    out["header"] = _meeting_header(text, ents, 0, start, closing if closing < len(text) else None)
    out["attendance"] = _attendance(text, ents, 0, start)
    item_start, item_end = _trim(text, start, closing)
    item = _new_item(None, None, None, [], item_start, item_end)
    _sections(text, ents, item, item_start, item_end, skip)
    out["items"].append(item)


def _new_item(number: Optional[int], body: Optional[str], title: Optional[Dict[str, Any]],
              dnrs: List[Dict[str, Any]], start: int, end: int) -> Dict[str, Any]:
    return {"number": number, "body": body, "title": title, "dnr": dnrs[0] if dnrs else None, "dnrs": dnrs,
            "start": start, "end": end,
            "sections": [], "decisions": [], "proposals": [], "votes": [], "reservations": [], "conflicts": []}


def _parties_from_attendance(out: Dict[str, Any]) -> None:
    """Adjusters and secretary written without a party ("Utses att justera Karin Jansson") take
    the party the attendance list gives the same name."""
    parties = {p["name"]: p["party"] for block in out["attendance"] for p in block["persons"] if p.get("party")}
    header = out["header"] or {}
    for person in header.get("adjusters", []) + [header.get("secretary") or {}]:
        if person.get("name") in parties and not person.get("party"):
            person["party"] = parties[person["name"]]


def _item_line_ok(text: str, m: "re.Match[str]") -> bool:
    """`§ 14` starts an item, `§ 14 i kommunallagen` in a wrapped sentence does not."""
    rest = text[m.end():m.end() + 30]
    if re.match(r"\s*(?:i|och|enligt|samt|kommunallagen|KL|st\.?|stycket|första|andra)\b", rest):
        return False
    # a table of contents line ("§ 62 Information ... 4") lists an item, it does not start one
    line_end = text.find("\n", m.end())
    return not P.TOC_LINE_END_RE.search(text, m.end(), len(text) if line_end < 0 else line_end)


def _in_furniture(pos: int, skip: set) -> bool:
    return any(a <= pos < b for a, b in skip)


def _meeting_header(text: str, ents: _Entities, start: int, end: int, closing: Optional[int]) -> Dict[str, Any]:
    s, e = _trim(text, start, end)
    fields: Dict[str, Any] = {}
    for m in P.HEADER_FIELD_RE.finditer(text, s, e):
        key = m.lastgroup if m.lastgroup != "label" else None
        key = next(k for k in P.HEADER_FIELDS if m.group(k)) if key is None or key not in P.HEADER_FIELDS else key
        if key in fields:
            continue
        value_end = _field_end(text, m.end(), e)
        vs, ve = _trim(text, m.end(), value_end)
        fields[key] = (vs, ve)
    header: Dict[str, Any] = {"start": s, "end": e, "body": None, "date": None, "time": None, "place": None,
                              "adjusters": [], "secretary": None, "fields": {}}
    for key, (vs, ve) in fields.items():
        header["fields"][key] = {"text": text[vs:ve], "start": vs, "end": ve}
    # the body: the AUTHORITY after "Sammanträde med"/"Protokoll", else the first one
    bodies = ents.authorities_in(s, e)
    chosen = next((a for a in bodies if P.HEADER_BODY_CUE_RE.search(text[max(s, a["start"] - 30):a["start"]])), None)
    chosen = chosen or (bodies[0] if bodies else None)
    if chosen:
        header["body"] = {"text": chosen["text"], "canonical": chosen["canonical"], "start": chosen["start"], "end": chosen["end"]}
    # date
    date_range = fields.get("date") or fields.get("time_place") or (s, e)
    for rs, re_ in (date_range, (s, e)):
        d = P.ISO_DATE_RE.search(text, rs, re_)
        w = P.WORD_DATE_RE.search(text, rs, re_)
        found = min((x for x in (d, w) if x), key=lambda x: x.start(), default=None)
        if found is not None:
            value = (found.group(0) if found is d
                     else _iso(found.group(3), P.MONTHS[found.group(2).lower()], found.group(1)))
            header["date"] = {"value": value, "start": found.start(), "end": found.end()}
            break
    # time
    t = P.TIME_RE.search(text, s, e)
    if t:
        header["time"] = {"start_time": t.group(1).replace(".", ":"),
                          "end_time": t.group(2).replace(".", ":") if t.group(2) else None,
                          "start": t.start(), "end": t.end()}
    # place
    place = fields.get("place")
    if place is None and "time_place" in fields:
        ps, pe = fields["time_place"]
        tm = P.TIME_RE.search(text, ps, pe)
        place = _trim(text, tm.end(), pe) if tm and tm.end() < pe else None
        if place and text[place[0]] == ",":
            place = _trim(text, place[0] + 1, place[1])
        if (place is None or place[1] <= place[0]) and tm:  # "Sessionssalen, onsdag den 29 augusti kl. 14.00"
            before = text[ps:tm.start()]
            tail = P.PLACE_TAIL_RE.search(before)
            place = _trim(text, ps, ps + (tail.start() if tail else len(before)))
    if place and place[1] > place[0]:
        header["place"] = {"text": text[place[0]:place[1]], "start": place[0], "end": place[1]}
    # adjusters: "Justerare: ...", else the signatures after "Justeras" at the end
    adj = fields.get("adjusters")
    if adj:
        header["adjusters"] = ents.who(*adj)["persons"]
    if not header["adjusters"] and closing is not None:
        m = re.search(r"(?m)^[ \t]*(?:Justeras|Justerat|Justerare)\b[ \t]*:?", text[closing:])
        if m:
            js = closing + m.end()
            header["adjusters"] = [p for p in ents.who(js, _block_end(text, js, len(text)))["persons"]]
            header["adjusters_from"] = "signatures"
    sec = fields.get("secretary")
    if sec:
        persons = ents.who(*sec)["persons"]
        header["secretary"] = persons[0] if persons else {"name": text[sec[0]:sec[1]], "start": sec[0], "end": sec[1]}
    elif closing is not None:
        m = re.search(r"Vid protokollet\s*:?", text[closing:])
        if m:
            vs = closing + m.end()
            persons = ents.persons_in(vs, min(len(text), vs + 80))
            if persons:
                header["secretary"] = _person_out(persons[0])
    if closing is not None:
        header["closing"] = {"start": closing, "end": _trim(text, closing, len(text))[1]}
    return header


def _field_end(text: str, start: int, limit: int) -> int:
    """The end of a header field's value: the end of its line, or the next "Label:"."""
    nl = text.find("\n", start, limit)
    end = limit if nl < 0 else nl
    nxt = P.HEADER_FIELD_RE.search(text, start, end)
    stop = P.FIELD_STOP_RE.search(text, start, end)
    if stop:
        end = stop.start()
    label = re.search(r"\s[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){0,3}\s*:\s", text[start:end])
    cut = [end]
    if nxt:
        cut.append(nxt.start())
    if label:
        cut.append(start + label.start())
    return min(cut)


def _block_end(text: str, start: int, limit: int) -> int:
    """The end of the block starting at ``start``: a blank line, or ``limit``."""
    m = re.search(r"\n[ \t]*\n", text[start:limit])
    return start + m.start() if m else limit


# --------------------------------------------------------------------------- attendance
def _group_of(label: str) -> str:
    for pattern, group in P.ATTENDANCE_LABELS:
        if re.fullmatch(pattern, label.strip(), re.IGNORECASE):
            return group
    return "members"


def _attendance(text: str, ents: _Entities, start: int, end: int) -> List[Dict[str, Any]]:
    """Attendance blocks: a label ("Ledamöter", "Tjänstgörande ersättare", "Övriga
    närvarande", ...) and the names after it up to a blank line or the next label."""
    at_line_start = list(P.ATTENDANCE_LABEL_RE.finditer(text, start, end))
    inline = [m for m in P.ATTENDANCE_INLINE_LABEL_RE.finditer(text, start, end)
              if not any(a.start("label") <= m.start() < a.end() for a in at_line_start)]
    labels = sorted(at_line_start + inline, key=lambda m: m.start())
    blocks = []
    for i, m in enumerate(labels):
        limit = labels[i + 1].start() if i + 1 < len(labels) else end
        stop = P.ATTENDANCE_STOP_RE.search(text, m.end(), limit)
        limit = stop.start() if stop else limit
        b_end = _block_end(text, m.end(), limit)
        # a label alone on its line: the names are on the lines below
        if b_end == m.end() or not text[m.end():b_end].strip():
            b_end = _block_end(text, _trim(text, m.end(), limit)[0], limit)
        # a list laid out with blank lines between its rows: go on while the next line starts with a name
        while b_end < limit:
            ls, le = _next_line(text, b_end, limit)
            if ls is None or not _starts_with_person(text, ents, ls, le):
                break
            b_end = _block_end(text, ls, limit)
        bs, be = _trim(text, m.start(), b_end)
        group = _group_of(m.group("label"))
        people = _attendees(text, ents, m.end(), be, group)
        if not people and group != "absent":
            continue
        blocks.append({"group": group, "label": m.group("label").strip(), "start": bs, "end": be, "persons": people})
    return blocks


def _starts_with_person(text: str, ents: _Entities, start: int, end: int) -> bool:
    """Whether the line ``[start, end)`` opens with a name, or a title and a name
    ("Ekonomichef Nils Berg", "Administrativ chef Eva Ek")."""
    persons = ents.persons_in(start, end)
    if not persons:
        return False
    prefix = text[_trim(text, start, end)[0]:persons[0]["start"]]
    return not prefix.strip() or (len(prefix.split()) <= 3 and bool(P.ROLE_RE.search(prefix)))


def _attendees(text: str, ents: _Entities, start: int, end: int, group: str) -> List[Dict[str, Any]]:
    persons = ents.persons_in(start, end)
    out: List[Dict[str, Any]] = []
    claimed: set = set()
    absent_from: Optional[int] = None
    for i, p in enumerate(persons):
        after_end = persons[i + 1]["start"] if i + 1 < len(persons) else end
        before = text[(persons[i - 1]["party_end"] if i else start):p["start"]]
        if out and P.REPLACES_RE.search(before):
            out[-1]["replaces"] = _person_out(p)
            continue
        party = p["party"]
        if not party:  # "Anna Berg   M   ordförande" (a table) or "Anna Berg, M"
            for pm in ents.parties_in(p["end"], after_end):
                party = pm["party"]
                break
        if not party:  # the letters without a PARTY entity, in the same line
            line_end = text.find("\n", p["end"], after_end)
            lm = P.PARTY_COLUMN_RE.search(text, p["end"], after_end if line_end < 0 else line_end)
            party = P.PARTY_LETTERS[lm.group(1)] if lm else None
        role = None
        # "Karin Lindqvist (S), ordförande" / "Anna Berg (M) ordförande, ...": a role right after
        # the name (after a comma or on the same line) that is not the prefix of the next name
        am = P.ROLE_RE.search(text, p["party_end"], after_end)
        if am and re.fullmatch(r"[ \t]*,?[ \t]*(?:(?:S|M|SD|C|V|KD|L|MP|FP)[ \t]*,?[ \t]*)?", text[p["party_end"]:am.start()]):
            tail = text[am.end():after_end]
            # "Anna Berg (S), ordförande Bo Ek (M)" (a list whose lines were joined): the role
            # after a bracket and a comma is Anna Berg's, not a title before Bo Ek
            after_bracket = p["party_end"] > p["end"] and "," in text[p["party_end"]:am.start()]
            if i + 1 == len(persons) or not re.fullmatch(r"[ \t]+", tail) or after_bracket:
                role = am.group("role")
                claimed.add(am.start())
        # "förvaltningschef Maria Nyström": a role right before the name, on its line
        if role is None:
            bm = None
            for bm in P.ROLE_RE.finditer(text, persons[i - 1]["party_end"] if i else start, p["start"]):
                pass
            if bm and bm.start() not in claimed and re.fullmatch(r"[ \t]+", text[bm.end():p["start"]]):
                role = bm.group("role")
        role = P.ROLE_NORMAL.get(role.lower(), role.lower()) if role else p.get("role")
        person = _person_out(p)
        person["party"] = party
        person["role"] = role
        # "Samtliga ledamöter med undantag för Anna Berg (M) och ...": those were absent
        if absent_from is None and P.EXCEPT_RE.search(before):
            absent_from = len(out)
        person["group"] = "absent" if absent_from is not None else group
        out.append(person)
    return out


# --------------------------------------------------------------------------- items and sections
def _item(text: str, ents: _Entities, m: "re.Match[str]", end: int, skip: set) -> Dict[str, Any]:
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    item_start, item_end = _trim(text, start, end)
    number = int(m.group("number"))
    # title: the rest of the § line (less "Dnr ..."), else the next non-empty line
    line_end = text.find("\n", m.end(), item_end)
    line_end = item_end if line_end < 0 else line_end
    title, dnr = None, None
    ts, te = _trim(text, m.end(), line_end)
    body_start = line_end
    dnr_m = _find_dnr(text, ts, te)
    if dnr_m:
        dnr = dnr_m
        te = _trim(text, ts, dnr_m["label_start"])[1]
    if te <= ts:
        # title on the next line(s); a Dnr line may come first or after
        pos = line_end
        for _ in range(3):
            nls, nle = _next_line(text, pos, item_end)
            if nls is None:
                break
            line_dnr = _find_dnr(text, nls, nle)
            if line_dnr and line_dnr["label_start"] == _trim(text, nls, nle)[0]:
                dnr = dnr or line_dnr
                pos = nle
                body_start = nle
                continue
            if _heading(text, nls, nle):
                break
            ts, te = _trim(text, nls, nle)
            if line_dnr:
                dnr = dnr or line_dnr
                te = _trim(text, ts, line_dnr["label_start"])[1]
            body_start = nle
            break
    cut = _run_in_heading(text, ts, te)
    if cut is not None:  # "Godkännande av dagordning Kommunfullmäktiges beslut Dagordningen godkänns."
        te, body_start = _trim(text, ts, cut)[1], cut
    if te > ts:
        title = {"text": text[ts:te], "start": ts, "end": te}
    if dnr is None:
        nls, nle = _next_line(text, body_start, item_end)
        if nls is not None:
            line_dnr = _find_dnr(text, nls, nle)
            if line_dnr and line_dnr["label_start"] == _trim(text, nls, nle)[0]:
                dnr = line_dnr
                body_start = nle
    dnrs = [dnr] if dnr else []
    while dnr:  # more diary numbers, one a line ("Dnr. 2011/KS 0206 001" / "Dnr. 2011/KS 0207 001")
        nls, nle = _next_line(text, body_start, item_end)
        line_dnr = _find_dnr(text, nls, nle) if nls is not None else None
        if not line_dnr or line_dnr["label_start"] != _trim(text, nls, nle)[0] or line_dnr["end"] != _trim(text, nls, nle)[1]:
            break
        dnrs.append(line_dnr)
        body_start = nle
    dnrs = [{k: v for k, v in d.items() if k != "label_start"} for d in dnrs]
    item = _new_item(number, m.group("body"), title, dnrs, item_start, item_end)
    _sections(text, ents, item, body_start, item_end, skip)
    return item


def _run_in_heading(text: str, start: int, end: int) -> Optional[int]:
    """Where a section heading starts inside the title line ``[start, end)`` (a capitalized
    heading run into its text, as joined lines give it), or None."""
    for m in re.finditer(r"(?<=\s)[A-ZÅÄÖ]", text[start:end]):
        if _heading(text, start + m.start(), end):
            return start + m.start()
    return None


def _next_line(text: str, pos: int, limit: int) -> Tuple[Optional[int], Optional[int]]:
    """The next non-blank line after ``pos`` (which is at or before a newline)."""
    while pos < limit:
        if text[pos] == "\n":
            pos += 1
        nl = text.find("\n", pos, limit)
        nl = limit if nl < 0 else nl
        if text[pos:nl].strip():
            return pos, nl
        pos = nl
        if nl >= limit:
            break
    return None, None


def _find_dnr(text: str, start: int, end: int) -> Optional[Dict[str, Any]]:
    m = P.DNR_LABEL_RE.search(text, start, end)
    if not m:
        return None
    pos = m.end()
    last_digit_end = None
    first = None
    while pos < end:
        tok = P.DNR_TOKEN_RE.match(text, pos, end)
        if not tok or (tok.end() < end and not text[tok.end()].isspace() and text[tok.end()] not in ",;)"):
            break
        first = first if first is not None else tok.start()
        if any(c.isdigit() for c in tok.group()):
            last_digit_end = tok.end()
        nxt = re.match(r"[ \t]", text[tok.end():tok.end() + 1])
        if not nxt:
            break
        pos = tok.end() + 1
    if first is None or last_digit_end is None:
        return None
    vs, ve = first, last_digit_end
    while ve > vs and text[ve - 1] in ".,:;":
        ve -= 1
    return {"text": text[vs:ve], "start": vs, "end": ve, "label_start": m.start()}


def _sections(text: str, ents: _Entities, item: Dict[str, Any], body_start: int, end: int, skip: set) -> None:
    heads = []
    pos = body_start
    for ls, le in _lines_between(text, body_start, end):
        if _in_furniture(ls, skip) or _in_furniture(_trim(text, ls, le)[0], skip):
            continue
        h = _heading(text, ls, le)
        if h:
            heads.append(h)
    sections = []
    first_head = heads[0][1] if heads else end
    bs, be = _trim(text, pos, first_head)
    if be > bs:
        sections.append({"kind": "background", "heading": None, "start": bs, "end": be,
                         "content_start": bs, "implicit": True})
    for i, (kind, hs, he, cs) in enumerate(heads):
        s_end = heads[i + 1][1] if i + 1 < len(heads) else end
        ss, se = _trim(text, hs, s_end)
        sections.append({"kind": kind, "heading": {"text": text[hs:he], "start": hs, "end": he},
                         "start": ss, "end": se, "content_start": min(cs, se), "implicit": False})
    item["sections"] = sections
    covered: List[Range] = []
    for section in sections:
        kind = section["kind"]
        cs, ce = section["content_start"], section["end"]
        if kind == "decision":
            item["decisions"].extend(_decision_points(text, ents, cs, ce))
        if kind in P.STATEMENT_KINDS:
            found = _statements(text, ents, kind, cs, ce, heading=section["heading"])
            item["reservations"].extend(found)
            covered.append((section["start"], section["end"]))
        if kind == "conflict_of_interest":
            item["conflicts"].extend(_conflicts(text, ents, cs, ce, force=True))
            covered.append((section["start"], section["end"]))
        if kind in ("proposals", "course", "background", "decision", "debate", "motion_proposals", "vote"):
            item["proposals"].extend(_proposals(text, ents, cs, ce, in_proposals=kind in ("proposals", "motion_proposals")))
        if kind == "proposals" and section["heading"] and re.search(r"förslag", section["heading"]["text"], re.I) \
                and not re.search(r"yrkand", section["heading"]["text"], re.I):
            base = _base_proposal(text, ents, section)
            if base:
                item["proposals"].insert(0, base)
        if kind in ("vote", "course", "decision", "background"):
            item["votes"].extend(_votes(text, ents, cs, ce, force=kind == "vote"))
    # statements and conflicts written in running text ("X (SD) reserverar sig ...")
    for section in sections:
        if section["kind"] in P.STATEMENT_KINDS or section["kind"] == "conflict_of_interest":
            continue
        for s, e in _sentences(text, section["content_start"], section["end"]):
            if any(a <= s < b for a, b in covered):
                continue
            for kind, cue in P.STATEMENT_CUES:
                if cue.search(text, s, e) and (kind != "reservation" or re.search(r"reserver", text[s:e], re.I)):
                    item["reservations"].extend(_statements(text, ents, kind, s, e, heading=None, inline=True))
                    break
            if P.CONFLICT_RE.search(text, s, e) and re.search(r"jäv", text[s:e], re.I):
                item["conflicts"].extend(_conflicts(text, ents, s, e))
    item["reservations"].sort(key=lambda r: r["start"])
    _dedupe(item["votes"])


def _lines_between(text: str, start: int, end: int) -> Iterable[Range]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl < 0 else nl
        yield pos, nl
        pos = nl + 1


def _dedupe(found: List[Dict[str, Any]]) -> None:
    seen = set()
    keep = []
    for f in found:
        key = (f["start"], f["end"])
        if key not in seen:
            seen.add(key)
            keep.append(f)
    found[:] = keep


# --------------------------------------------------------------------------- decisions
def _decision_points(text: str, ents: _Entities, start: int, end: int) -> List[Dict[str, Any]]:
    """Numbered points ("1. ..."), ``att``-clauses, or the decision text as one point."""
    s, e = _trim(text, start, end)
    if e <= s:
        return []
    cuts: List[Tuple[int, int, Optional[int]]] = []  # (cut, content start, written number)
    numbered = [m for m in P.NUMBERED_RE.finditer(text, s, e)]
    if len(numbered) >= 2:
        cuts = [(m.start(), m.end(), int(m.group("n")) if m.group("n") else None) for m in numbered]
    else:
        atts = [m for m in P.ATT_SPLIT_RE.finditer(text, s, e)]
        if atts:
            cuts = [(m.start("att"), m.start("att"), None) for m in atts]
        else:
            inline = [m for m in P.NUMBERED_INLINE_RE.finditer(text, s, e)]
            if len(inline) >= 2 and [int(m.group("n")) for m in inline][:2] == [1, 2]:
                cuts = [(m.start(), m.end(), int(m.group("n"))) for m in inline]
    points = []
    if not cuts:
        bullet = re.match(r"[-–•*\u2022][ \t]+", text[s:e])  # one bullet point: "- Godkänner ..."
        cuts = [(s, s + (bullet.end() if bullet else 0), None)]
    intro = _trim(text, s, cuts[0][0])
    for i, (cut, cstart, num) in enumerate(cuts):
        pe = cuts[i + 1][0] if i + 1 < len(cuts) else e
        ps, pe = _trim(text, cstart, pe)
        blank = re.search(r"\n[ \t]*\n", text[ps:pe])
        if blank:
            ps, pe = _trim(text, ps, ps + blank.start())
        # "..., samt" belongs to no point
        pe = _trim(text, ps, pe - 4)[1] if text[ps:pe].endswith(" samt") else pe
        if pe <= ps:
            continue
        points.append({
            "number": num if num is not None else len(points) + 1,
            "text": text[ps:pe], "start": ps, "end": pe,
            "money": [{"text": m["text"], "amount_sek": m["amount_sek"], "start": m["start"], "end": m["end"]}
                      for m in ents.money_in(ps, pe)],
            "intro": {"text": text[intro[0]:intro[1]], "start": intro[0], "end": intro[1]} if intro[1] > intro[0] else None,
        })
    return points


# --------------------------------------------------------------------------- proposals
def proposal_kind(sentence: str) -> Optional[str]:
    """The kind of a proposal sentence: refer_back, table, reject, addition, amendment,
    approve, own; None if none of their words is there."""
    for kind, regex in P.PROPOSAL_KINDS:
        if regex.search(sentence):
            return kind
    return None


def _proposals(text: str, ents: _Entities, start: int, end: int, in_proposals: bool) -> List[Dict[str, Any]]:
    out = []
    for s, e in _sentences(text, start, end):
        sentence = text[s:e]
        verb = P.PROPOSAL_VERB_RE.search(sentence)
        if not verb and not in_proposals:
            continue
        # who: named before the verb (or before a colon in a list "Anna Berg (M): bifall ...")
        colon = re.search(r"\)\s*:|:\s", sentence)
        who_end = s + (verb.start() if verb else (colon.start() + 1 if colon else len(sentence)))
        who = ents.who(s, who_end)
        if not who["persons"] and not who["parties"]:
            continue
        if re.search(r"\breserver", sentence, re.I):
            continue
        kind = proposal_kind(sentence[verb.start():] if verb else sentence)
        if kind is None:
            if not verb:
                continue
            kind = "own"
        target = P.TARGET_RE.search(sentence)
        out.append({
            "kind": kind, "text": sentence, "start": s, "end": e,
            "persons": who["persons"], "parties": who["parties"], "party_ids": who["party_ids"],
            "others": who["others"], "others_party": who["others_party"],
            "target": _squash(target.group("target")) if target else None,
        })
    return out


def _base_proposal(text: str, ents: _Entities, section: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The proposal a "Förslag till beslut" / "Kommunstyrelsens förslag" section puts forward."""
    cs, ce = section["content_start"], section["end"]
    if ce <= cs:
        return None
    heading = section["heading"]
    owners = ents.authorities_in(heading["start"], heading["end"])
    return {
        "kind": "base", "text": text[cs:ce], "start": cs, "end": ce, "persons": [], "parties": [], "party_ids": [],
        "others": False, "others_party": None, "target": None,
        "by": [{"text": a["text"], "canonical": a["canonical"], "start": a["start"], "end": a["end"]} for a in owners],
        "points": _decision_points(text, ents, cs, ce),
    }


# --------------------------------------------------------------------------- votes
def _count(m: "re.Match[str]") -> Optional[int]:
    for g in ("n", "n2", "n3", "m"):
        try:
            value = m.group(g)
        except IndexError:
            continue
        if value:
            return int(value) if value.isdigit() else P.NUMBER_WORDS.get(value.lower())
    return None


def _votes(text: str, ents: _Entities, start: int, end: int, force: bool) -> List[Dict[str, Any]]:
    """Votes: counts ("7 ja-röster och 4 nej-röster", "Ja 7 / Nej 4 / Avstår 2", "med 7
    röster mot 4"), what yes and no stood for, and who voted how where listed."""
    if not force and not P.VOTE_CUE_RE.search(text, start, end):
        return []
    counts: Dict[str, Optional[int]] = {"yes": None, "no": None, "abstain": None}
    spans = []
    for key, regex in P.VOTE_COUNT_RES:
        m = regex.search(text, start, end)
        if m:
            counts[key] = _count(m)
            spans.append(m.span())
    if counts["yes"] is None and counts["no"] is None:
        m = P.VOTES_AGAINST_RE.search(text, start, end)
        if m:
            counts["yes"], counts["no"] = _count(m), (int(m.group("m")) if m.group("m").isdigit() else P.NUMBER_WORDS.get(m.group("m").lower()))
            spans.append(m.span())
    ballots = _vote_lists(text, ents, start, end) or _vote_table(text, ents, start, end)
    if all(v is None for v in counts.values()) and not ballots:
        return []
    if ballots:
        for key in counts:
            if counts[key] is None and any(b["vote"] == key for b in ballots):
                counts[key] = sum(1 for b in ballots if b["vote"] == key and b.get("name"))
    yes = P.YES_MEANS_RE.search(text, start, end)
    no = P.NO_MEANS_RE.search(text, start, end)
    vs = min([a for a, _ in spans] + [b["start"] for b in ballots] + ([yes.start()] if yes else []), default=start)
    ve = max([b for _, b in spans] + [b["end"] for b in ballots], default=end)
    vs, ve = _sentence_bounds(text, vs, ve, start, end)
    return [{
        "start": vs, "end": ve, "yes": counts["yes"], "no": counts["no"], "abstain": counts["abstain"],
        "yes_means": yes.group("what").strip() if yes else None, "no_means": no.group("what").strip() if no else None,
        "ballots": ballots,
    }]


def _sentence_bounds(text: str, s: int, e: int, start: int, end: int) -> Range:
    """Widen ``[s, e)`` to the sentences (or lines) holding it, inside ``[start, end)``."""
    ls = max(text.rfind("\n", start, s) + 1, start)
    dot = max(text.rfind(". ", start, s), -1)
    if dot + 2 > ls:
        ls = dot + 2
    le = text.find("\n", e, end)
    le = end if le < 0 else le
    dot = text.find(". ", e, le)
    if dot >= 0:
        le = dot + 1
    return _trim(text, ls, le)


def _vote_lists(text: str, ents: _Entities, start: int, end: int) -> List[Dict[str, Any]]:
    labels = list(P.VOTE_LIST_RE.finditer(text, start, end))
    out = []
    for i, m in enumerate(labels):
        word = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d"), m.group("e")) if g).lower()
        vote = "yes" if word == "ja" else "no" if word == "nej" else "abstain"
        limit = labels[i + 1].start() if i + 1 < len(labels) else end
        be = _block_end(text, m.end(), limit)
        dot = re.search(r"\.\s", text[m.end():be])
        be = m.end() + dot.start() + 1 if dot else be
        who = ents.who(m.end(), be)
        for p in who["persons"]:
            out.append({"vote": vote, "name": p["name"], "party": p["party"], "start": p["start"], "end": p["end"]})
        for p in who["parties"]:
            out.append({"vote": vote, "name": None, "party": p["party"], "start": p["start"], "end": p["end"]})
    return out


def _vote_table(text: str, ents: _Entities, start: int, end: int) -> List[Dict[str, Any]]:
    """A table with a header line "Ledamot  Ja  Nej  Avstår" and rows with an X under one."""
    header = P.VOTE_TABLE_HEADER_RE.search(text, start, end)
    if not header or len(header.group()) > 200:
        return []
    columns = [((m.start() + m.end()) / 2, m.group(1).lower())
               for m in P.VOTE_COLUMN_RE.finditer(header.group())]
    if len(columns) < 2:
        return []
    out = []
    for ls, le in _lines_between(text, header.end() + 1, end):
        persons = ents.persons_in(ls, le)
        if len(persons) != 1:
            if text[ls:le].strip() and not persons:
                if out:
                    break
            continue
        marks = [m for m in re.finditer(r"(?<!\w)[Xx×](?!\w)", text[persons[0]["party_end"]:le])]
        if len(marks) != 1:
            continue
        col = marks[0].start() + persons[0]["party_end"] - ls
        word = min(columns, key=lambda c: abs(c[0] - col))[1]
        vote = "yes" if word == "ja" else "no" if word == "nej" else "abstain"
        p = persons[0]
        out.append({"vote": vote, "name": p["name"], "party": p["party"], "start": p["start"], "end": p["end"]})
    return out


# --------------------------------------------------------------------------- reservations and statements
def _statements(text: str, ents: _Entities, kind: str, start: int, end: int,
                heading: Optional[Dict[str, Any]], inline: bool = False) -> List[Dict[str, Any]]:
    """Reservations (or statements, minute notes, substitutes' statements) in ``[start, end)``:
    a new one starts at every sentence with its cue ("reserverar sig"); the sentences after it
    belong to it (a written reservation's text); without a cue the whole is one."""
    cue = dict(P.STATEMENT_CUES)[kind]
    sentences = _sentences(text, start, end)
    groups: List[List[Range]] = []
    for s, e in sentences:
        has_cue = bool(cue.search(text, s, e)) and bool(ents.who(s, e)["persons"] or ents.who(s, e)["parties"])
        if has_cue or not groups:
            groups.append([(s, e)])
        else:
            groups[-1].append((s, e))
    out = []
    for group in groups:
        gs, ge = group[0][0], group[-1][1]
        who = ents.who(gs, ge)
        first_s, first_e = group[0]
        c = cue.search(text, first_s, first_e)
        # signatories: named before the cue in the first sentence, else the names that open it
        # ("Maria Dahl (MP) instämmer i Eva Holms yrkande"), else anywhere (signed at the end)
        if c and c.start() > first_s:
            signers = ents.who(first_s, c.start())
        else:
            lead_end = _leading_names_end(text, ents, first_s, first_e)
            signers = ents.who(first_s, lead_end) if lead_end else who
        if not signers["persons"] and not signers["parties"]:
            signers = who
        favour = P.IN_FAVOUR_RE.search(text, gs, ge)
        against = re.search(r"\bmot\s+(?P<what>(?:beslutet|förslaget|ordförandens\s+förslag|[\wåäö]+s\s+förslag)[^.;,\n]{0,60}?)(?=\s+till\s+förmån|[.;,\n]|$)",
                            text[gs:ge], re.I)
        hs = heading["start"] if heading and not inline else gs
        out.append({
            "kind": kind, "start": gs, "end": ge, "heading": heading if not inline else None,
            "text_start": gs, "text_end": ge, "span_start": min(hs, gs),
            "signatories": signers["persons"], "parties": signers["parties"], "party_ids": signers["party_ids"],
            "others": signers["others"], "others_party": signers["others_party"],
            "in_favour_of": _squash(favour.group("what")) if favour else None,
            "against": _squash(against.group("what")) if against else None,
            "written": bool(P.WRITTEN_RE.search(text, gs, ge)),
            "inline": inline,
        })
    return [r for r in out if r["signatories"] or r["parties"] or not inline]


def _leading_names_end(text: str, ents: _Entities, start: int, end: int) -> Optional[int]:
    """The end of the list of names that opens ``[start, end)`` ("Anna Berg (M) och Per Ek (M)
    ..."), or None where the sentence does not open with a name."""
    last = None
    pos = start
    for p in ents.persons_in(start, end):
        gap = text[pos:p["start"]]
        ok = re.fullmatch(r"\s*(?:,|och|samt|&)?\s*", gap) if last is not None else re.fullmatch(r"[\wÅÄÖåäö ]{0,30}", gap)
        if not ok:
            break
        last = p["party_end"]
        pos = last
    return last


def _conflicts(text: str, ents: _Entities, start: int, end: int, force: bool = False) -> List[Dict[str, Any]]:
    out = []
    for s, e in _sentences(text, start, end):
        if not force and not re.search(r"jäv", text[s:e], re.I):
            continue
        who = ents.who(s, e)
        if who["persons"]:
            out.append({"start": s, "end": e, "persons": who["persons"]})
    return out


# =========================================================================== motions
def _doc_lines(text: str, skip: set) -> List[Range]:
    return [(s, e) for s, e in _lines(text) if text[s:e].strip() and not _in_furniture(_trim(text, s, e)[0], skip)]


def _number_and_title(text: str, first: Range) -> Dict[str, Any]:
    """The Riksdag number ("2023/24:1234") and the "om ..." title of a document's heading."""
    fs, fe = first
    number = P.RIKSDAG_NUMBER_RE.search(text, fs, fe)
    om = P.TITLE_OM_RE.search(text, fs, fe)
    title = None
    if om:
        ts, te = om.span("title")
        title = {"text": text[ts:te], "start": ts, "end": te}
    return {"number": number.group(1) if number else None, "title": title}


def _head_lines(text: str, lines: Sequence[Range]) -> Tuple[Range, int]:
    """The document's heading: its first line and the lines after it that continue it
    ("av Karin Ek m.fl. (C)", "till justitieministern"); and the index of the next line."""
    if not lines:
        return (0, 0), 0
    fs, fe = _trim(text, *lines[0])
    n = 1
    while n < len(lines) and n < 3 and re.match(r"\s*(?:av|till|om)\b", text[lines[n][0]:lines[n][1]]):
        fe = _trim(text, *lines[n])[1]
        n += 1
    return (fs, fe), n


def _motion(text: str, ents: _Entities, skip: set) -> Dict[str, Any]:
    lines = _doc_lines(text, skip)
    first, n_head = _head_lines(text, lines)
    info = _number_and_title(text, first)
    # authors: named in the heading (up to "om"), or signed at the end
    fs, fe = first
    om = re.search(r"\bom\b", text[fs:fe])
    who = ents.who(fs, fs + om.start() if om else fe)
    authors = who["persons"]
    signed: List[Dict[str, Any]] = []
    for ls, le in reversed(lines[1:]):
        persons = ents.persons_in(ls, le)
        line = text[ls:le]
        if persons and len(line.strip()) < 120 and not re.search(r"[.!?]\s*$", line.strip().rstrip(")")):
            signed = [_person_out(p) for p in persons] + signed
            continue
        if re.match(r"\s*(?:[A-ZÅÄÖ][a-zåäö]+\s+den\s+\d|\d{4}-\d{2}-\d{2})", line):
            continue
        break
    if not info["title"] and len(lines) > n_head:
        ts, te = _trim(text, *lines[n_head])
        if te - ts < 150 and not text[ts:te].rstrip().endswith(".") and not _heading(text, ts, te):
            info["title"] = {"text": text[ts:te], "start": ts, "end": te}
    sections = _doc_sections(text, lines)
    proposals = _motion_proposals(text, ents, sections)
    return {
        **info, "start": first[0], "end": len(text.rstrip()),
        "authors": authors or signed, "signatures": signed, "parties": who["parties"],
        "party_ids": list(dict.fromkeys([a["party"] for a in (authors or signed) if a["party"]] + [p["party"] for p in who["parties"]])),
        "others": who["others"], "others_party": who["others_party"],
        "sections": sections, "proposals": proposals,
    }


def _doc_sections(text: str, lines: Sequence[Range]) -> List[Dict[str, Any]]:
    heads = [h for h in (_heading(text, s, e) for s, e in lines[1:]) if h]
    out = []
    for i, (kind, hs, he, cs) in enumerate(heads):
        s_end = heads[i + 1][1] if i + 1 < len(heads) else len(text)
        ss, se = _trim(text, hs, s_end)
        out.append({"kind": kind, "heading": {"text": text[hs:he], "start": hs, "end": he},
                    "start": ss, "end": se, "content_start": min(cs, se), "implicit": False})
    return out


def _motion_proposals(text: str, ents: _Entities, sections: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The ``att``-clauses or numbered proposals: under "Förslag till riksdagsbeslut" /
    "Yrkanden", else after the last "föreslår ... att"/"yrkar ... att" of the text."""
    target = next((s for s in sections if s["kind"] in ("motion_proposals", "proposals")), None)
    if target:
        start, end = target["content_start"], target["end"]
    else:
        cue = None
        for m in re.finditer(r"\b(?:föreslår|yrkar|hemställer)\b[^.]{0,80}?(?=\batt\b|:)", text):
            cue = m
        if not cue:
            return []
        start, end = cue.start(), len(text)
        nxt = next((s["start"] for s in sections if s["start"] > start), None)
        end = nxt or end
    points = _decision_points(text, ents, start, end)
    if not target and points:
        # the signature block after the last clause is not a clause
        last = points[-1]
        cut = re.search(r"\n\s*\n", text[last["start"]:last["end"]])
        if cut:
            ls, le = _trim(text, last["start"], last["start"] + cut.start())
            last.update({"text": text[ls:le], "end": le,
                         "money": [m for m in last["money"] if m["end"] <= le]})
    for p in points:
        p["kind"] = "att" if text[p["start"]:p["start"] + 4].lower() == "att " else "numbered" if target else "clause"
    return points


# =========================================================================== interpellations
def _interpellation(text: str, ents: _Entities, skip: set) -> Dict[str, Any]:
    lines = _doc_lines(text, skip)
    # the heading may run over lines: "Interpellation 2023/24:45 av Anna Berg (S)\ntill justitieminister ..."
    (fs, head_end), n_head = _head_lines(text, lines)
    info = _number_and_title(text, (fs, head_end))
    av = re.search(r"\bav\b", text[fs:head_end])
    till = re.search(r"\btill\b", text[fs:head_end])
    om = re.search(r"\bom\b", text[fs:head_end])
    asker, addressee = None, None
    if av:
        a_end = fs + min(x.start() for x in (till, om) if x and x.start() > av.start()) if any(
            x and x.start() > av.start() for x in (till, om)) else head_end
        persons = ents.who(fs + av.end(), a_end)["persons"]
        asker = persons[0] if persons else None
    if till:
        t_end = fs + om.start() if om and om.start() > till.start() else head_end
        persons = ents.persons_in(fs + till.end(), t_end)
        role_text = text[fs + till.end():(persons[0]["start"] if persons else t_end)].strip(" ,")
        if persons:
            addressee = _person_out(persons[0])
            addressee["role"] = addressee["role"] or (role_text.lower() or None)
        elif role_text:
            addressee = {"name": None, "party": None, "role": role_text.lower(), "start": fs + till.end(),
                         "end": t_end, "source": "text"}
    if asker is None:  # signed at the end
        for ls, le in reversed(lines[1:]):
            persons = ents.persons_in(ls, le)
            if persons and len(text[ls:le].strip()) < 120:
                asker = _person_out(persons[0])
                break
    if not info["title"] and len(lines) > n_head:
        ts, te = _trim(text, *lines[n_head])
        if te - ts < 150 and not text[ts:te].rstrip().endswith(".") and not text[ts:te].rstrip().endswith("?"):
            info["title"] = {"text": text[ts:te], "start": ts, "end": te}
    return {**info, "start": fs, "end": len(text.rstrip()), "asker": asker, "addressee": addressee,
            "questions": _questions(text, head_end)}


def _questions(text: str, start: int) -> List[Dict[str, Any]]:
    """Numbered questions ("1. Vilka ...?"), else the "?"-sentences after "vill jag fråga"."""
    out = []
    numbered = [m for m in P.NUMBERED_RE.finditer(text, start)]
    for i, m in enumerate(numbered):
        end = numbered[i + 1].start() if i + 1 < len(numbered) else _block_end(text, m.end(), len(text))
        qs, qe = _trim(text, m.end(), end)
        if text[qs:qe].rstrip().endswith("?"):
            out.append({"number": int(m.group("n")) if m.group("n") else len(out) + 1,
                        "text": text[qs:qe], "start": qs, "end": qe})
    if out:
        return out
    cue = None
    for m in P.QUESTION_CUE_RE.finditer(text, start):
        cue = m
    begin = cue.end() if cue else start
    for s, e in _sentences(text, begin, len(text)):
        lead = re.match(r"[^?]*?:\s+(?=[A-ZÅÄÖ])", text[s:e])  # "... ordförande: När kommer ...?"
        if lead:
            s = s + lead.end()
        if text[s:e].endswith("?"):
            out.append({"number": len(out) + 1, "text": text[s:e], "start": s, "end": e})
    return out


# =========================================================================== furniture
def find_furniture(text: str) -> List[Dict[str, Any]]:
    """Page numbers ("Sida 3 av 12", "2 (13)"), signature boxes ("Justerandes sign",
    "Utdragsbestyrkande") and lines repeated on every page (a running header)."""
    out: List[Dict[str, Any]] = []
    taken: List[Range] = []
    folded = fold_case(text)
    for kind, regex, words in P.FURNITURE_RES:
        for m in (regex.finditer(text) if _may_hold(folded, words) else ()):
            s, e = _trim(text, *m.span())
            if e <= s or any(a < e and s < b for a, b in taken):
                continue
            if kind == "page_number" and m.re.pattern.startswith("(?m)^[ \\t]*(?:-") and not _bare_numbers_repeat(text):
                continue
            line_s, line_e = _line_of(text, s)
            is_line = _trim(text, line_s, line_e) == (s, e)
            out.append({"kind": kind, "text": text[s:e], "start": s, "end": e, "line": is_line})
            taken.append((s, e))
    if text.count("\n") >= P.REPEATED_MIN - 1:  # a repeated line needs that many lines
        out.extend(_repeated_lines(text, taken))
    out.sort(key=lambda f: f["start"])
    return out


def _repeated_lines(text: str, taken: List[Range]) -> List[Dict[str, Any]]:
    """Running headers and footers: lines next to a page break (within a few lines of a page number or
    signature box in ``taken``, or at the very start) that recur at most page breaks."""
    out: List[Dict[str, Any]] = []
    lines = _lines(text)
    marks = [i for i, (s, e) in enumerate(lines) if any(s <= a < e + 1 for a, _ in taken)]
    near = set(range(0, P.NEAR_PAGE_BREAK))
    for i in marks:
        near.update(range(max(0, i - P.NEAR_PAGE_BREAK), i + P.NEAR_PAGE_BREAK + 1))
    counts = Counter(text[s:e].strip() for i, (s, e) in enumerate(lines)
                     if i in near and 0 < len(text[s:e].strip()) <= P.REPEATED_MAX_LEN)
    needed = max(P.REPEATED_MIN, (len(marks) + 1) // 2)
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if i in near and counts.get(line, 0) >= needed and not _heading(text, s, e) and not P.ITEM_RE.match(text[s:e]) \
                and not P.ATTENDANCE_LABEL_RE.match(text[s:e]):
            ts, te = _trim(text, s, e)
            if not any(a < te and ts < b for a, b in taken):
                out.append({"kind": "repeated_line", "text": line, "start": ts, "end": te, "line": True})
                taken.append((ts, te))
    return out


def mask_furniture(text: str, furniture: Sequence[Dict[str, Any]]) -> str:
    """``text`` with every furniture span replaced by spaces, and the line break after a
    furniture line too (so the lines around a page break join as they would on paper)."""
    if not furniture:
        return text
    chars = list(text)
    for f in furniture:
        for i in range(f["start"], f["end"]):
            if chars[i] != "\n":
                chars[i] = " "
        if f["line"]:
            _, line_end = _line_of(text, f["start"])
            if line_end < len(text):
                chars[line_end] = " "
    return "".join(chars)


def _bare_numbers_repeat(text: str) -> bool:
    return len(re.findall(r"(?m)^[ \t]*(?:-\s*)?\d{1,4}(?:\s*-)?[ \t]*$", text)) >= 2


def _line_of(text: str, pos: int) -> Range:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


# =========================================================================== span groups
def _span(doc: Doc, start: int, end: int, label: str) -> Optional[Span]:
    if end <= start:
        return None
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _fill_span_groups(doc: Doc, s: Dict[str, Any]) -> None:
    groups: Dict[str, List[Span]] = {name: [] for name in SPAN_GROUPS}

    def add(group: str, info: Dict[str, Any], label: str, start: Optional[int] = None, end: Optional[int] = None,
            **attrs: Any) -> None:
        span = _span(doc, info["start"] if start is None else start, info["end"] if end is None else end, label)
        if span is None:
            return
        span._.info = info
        span._.kind = label
        for key, value in attrs.items():
            setattr(span._, key, value)
        groups[group].append(span)

    if s.get("header"):
        add("header", s["header"], "header")
    for block in s.get("attendance", []):
        add("attendance", block, block["group"], signatories=block["persons"])
    for item in s.get("items", []):
        add("items", item, "item", number=item["number"], title=(item["title"] or {}).get("text"),
            dnr=(item["dnr"] or {}).get("text"))
        for section in item["sections"]:
            add("sections", section, section["kind"], number=item["number"],
                title=(section["heading"] or {}).get("text"))
        for point in item["decisions"]:
            add("decisions", point, "decision_point", number=point["number"])
        for prop in item["proposals"]:
            add("proposals", prop, prop["kind"], number=item["number"], proposers=prop["persons"])
        for vote in item["votes"]:
            add("votes", vote, "vote", number=item["number"])
        for res in item["reservations"]:
            add("reservations", res, res["kind"], start=res["span_start"], number=item["number"],
                signatories=res["signatories"])
    motion = s.get("motion")
    if motion:
        for section in motion["sections"]:
            add("sections", section, section["kind"], title=(section["heading"] or {}).get("text"))
        for prop in motion["proposals"]:
            add("proposals", prop, "att" if prop["kind"] == "att" else "motion_point", number=prop["number"],
                proposers=motion["authors"])
    inter = s.get("interpellation")
    if inter:
        for q in inter["questions"]:
            add("questions", q, "question", number=q["number"])
    for f in s.get("furniture", []):
        add("furniture", f, f["kind"])
    for name, spans in groups.items():
        doc.spans[name] = spans


# =========================================================================== export helpers
def map_offsets(value: Any, to_raw: Callable[[int, int], Tuple[int, int]]) -> Any:
    """A copy of a structure with every ``start``/``end`` pair (and ``content_start``,
    ``text_start``/``text_end``, ``span_start``, ``party_end``) mapped through ``to_raw``."""
    if isinstance(value, list):
        return [map_offsets(v, to_raw) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: map_offsets(v, to_raw) for k, v in value.items()}
    if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        out["start"], out["end"] = to_raw(value["start"], value["end"])
    for key in ("content_start", "span_start"):
        if isinstance(value.get(key), int):
            out[key] = to_raw(value[key], max(value[key], value.get("end", value[key])))[0]
    if isinstance(value.get("text_start"), int) and isinstance(value.get("text_end"), int):
        out["text_start"], out["text_end"] = to_raw(value["text_start"], value["text_end"])
    return out


def structure_record(doc: Doc, to_raw: Callable[[int, int], Tuple[int, int]]) -> Optional[Dict[str, Any]]:
    """``doc._.structure`` with offsets mapped by ``to_raw(start, end) -> (raw_start, raw_end)``
    (offsets in ``doc.text`` in); None where the component did not run."""
    found = doc._.structure if Doc.has_extension("structure") else None
    return None if found is None else map_offsets(found, to_raw)


def merge_structures(parts: Sequence[Optional[Dict[str, Any]]]) -> Optional[Dict[str, Any]]:
    """One structure from the (already offset-mapped) structures of a document's chunks:
    the first chunk's kind, header and motion/interpellation; items, attendance and
    furniture of every chunk in order."""
    found = [p for p in parts if p is not None]
    if not found:
        return None
    out = dict(found[0])
    for key in ("items", "attendance", "furniture"):
        out[key] = [x for p in found for x in p.get(key, [])]
    out["chunks"] = len(parts)
    return out
