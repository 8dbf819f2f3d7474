"""The knowledge base in memory: parties, authorities and persons with lookups by surface form."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple, Union

from .body_patterns import FEDERATION_IN_COUNTY_RE, body_base, match_body_pattern
from .local_persons import read_persons_csv
from .normalize import DateLike, norm_name
from .records import Authority, Party, Person
from .storage import KB_PARTS, KBData, read_kb, write_kb
from .tables import CAPITALISED_PARTY_NAMES

# A region's own body named with its county: "Regionfullmäktige i Blekinge", "regionstyrelsen i Västerbotten".
_REGION_BODY_IN_COUNTY_RE = re.compile(
    r"(?P<body>[Rr]egion(?:fullmäktige|styrelsen?|styrelsens|fullmäktiges))"
    r" i (?P<county>[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)")
# "Kronobergs regionfullmäktige", "Uppsala läns regionstyrelse": a region's assembly or board named with its
# county in the genitive.
_REGION_BODY_OF_COUNTY_RE = re.compile(
    r"(?P<county>[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)(?:s| läns) "
    r"(?P<body>region(?:fullmäktige|styrelsen?|styrelsens|fullmäktiges))")
# "Region Ekbys fullmäktige", "Region Ekbys regionstyrelse": a region's assembly or board after the region's name
# in the genitive.
# ... and any of its boards, also of coordinated fields: "Region Ekbys kultur- och bildningsnämnd" (m-v644)
_REGION_GENITIVE_BODY_RE = re.compile(
    r"Region (?P<county>[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)s "
    r"(?P<body>(?:region)?(?:fullmäktige|styrelsen?|styrelsens|fullmäktiges)"
    r"|(?P<board>(?:[a-zåäö]+-,? )*(?:[a-zåäö]+- (?:och|eller) )?[a-zåäö]+nämnd(?:en|ens|s)?))")
# A coordinated body's "och" written short, between its field and the rest of its name.
_SHORT_JOINER_RE = re.compile(r"(?<=[\wåäö-]) (?:o\.?|&) (?=[a-zåäö])")
# A coordinated name's first field whose hyphen a PDF's text lost at a line break ("barnoch utbildningsförvaltningen"),
# or wrote with a space before it or as a dash ("Stöd - och serviceavdelningen", "Barn– och utbildningsnämnden";
# m-v488, m-v493, m-v497, m-v498). A plain hyphen ("vård-och", "vård- och") is read before it.
_LOST_HYPHEN_RE = re.compile(r"(?P<field>[A-ZÅÄÖa-zåäö][a-zåäö]{2,})(?:och|[ ]-[ ]?och|[ ]?–[ ]?och)[ ](?=[a-zåäö]{4})")
# "Länsstyrelsen i Västerbotten", "länsstyrelsen i Västra Götaland": a county board without "län".
_COUNTY_BOARD_WITHOUT_LAN_RE = re.compile(r"[Ll]änsstyrelsen i (?P<county>[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)")
# A board of a county's municipalities named with its county, with or without "län": "Språktolknämnden i Dalarna",
# "Överförmyndarnämnden i Ekby län" (3 of 3 in the real sets tagged whole; m-v524, m-v612, m-v729).
_BOARD_IN_COUNTY_RE = re.compile(
    r"[\wåäöÅÄÖ-]+nämnd(?:en|ens) i (?P<county>[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)(?P<lan> län)?")
# "Länsstyrelsen Södermanlands län", "Länsstyrelsen Kronoberg": the county board named by its county without "i",
# as letterheads write it.
_COUNTY_BOARD_WITHOUT_I_RE = re.compile(
    r"(?P<board>[Ll]änsstyrelsens?) (?P<county>[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?(?: län)?)")


@dataclass
class KnowledgeBase:
    """Parties, authorities and persons with lookups by surface form.

    Build with ``load_kb()``; add local politicians with ``add_persons_csv``.
    """

    parties: Dict[str, Party] = field(default_factory=dict)
    authorities: List[Authority] = field(default_factory=list)
    persons: Dict[str, Person] = field(default_factory=dict)
    municipalities: Dict[str, Tuple[str, str]] = field(default_factory=dict)
    meta: Dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    # ------------------------------------------------------------------ indexes
    def _index(self) -> None:
        self._party_forms: Dict[str, Party] = {}
        self._party_letters: Dict[str, Party] = {}
        for party in self.parties.values():
            for form in party.forms:
                self._party_forms.setdefault(norm_name(form), party)
                if form.lower().startswith("de "):  # the article stays outside the span: "de rödgrönas" -> "rödgrönas"
                    self._party_forms.setdefault(norm_name(form[3:]), party)
            for letter in party.letters:
                self._party_letters.setdefault(letter, party)
        self._authority_names: Dict[str, Authority] = {}
        self._authority_acronyms: Dict[str, Authority] = {}
        for auth in self.authorities:
            for name in (auth.canonical, *auth.aliases):
                key = norm_name(name)
                # An exact name wins over a genitive form of another name.
                self._authority_names.setdefault(key, auth)
            for acro in auth.acronyms:
                self._authority_acronyms.setdefault(acro, auth)
        # Municipality short names, lower-cased: "stockholm" -> (canonical, code)
        self._municipality_short = {norm_name(k): v for k, v in self.municipalities.items()}
        # The name's own genitive where it is not the short name's ("Falu kommun" of Falun).
        for name, code in list(self._municipality_short.values()):
            self._municipality_short.setdefault(norm_name(name.rsplit(" ", 1)[0]), (name, code))
        self._person_names: Dict[str, List[Person]] = {}
        for person in self.persons.values():
            self._index_person(person)

    def _index_person(self, person: Person) -> None:
        for name in dict.fromkeys(person.names or (person.name,)):
            bucket = self._person_names.setdefault(norm_name(name), [])
            if person not in bucket:
                bucket.append(person)

    # ------------------------------------------------------------------ parties
    def match_party(self, surface: str) -> Optional[Party]:
        """The party or alliance a surface form names, or None.

        Names and their inflections match case-insensitively ("Socialdemokraternas",
        "moderata samlingspartiet"); abbreviations match as written ("S", "KD", "Fi",
        old "FP"), with or without brackets ("(S)" -> S).
        """
        text = re.sub(r":s$", "", surface.strip())  # "SD:s"
        inner = re.fullmatch(r"\(\s*([^()]+?)\s*\)", text)
        if inner:
            text = inner.group(1)
        if text in self._party_letters:
            return self._party_letters[text]
        if len(text) == 3 and text.endswith("s") and text[:2].isupper() and text[:2] in self._party_letters:
            return self._party_letters[text[:2]]  # "SDs", the genitive written without its colon
        if text in CAPITALISED_PARTY_NAMES:
            return self._party_letters.get(CAPITALISED_PARTY_NAMES[text])
        return self._party_forms.get(norm_name(text))

    def party(self, party_id: str) -> Optional[Party]:
        """The party with a canonical id ("S", "ALLIANSEN"), or None."""
        return self.parties.get(party_id)

    @property
    def party_letters(self) -> Dict[str, Party]:
        """Case-sensitive abbreviation -> party."""
        return dict(self._party_letters)

    @property
    def party_forms(self) -> List[str]:
        """Every case-insensitive party surface form (names and inflections)."""
        return [form for party in self.parties.values() for form in party.forms]

    # ------------------------------------------------------------------ authorities
    def match_authority(self, surface: str) -> Optional[Authority]:
        """The public body a surface form names, or None.

        Looks up names and aliases case-insensitively, also in the genitive
        ("Socialstyrelsens", "kommunstyrelsens"), acronyms only as written in
        capitals ("SÄPO", "FHS"), then the patterns for municipal and regional
        bodies ("socialnämnden", "Rinkeby-Kista stadsdelsnämnd", "Region Stockholm",
        "Solna kommun", "Svea hovrätt"). Context-dependent references ("nämnden",
        "stadsdelsnämnden", "förvaltningen"), plurals and indefinite "polis" give None.
        """
        text = re.sub(r"\s+", " ", surface.replace("\u00ad", "")).strip()
        if not text:
            return None
        # "vård-och omsorgsnämnden": the space after the hyphen, lost in a PDF's text, put back; so is the hyphen
        # lost at a line break ("barnoch utbildningsförvaltningen"), spaced or a dash ("Stöd - och ...")
        text = re.sub(r"(?<=\w)-(och|eller) ", r"- \1 ", text)
        lost = _LOST_HYPHEN_RE.match(text)
        if lost and self.match_authority(lost.group("field")) is None:  # not a body first: "nämnden - och"
            text = f"{lost.group('field')}- och {text[lost.end():]}"
        # "Miljö o. byggnadsnämnden", "Barn- & utbildningsnämnden": the joiner abbreviated
        text = _SHORT_JOINER_RE.sub(" och ", text)
        acronym = re.sub(r":s$", "", text)  # "FHS:s"
        if acronym in self._authority_acronyms:
            return self._authority_acronyms[acronym]
        key = norm_name(text)
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            if candidate and candidate in self._authority_names:
                return self._authority_names[candidate]
        without_i = _COUNTY_BOARD_WITHOUT_I_RE.fullmatch(text)
        if without_i:
            return self.match_authority(f"{without_i.group('board')} i {without_i.group('county')}")
        county = _COUNTY_BOARD_WITHOUT_LAN_RE.fullmatch(text)
        if county:  # "Länsstyrelsen i Västerbotten": the county named without "län"
            return self._county_board(county.group("county"))
        in_county = (_REGION_GENITIVE_BODY_RE.fullmatch(text) or _REGION_BODY_IN_COUNTY_RE.fullmatch(text)
                     or _REGION_BODY_OF_COUNTY_RE.fullmatch(text))
        if in_county:
            region = self._authority_names.get(norm_name(f"Region {in_county.group('county')}"))
            body = body_base(in_county.group("body"))  # "fullmäktige" after the region's name is its regionfullmäktige
            if region is not None and region.kind == "region":
                if in_county.groupdict().get("board"):  # one of its boards: "Region Ekbys kulturnämnd"
                    return Authority(f"{region.canonical}s {body}", "municipal_body")
                return Authority(f"{region.canonical} {body if body.startswith('region') else 'region' + body}",
                                 "municipal_body")
        federation = FEDERATION_IN_COUNTY_RE.fullmatch(text)
        if federation and self._county_board(f"{federation.group('county')} län"):
            return Authority(text, "region")  # a county's federation of its municipalities and region
        found = match_body_pattern(text, self._municipality)
        if found is None:
            board = _BOARD_IN_COUNTY_RE.fullmatch(text)
            if board and self._county_board(board.group("county") + (board.group("lan") or "")):
                return Authority(text, "municipal_body")
        return found

    def _county_board(self, county: str) -> Optional[Authority]:
        """The county board of ``county``, named with or without "län" ("Dalarna", "Uppsala län"), or None."""
        names = (county,) if county.endswith(" län") else (f"{county}s län", f"{county} län")
        for name in names:
            found = self._authority_names.get(norm_name(f"Länsstyrelsen i {name}"))
            if found:
                return found
        return None

    def municipality(self, name: str) -> Optional[Tuple[str, str]]:
        """The municipality ``name`` (also in the genitive) names, as (short name, code), or None."""
        return self._municipality(name)

    def _municipality(self, name: str) -> Optional[Tuple[str, str]]:
        key = norm_name(name)
        if key in self._municipality_short:
            return self._municipality_short[key]
        if key.endswith("s") and key[:-1] in self._municipality_short:
            return self._municipality_short[key[:-1]]
        return None

    @property
    def authority_names(self) -> List[str]:
        """Every case-insensitive authority name and alias (genitives not included)."""
        return [n for a in self.authorities for n in dict.fromkeys((a.canonical, *a.aliases))]

    @property
    def authority_acronyms(self) -> List[str]:
        """Every case-sensitive authority acronym."""
        return [acro for a in self.authorities for acro in a.acronyms]

    @property
    def municipality_names(self) -> List[str]:
        """Municipality short names ("Stockholm", "Upplands Väsby")."""
        return list(self.municipalities)

    # ------------------------------------------------------------------ persons
    def persons_by_name(self, name: str, date: DateLike = None) -> List[Person]:
        """Persons known by this full name; with a date, only those alive then."""
        found = self._person_names.get(norm_name(name), [])
        if date is not None:
            found = [p for p in found if p.active_at(date)]
        return list(found)

    def add_person(self, person: Person) -> None:
        """Add (or replace by id) a person."""
        old = self.persons.get(person.id)
        if old is not None:
            for bucket in self._person_names.values():
                if old in bucket:
                    bucket.remove(old)
        self.persons[person.id] = person
        self._index_person(person)

    def add_persons_csv(self, path: Union[str, Path]) -> int:
        """Add local politicians from a CSV file (see ``read_persons_csv``) and return how many were added.

        Raises:
            ValueError: ``PATH:LINE: reason`` for a missing column or an unknown party.
        """
        persons = read_persons_csv(path, self.match_party)
        for person in persons:
            self.add_person(person)
        return len(persons)

    # ------------------------------------------------------------------ (de)serialization
    def to_disk(self, path: Union[str, Path], parts: Sequence[str] = KB_PARTS) -> None:
        """Write the KB (or only ``parts``) as a KB folder."""
        write_kb(KBData(self.parties, self.authorities, self.persons, self.municipalities, self.meta), path, parts)

    @classmethod
    def from_disk(cls, path: Union[str, Path], parts: Sequence[str] = KB_PARTS) -> "KnowledgeBase":
        """Read a KB folder written by ``to_disk``; parts not in ``parts`` or not there stay empty."""
        return cls(*read_kb(path, parts))
