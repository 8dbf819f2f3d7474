"""Reader for the swerik-project interpellations archive (TEI XML inside a .tar.gz).

The archive is read member by member with :mod:`tarfile`; nothing is unpacked to disk.
Each file becomes an :class:`Interpellation` with its title, paragraphs and the header
metadata that silver entities and weak topic labels are built from.
"""

from __future__ import annotations

import re
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

from svpol.components.politicians import base_role

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ARCHIVE_NAME = "interpellations/interpellations-199495-202223.tar.gz"

_WS = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Collapse whitespace (the XML wraps lines) and drop soft hyphens left by print."""
    return _WS.sub(" ", text.replace("\u00ad", "")).strip()


@dataclass
class Person:
    """A person named in the TEI header."""

    person_id: Optional[str]
    name: str
    party: Optional[str]  # the party letters as the header writes them ("S", "m", "Fp")
    party_ref: Optional[str]  # Wikidata id of the party


@dataclass
class Interpellation:
    """One interpellation with the metadata needed for silver labels.

    Attributes:
        doc_id: the TEI ``xml:id`` (``ipq-201213--0081``).
        session: the session folder (``201213``).
        title: the body's title paragraph (``Interpellation 2012/13:81 ... av X (SD) till Y (M)``),
            or the bibliographic title when the body has none.
        paragraphs: context and question paragraphs in order, whitespace-normalised.
        persons: the header's people by person id (and by name where the id is missing).
        asker_id / receiver_id: person ids from the ``sent`` and ``received`` actions.
        receiver_name: the ``received`` action's name when it has no person id (``statsministern``).
        date: the date received, else sent, else answered (ISO), or None.
    """

    doc_id: str
    session: str
    title: str
    paragraphs: List[str]
    persons: List[Person] = field(default_factory=list)
    asker_id: Optional[str] = None
    receiver_id: Optional[str] = None
    receiver_name: Optional[str] = None
    date: Optional[str] = None

    def person(self, person_id: Optional[str]) -> Optional[Person]:
        """The header person with this id, or None."""
        return next((p for p in self.persons if person_id and p.person_id == person_id), None)

    @property
    def year(self) -> int:
        """The calendar year of the session's start (``201213`` -> 2012)."""
        return int(self.session[:4])


def parse_tei(data: bytes, session: str = "") -> Interpellation:
    """Parse one TEI interpellation file.

    Raises:
        ValueError: if the XML is malformed or not a TEI document.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise ValueError(f"not well-formed XML: {err}") from None
    if root.tag != f"{TEI}TEI":
        raise ValueError(f"not a TEI document (root element {root.tag!r})")
    doc_id = root.get(XML_ID) or ""
    persons = [_person(el) for el in root.iter(f"{TEI}person")]
    actions: Dict[str, ET.Element] = {}
    for action in root.iter(f"{TEI}correspAction"):
        actions.setdefault(action.get("type") or "", action)
    asker_id = actions["sent"].get("corresp") if "sent" in actions else None
    received = actions.get("received")
    receiver_id = received.get("corresp") if received is not None else None
    receiver_name = None
    if received is not None and received.find(f"{TEI}name") is not None:
        receiver_name = clean_text(received.find(f"{TEI}name").text or "")
    date = None
    for kind in ("received", "sent", "answered"):
        el = actions[kind].find(f"{TEI}date") if kind in actions else None
        if el is not None and el.get("when"):
            date = el.get("when")
            break
    title = ""
    paragraphs: List[str] = []
    for div in root.iter(f"{TEI}div"):
        kind = div.get("type")
        if kind == "ipqTitle":
            title = " ".join(clean_text(" ".join(p.itertext())) for p in div.iter(f"{TEI}p"))
        elif kind in ("ipContext", "ipQuestion"):
            for p in div.iter(f"{TEI}p"):
                text = clean_text(" ".join(p.itertext()))
                if text:
                    paragraphs.append(text)
    if not title:
        bibl = root.find(f".//{TEI}sourceDesc/{TEI}bibl/{TEI}title")
        title = clean_text(bibl.text or "") if bibl is not None else ""
    session = session or (doc_id.split("-")[1] if doc_id.count("-") >= 2 else "")
    return Interpellation(doc_id, session, title, paragraphs, persons, asker_id, receiver_id, receiver_name, date)


def _person(el: ET.Element) -> Person:
    idno = el.find(f"{TEI}idno")
    name_el = el.find(f"{TEI}persName")
    name = clean_text(name_el.text or "") if name_el is not None else ""
    # Old headers write "Bo Lundgren (m)" as the name; the letters are the party.
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    state = el.find(f"{TEI}state")
    party = party_ref = None
    if state is not None:
        party_ref = state.get("ref")
        desc = state.find(f"{TEI}desc")
        if desc is not None and desc.text and desc.text.strip() not in ("-", ""):
            party = desc.text.strip()
    return Person(idno.text.strip() if idno is not None and idno.text else None, name, party, party_ref)


def iter_interpellations(archive: Path) -> Iterator[Interpellation]:
    """Yield every interpellation in the archive, in archive order.

    Raises:
        ValueError: with ``ARCHIVE:MEMBER: reason`` for a member that cannot be parsed.
    """
    archive = Path(archive)
    with tarfile.open(archive, "r:*") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".xml"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            session = Path(member.name).parent.name
            try:
                yield parse_tei(handle.read(), session)
            except ValueError as err:
                raise ValueError(f"{archive}:{member.name}: {err}") from None


def list_ids(archive: Path) -> List[str]:
    """The document ids (file stems) in the archive, without parsing the XML."""
    with tarfile.open(Path(archive), "r:*") as tar:
        return [Path(m.name).stem for m in tar if m.isfile() and m.name.endswith(".xml")]


# ------------------------------------------------------------------ silver entities
# Countries and regions written often in Swedish political text (for silver LOC only;
# places are not in the knowledge base, which holds municipalities and counties).
COUNTRIES = (
    "Sverige", "Norge", "Danmark", "Finland", "Island", "Tyskland", "Frankrike", "Storbritannien",
    "England", "Spanien", "Italien", "Polen", "Ryssland", "Ukraina", "Estland", "Lettland", "Litauen",
    "Nederländerna", "Belgien", "Österrike", "Schweiz", "Grekland", "Turkiet", "USA", "Kanada", "Kina",
    "Japan", "Indien", "Irak", "Iran", "Syrien", "Afghanistan", "Somalia", "Eritrea", "Etiopien",
    "Israel", "Palestina", "Libanon", "Egypten", "Sydafrika", "Brasilien", "Europa", "Norden", "Afrika",
    "Asien", "Östersjön", "Mellanöstern", "Bosnien", "Kosovo", "Serbien", "Kroatien", "Ungern",
    "Rumänien", "Bulgarien", "Portugal", "Irland", "Australien", "Mexiko", "Vitryssland", "Belarus",
    "Georgien", "Jemen", "Libyen", "Tunisien", "Marocko", "Sudan", "Nigeria", "Kenya", "Uganda",
    "Gotland", "Öland", "Skåne", "Norrland", "Lappland", "Jämtland", "Västra Götaland", "Göteborg",
    "Stockholm", "Malmö", "Uppsala", "Bryssel", "Strasbourg", "Washington", "Moskva", "Öresund",
)
# Frequent organisations that are ORG under ANNOTATION.md (for silver ORG only).
ORGANISATIONS = (
    "EU", "FN", "Nato", "NATO", "OECD", "WHO", "IMF", "LO", "TCO", "Saco", "SACO", "SVT", "Svt",
    "Sveriges Radio", "Sveriges Television", "Svenska kyrkan", "Europeiska unionen", "Europeiska kommissionen",
    "Europaparlamentet", "Förenta nationerna", "Världsbanken", "Vattenfall", "SJ", "Systembolaget",
    "Postnord", "PostNord", "Telia", "Volvo", "Saab", "Ericsson", "Ikea", "IKEA", "Scania", "SAS",
    "Svenskt Näringsliv", "Sveriges Kommuner och Landsting", "Sveriges Kommuner och Regioner", "SKL",
    "SKR", "Röda korset", "Röda Korset", "Rädda Barnen", "Amnesty", "Greenpeace", "Naturskyddsföreningen",
    "Hyresgästföreningen", "Riksidrottsförbundet", "Apoteket", "Samhall", "Svevia", "Sveaskog",
    "Akademiska Hus", "Vasakronan", "Europarådet", "OSSE", "Nordiska rådet", "Kommunal", "Unionen",
    # international bodies, EU institutions (ORG under the project's guide), media and companies
    "EU-kommissionen", "Europaparlamentet", "EU-parlamentet", "Europeiska centralbanken", "Europol",
    "Frontex", "Interpol", "UNHCR", "Unicef", "UNICEF", "WTO", "ILO", "IAEA", "Unesco", "UNESCO", "UNDP",
    "Världshälsoorganisationen", "Internationella valutafonden", "Europeiska investeringsbanken", "ESA",
    "Dagens Nyheter", "Svenska Dagbladet", "Aftonbladet", "Expressen", "Göteborgs-Posten", "Sydsvenskan",
    "Dagens Industri", "Dagens Samhälle", "TT", "TV4", "Ekot", "Uppdrag granskning",
    "AstraZeneca", "Astra Zeneca", "Electrolux", "H&M", "Spotify", "Northvolt", "LKAB", "SSAB", "Stora Enso",
    "Skanska", "Sandvik", "Nordea", "Swedbank", "Handelsbanken", "SEB", "Folksam", "Länsförsäkringar",
    "Svenska Spel", "ATG", "Apoteket AB", "Telia Company", "Teracom",
    "Riksidrottsförbundet", "Svenska Fotbollförbundet", "Fryshuset", "Friskolornas riksförbund",
    "Lantbrukarnas Riksförbund", "LRF", "Företagarna", "Civil Rights Defenders", "Läkare utan gränser",
    "Amnesty International", "Sveriges Radio", "Utbildningsradion", "Myrorna", "Stadsmissionen",
)
_ORG_TAILS = frozenset({"AB", "AB:s", "International", "Internationals"})
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", "•", "–", "-", "\"", "”", "(", "1.", "2.", "3."})


class SilverAnnotator:
    """Builds silver NER Docs for interpellation text.

    PERSON from the header's names (and other Riksdag persons' full names from the knowledge
    base) matched in the text; PARTY, AUTHORITY and MONEY from the pipeline's rule component;
    LOC and ORG from short lists of countries, municipalities, ``extra_places`` (the
    counties, "Kalmar län") and frequent organisations. Capitalised words that none of these explain are marked *missing*
    (neither entity nor O), so unlabelled names do not teach the model to skip names.
    """

    def __init__(self, nlp, rules, kb, extra_places: Sequence[str] = ()) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.rules = rules
        self.persons = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = {n for p in kb.persons.values() for n in (p.names or (p.name,))
                 if len(n.split()) >= 2 and all(w[:1].isupper() for w in n.split())}
        self.persons.add("PERSON", list(nlp.tokenizer.pipe(sorted(names))))
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        places = set(COUNTRIES) | set(kb.municipality_names) | set(extra_places)
        places |= {p + "s" for p in list(places) if not p.endswith(("s", "x", "z"))}
        self.gazetteer.add("LOC", list(nlp.tokenizer.pipe(sorted(places))))
        orgs = set(ORGANISATIONS) | {o + "s" for o in ORGANISATIONS if not o.endswith("s")}
        orgs |= {o + ":s" for o in ORGANISATIONS if o.isupper()}
        self.gazetteer.add("ORG", list(nlp.tokenizer.pipe(sorted(orgs))))

    def annotate(self, text: str, header_names=()):
        """A Doc of ``text`` with silver entities and missing values set.

        Args:
            text: a title or paragraph.
            header_names: full names from the TEI header (matched even when the knowledge
                base does not list them).
        """
        from spacy.tokens import Span
        from spacy.util import filter_spans

        doc = self.nlp.make_doc(text)
        first: list = []  # highest priority: header names
        for name in header_names:
            if len(name.split()) < 2:
                continue
            pattern = r"(?<![\wåäöÅÄÖ])" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?![\wåäöÅÄÖ])"
            for m in re.finditer(pattern, text):
                span = doc.char_span(m.start(), m.end(), "PERSON")
                if span is not None:
                    first.append(span)
        second = [doc.char_span(s, e, label) for s, e, label in self.rules.find(doc)]
        third = [Span(doc, s, e, "PERSON") for _, s, e in self.persons(doc)]
        for match_id, s, e in self.gazetteer(doc):
            label = self.nlp.vocab.strings[match_id]
            # "Saab AB:s", "Amnesty International": the company form or the full name
            if label == "ORG" and e < len(doc) and doc[e].text in _ORG_TAILS:
                e += 1
            third.append(Span(doc, s, e, label))
        ents: list = []
        taken: set = set()
        for group in (first, second, third):
            for span in filter_spans([s for s in group if s is not None]):
                if not taken.intersection(range(span.start, span.end)):
                    ents.append(span)
                    taken.update(range(span.start, span.end))
        missing = []
        for token in doc:
            if token.i in taken or not token.is_alpha or not token.text[:1].isupper():
                continue
            if base_role(token.text):  # "Statsrådet", "Finansminister": an office, never a name
                continue
            initial = token.i == 0 or doc[token.i - 1].text in _SENTENCE_END
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            unexplained_next = nxt is not None and nxt.i not in taken and nxt.text[:1].isupper()
            if not initial or unexplained_next or token.is_upper and len(token) > 1:
                missing.append(doc[token.i:token.i + 1])
        doc.set_ents(sorted(ents, key=lambda s: s.start), missing=missing, default="outside")
        return doc
