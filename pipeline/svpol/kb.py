"""The svpol knowledge base: parties, public authorities and Riksdag persons.

The knowledge base (KB) is a folder of small JSON files built by
``python -m training.build_kb`` from the gazetteers in ``../shared/data`` and
shipped in ``svpol/resources/kb``. Components that need it copy the parts they
use into the pipeline folder on ``to_disk``, so a packaged model is
self-contained.

Files in a KB folder:

- ``meta.json``: source names, the date of the source data and the build date.
- ``parties.json``: parties and alliances with their surface forms.
- ``authorities.json``: state agencies, courts, regions, municipalities and the
  fixed national bodies, with their aliases and acronyms.
- ``persons.json.gz``: persons with names, ids and dated party affiliations.

Hand-written tables (party names and inflections, parliament committees,
ministries, municipal body suffixes) live in this module; the build script
merges them with the gazetteers so that matching rules live in one place.
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from spacy.tokens import Doc, Span

DEFAULT_KB_PATH = Path(__file__).parent / "resources" / "kb"

AUTHORITY_KINDS: Tuple[str, ...] = (
    "state_agency",
    "government",
    "parliament",
    "ministry",
    "court",
    "region",
    "municipality",
    "municipal_body",
    "police",
)

KB_PARTS: Tuple[str, ...] = ("parties", "authorities", "persons")

DateLike = Union[str, _dt.date, _dt.datetime, None]


# --------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Party:
    """A party or a named alliance of parties.

    Attributes:
        id: canonical id ("S", "M", ..., "FI"; alliances "ALLIANSEN", "TIDO", "RODGRONA").
        name: official name ("Moderata samlingspartiet").
        short_name: everyday name ("Moderaterna").
        forms: surface forms matched case-insensitively (names and their inflections).
        letters: abbreviations matched case-sensitively ("M", "FP").
        members: member party ids for an alliance, empty for a party.
        wikidata: Wikidata id where known.
    """

    id: str
    name: str
    short_name: str
    forms: Tuple[str, ...] = ()
    letters: Tuple[str, ...] = ()
    members: Tuple[str, ...] = ()
    wikidata: Optional[str] = None

    @property
    def is_alliance(self) -> bool:
        """True for an alliance of parties."""
        return bool(self.members)


@dataclass(frozen=True)
class Authority:
    """A public body.

    Attributes:
        canonical: the official name ("Säkerhetspolisen").
        kind: one of AUTHORITY_KINDS.
        id: an identifier where known: organisation number for state agencies,
            ``kommun:<code>`` / ``region:<county code>`` for municipalities and regions.
        aliases: other names, matched case-insensitively (also with genitive -s).
        acronyms: abbreviations, matched only as written in capitals.
        wikidata: Wikidata id where known.
    """

    canonical: str
    kind: str
    id: Optional[str] = None
    aliases: Tuple[str, ...] = ()
    acronyms: Tuple[str, ...] = ()
    wikidata: Optional[str] = None


@dataclass(frozen=True)
class Affiliation:
    """A party membership; dates are ISO strings, empty when unknown."""

    party_id: Optional[str]
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class Person:
    """A politician.

    Attributes:
        id: the KB id (swerik person id for Riksdag persons, the CSV id for local ones).
        name: primary name.
        names: all full names the person is known by (primary first).
        wikidata: Wikidata id ("Q..."), the ``kb_id`` the pipeline outputs.
        riksdagen_id: the Riksdag person id (RiPeID) where known.
        born, dead: ISO dates or "".
        affiliations: party memberships with dates.
        roles: offices with dates, as (role, start, end), e.g. ministers.
        source: "riksdagen" or "local".
    """

    id: str
    name: str
    names: Tuple[str, ...] = ()
    wikidata: Optional[str] = None
    riksdagen_id: Optional[str] = None
    born: str = ""
    dead: str = ""
    affiliations: Tuple[Affiliation, ...] = ()
    roles: Tuple[Tuple[str, str, str], ...] = ()
    source: str = "riksdagen"

    @property
    def kb_id(self) -> Optional[str]:
        """The id output as ``span._.kb_id``: Wikidata where known, else the KB id."""
        return self.wikidata or self.id

    def party_at(self, date: DateLike = None) -> Optional[str]:
        """The canonical party id at ``date``; without a date, the only party ever held.

        Returns None when unknown, or when no dated membership covers the day and the
        person has been in more than one party.
        """
        day = to_iso_date(date)
        if day is not None:
            found = {
                a.party_id
                for a in self.affiliations
                if (a.start or a.end)
                and (not a.start or a.start[:10] <= day)
                and (not a.end or day <= _end_of(a.end))
            }
            if found:
                return found.pop() if len(found) == 1 else None
        # No dated membership covers the day: only a person who never changed party is certain.
        ids = {a.party_id for a in self.affiliations}
        return ids.pop() if len(ids) == 1 else None

    def active_at(self, date: DateLike) -> bool:
        """Whether the person was alive (born, not dead) at ``date``; True if unknown."""
        day = to_iso_date(date)
        if day is None:
            return True
        if self.born and self.born[:10] > day:
            return False
        if self.dead and _end_of(self.dead) < day:
            return False
        return True


# Bodies named "<body> i <place>": courts by their town ("Förvaltningsrätten i Malmö"), the
# county police authorities before 2015 by their county ("Polismyndigheten i Skåne län").
# svpol_entity_rules looks for these names before asking match_authority.
COURTS_IN_PLACE: Tuple[str, ...] = ("Förvaltningsrätten", "Kammarrätten", "Migrationsdomstolen")
POLICE_IN_COUNTY = "Polismyndigheten"
BODIES_IN_PLACE: Tuple[str, ...] = COURTS_IN_PLACE + (POLICE_IN_COUNTY,)
_COURT_IN_PLACE_RE = re.compile(rf"(?:{'|'.join(COURTS_IN_PLACE)}) i [A-ZÅÄÖ]\w+")
_POLICE_IN_COUNTY_RE = re.compile(rf"{POLICE_IN_COUNTY} i [A-ZÅÄÖ][\wåäö]*(?: [A-ZÅÄÖ][\wåäö]*)?(?: län)?")


def _end_of(partial: str) -> str:
    """Pad a partial ISO date ("1990", "1990-05") to the last day it covers."""
    if len(partial) == 4:
        return partial + "-12-31"
    if len(partial) == 7:
        return partial + "-31"
    return partial[:10]


def to_iso_date(date: DateLike) -> Optional[str]:
    """Normalize a date, datetime or ISO string ("2019", "2019-05", "2019-05-02") to a string.

    Raises:
        ValueError: for a string that is not an ISO date.
    """
    if date is None or date == "":
        return None
    if isinstance(date, _dt.datetime):
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    if isinstance(date, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date.strip()[:10]):
        text = date.strip()[:10]
        return {4: text + "-07-01", 7: text + "-15"}.get(len(text), text)
    raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {date!r}")


# --------------------------------------------------------------------------- hand tables
def genitive(form: str) -> str:
    """Swedish genitive of a name: add -s unless it already ends in s, x or z."""
    return form if form[-1:].lower() in "sxz" else form + "s"


def with_genitives(forms: Iterable[str]) -> Tuple[str, ...]:
    """Each form followed by its genitive, without repeats."""
    out: List[str] = []
    for form in forms:
        for variant in (form, genitive(form)):
            if variant not in out:
                out.append(variant)
    return tuple(out)


# id, official name, everyday name, other names, letters (case-sensitive), Wikidata
_PARTY_TABLE: Tuple[Tuple[str, str, str, Tuple[str, ...], Tuple[str, ...], Optional[str]], ...] = (
    ("S", "Socialdemokraterna", "Socialdemokraterna",
     ("Sveriges socialdemokratiska arbetareparti", "Socialdemokratiska arbetarepartiet",
      "Arbetarepartiet-Socialdemokraterna", "Socialdemokratiska partiet"),
     ("S", "s"), "Q105112"),
    ("M", "Moderata samlingspartiet", "Moderaterna", ("Högerpartiet",), ("M", "m"), "Q110843"),
    ("C", "Centerpartiet", "Centerpartiet", ("Centern", "Bondeförbundet"), ("C", "c"), "Q110832"),
    ("L", "Liberalerna", "Liberalerna", ("Folkpartiet liberalerna", "Folkpartiet"),
     ("L", "FP", "Fp", "fp"), "Q110857"),
    ("KD", "Kristdemokraterna", "Kristdemokraterna",
     ("Kristdemokratiska samhällspartiet", "Kristen demokratisk samling"),
     ("KD", "Kd", "kd", "KDS", "kds"), "Q213654"),
    ("V", "Vänsterpartiet", "Vänsterpartiet",
     ("Vänsterpartiet kommunisterna", "Vänsterpartiet Kommunisterna"), ("V", "v", "VPK", "vpk"),
     "Q110837"),
    ("MP", "Miljöpartiet de gröna", "Miljöpartiet", (), ("MP", "Mp", "mp"), "Q213451"),
    ("SD", "Sverigedemokraterna", "Sverigedemokraterna", (), ("SD", "Sd", "sd"), "Q504069"),
    ("FI", "Feministiskt initiativ", "Feministiskt initiativ", (), ("Fi", "FI", "fi"), None),
)

# Everyday plural names are definite forms; their genitives end in -nas/-ets.
_ALLIANCE_TABLE: Tuple[Tuple[str, str, Tuple[str, ...], Tuple[str, ...]], ...] = (
    ("ALLIANSEN", "Allians för Sverige", ("Alliansen", "Allianspartierna"), ("M", "C", "L", "KD")),
    ("TIDO", "Tidöpartierna", ("Tidöpartierna", "Tidösamarbetet"), ("M", "KD", "L", "SD")),
    ("RODGRONA", "De rödgröna", ("de rödgröna", "De rödgröna", "rödgröna partierna"),
     ("S", "V", "MP")),
)

# Letters that are safe without brackets (never a Swedish word or an initial).
BARE_PARTY_LETTERS: Tuple[str, ...] = ("SD", "KD", "MP")
# Abbreviations of Swedish laws: capitalised like agency acronyms (SÄPO, FHS), but never an
# entity (ANNOTATION.md has no label for laws). Ambiguous ones are left out: RF is also
# Riksidrottsförbundet, FB Facebook, MB a megabyte, KL "kl." in capitals, JB or RB initials.
LAW_ABBREVIATIONS: Tuple[str, ...] = (
    "LSS", "LASS", "SoL", "LVU", "LVM", "PBL", "LOU", "OSL", "HSL", "HSLF", "SFB", "BrB", "LAS", "MBL",
    "YGL", "SkolL", "AML", "OSF", "LOV", "LEK", "LPT", "LRV",
)

# Parties in party_affiliation.csv that map to a canonical id (Wikidata id -> svpol id);
# predecessors of a current party map to it.
WIKIDATA_PARTY_IDS: Dict[str, str] = {
    "Q105112": "S",
    "Q110843": "M",
    "Q111033682": "M",  # Högerpartiet
    "Q111077860": "M",  # Högerns riksdagsgrupp
    "Q110832": "C",
    "Q110472693": "C",  # Bondeförbundet
    "Q110857": "L",
    "Q213654": "KD",
    "Q110837": "V",
    "Q111285801": "V",  # Sveriges kommunistiska parti (1921), V's predecessor
    "Q213451": "MP",
    "Q504069": "SD",
}
INDEPENDENT = "-"


def _party_forms(official: str, everyday: str, others: Sequence[str]) -> Tuple[str, ...]:
    return with_genitives([everyday, official, *others])


def default_parties() -> List[Party]:
    """The hand-written party and alliance table (names, inflections, letters)."""
    parties = [
        Party(pid, official, everyday, _party_forms(official, everyday, others), letters, (), qid)
        for pid, official, everyday, others, letters, qid in _PARTY_TABLE
    ]
    for pid, official, names, members in _ALLIANCE_TABLE:
        forms = with_genitives([*names, official])
        parties.append(Party(pid, official, names[0], forms, (), members, None))
    return parties


# Riksdag committees and their abbreviations; two-letter ones that are also words or
# municipal bodies (NU, AU = arbetsutskottet, ...) are left out.
_COMMITTEES = (
    ("Konstitutionsutskottet", "KU"), ("Finansutskottet", "FiU"), ("Skatteutskottet", "SkU"),
    ("Justitieutskottet", "JuU"), ("Civilutskottet", ""), ("Utrikesutskottet", ""),
    ("Försvarsutskottet", "FöU"), ("Socialförsäkringsutskottet", "SfU"),
    ("Socialutskottet", "SoU"), ("Kulturutskottet", "KrU"), ("Utbildningsutskottet", "UbU"),
    ("Trafikutskottet", ""), ("Miljö- och jordbruksutskottet", "MJU"),
    ("Näringsutskottet", ""), ("Arbetsmarknadsutskottet", ""),
    ("Bostadsutskottet", "BoU"), ("Jordbruksutskottet", "JoU"),
    ("Lagutskottet", ""), ("Sammansatta utrikes- och försvarsutskottet", "UFöU"),
)

_MINISTRIES = (
    "Statsrådsberedningen", "Finansdepartementet", "Justitiedepartementet",
    "Utrikesdepartementet", "Försvarsdepartementet", "Socialdepartementet",
    "Utbildningsdepartementet", "Kulturdepartementet", "Arbetsmarknadsdepartementet",
    "Klimat- och näringslivsdepartementet", "Landsbygds- och infrastrukturdepartementet",
    "Näringsdepartementet", "Miljödepartementet", "Miljö- och energidepartementet",
    "Infrastrukturdepartementet", "Landsbygdsdepartementet", "Jordbruksdepartementet",
    "Kommunikationsdepartementet", "Integrations- och jämställdhetsdepartementet",
    "Arbetsdepartementet", "Jämställdhetsdepartementet", "Integrationsdepartementet",
    "Näringslivsdepartementet",
)


def default_fixed_bodies() -> List[Authority]:
    """Government, parliament, committees, ministries, police, fixed municipal bodies."""
    bodies = [
        Authority("Regeringen", "government", None, ("regeringen", "Sveriges regering")),
        Authority("Regeringskansliet", "government", "202100-3831", ("Regeringskansliet",)),
        Authority("Riksdagen", "parliament", None, ("riksdagen", "Sveriges riksdag")),
        Authority("EU-nämnden", "parliament", None, ("EU-nämnden",)),
        Authority("Riksdagsstyrelsen", "parliament", None, ("riksdagsstyrelsen",)),
        Authority("Polismyndigheten", "police", "202100-0076",
                  ("polisen", "Polismyndigheten", "Svenska polisen")),
        Authority("Säkerhetspolisen", "police", "202100-6594", ("Säkerhetspolisen", "Säpo", "Sapo"),
                  ("SÄPO", "SAPO", "SÄK")),
        # Joint centres that act as bodies of their own in political text.
        Authority("Nationellt centrum för terrorhotbedömning", "state_agency", None, (), ("NCT",)),
        Authority("Center mot våldsbejakande extremism", "state_agency", None,
                  ("Centret mot våldsbejakande extremism",), ("CVE",)),
    ]
    bodies += [Authority(name, kind) for name, kind in _MUNICIPAL_FIXED]
    # "riksdagens justitieutskott" names the committee too
    bodies += [Authority(name, "parliament", None, (name, f"riksdagens {name[:-2].lower()}"), (abbr,) if abbr else ())
               for name, abbr in _COMMITTEES]
    bodies += [Authority(name, "ministry", None, (name,), ("UD",) if name.startswith("Utrikes") else ())
               for name in _MINISTRIES]
    return bodies


# Municipal bodies matched by their last word. A named body is a compound with a
# specific first part (socialnämnden, kommunstyrelsen); the bare or generic word
# (nämnden, stadsdelsnämnden, förvaltningen) needs context and is never matched.
MUNICIPAL_SUFFIXES: Tuple[str, ...] = ("nämnden", "nämnd", "förvaltningen", "förvaltning")
# Bodies every municipality or region has, named with the place in front ("Göteborgs kommunstyrelse").
PLACE_BODIES = frozenset({"kommunstyrelse", "kommunfullmäktige", "fullmäktige", "regionstyrelse",
                          "regionfullmäktige", "landstingsstyrelse", "landstingsfullmäktige"})


def _body_base(word: str) -> str:
    """A body word without genitive and definite endings ("kommunstyrelsens" -> "kommunstyrelse")."""
    word = word.lower()
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for ending in ("en", "n"):
        if word.endswith(ending) and (word[: -len(ending)] in PLACE_BODIES
                                      or word[: -len(ending)].endswith(("nämnd", "förvaltning"))):
            return word[: -len(ending)]
    return word


GENERIC_BODY_WORDS = frozenset(
    {
        "nämnden", "nämnd", "stadsdelsnämnden", "stadsdelsnämnd", "facknämnden", "facknämnd",
        "förvaltningen", "förvaltning", "stadsdelsförvaltningen", "stadsdelsförvaltning",
        "fullmäktigenämnden", "specialnämnden", "specialnämnd", "ansvarsnämnden", "distriktsnämnden",
        "delegationsnämnden", "huvudnämnden", "huvudnämnd", "bolagsförvaltningen",
        "egendomsförvaltningen", "kapitalförvaltningen", "fastighetsförvaltningen",
        "kapitalförvaltning", "fastighetsförvaltning", "statsförvaltningen", "statsförvaltning",
        "lokalförvaltningen", "förmögenhetsförvaltning", "tvångsförvaltning", "självförvaltning",
        "centralförvaltningen", "riksförvaltningen", "kommunförvaltningen", "kommunförvaltning",
        "regionförvaltningen", "landstingsförvaltningen", "myndighetsnämnden", "myndighetsnämnd",
    }
)
DIRECTION_WORDS = frozenset({"Östra", "Västra", "Norra", "Södra", "Centrala", "Inre", "Yttre"})
# Fields of municipal work that name an administration ("socialförvaltningen").
ADMINISTRATION_FIELDS: Tuple[str, ...] = (
    "social", "utbildnings", "miljö", "kultur", "idrotts", "trafik", "äldre", "arbetsmarknads",
    "service", "skol", "förskole", "grundskole", "gymnasie", "omsorgs", "kommunlednings",
    "stadslednings", "regionlednings", "stadsbyggnads", "samhällsbyggnads", "exploaterings",
    "fastighets", "teknik", "tekniska", "bygg", "fritids", "barn", "hälso", "sjukvårds",
    "vård", "upphandlings", "kultur- och fritids", "lokal", "park", "gatu", "stadsmiljö",
    "intraprenad", "funktionsstöds", "individ", "ekonomi", "personal",
)
# The bodies every municipality or region has: the name alone says which kind of body.
_MUNICIPAL_FIXED: Tuple[Tuple[str, str], ...] = (
    ("Kommunfullmäktige", "municipal_body"), ("Kommunstyrelsen", "municipal_body"),
    ("Stadsledningskontoret", "municipal_body"), ("Stadsbyggnadskontoret", "municipal_body"),
    ("Exploateringskontoret", "municipal_body"), ("Kommunledningskontoret", "municipal_body"),
    ("Kommunrevisionen", "municipal_body"), ("Stadsrevisionen", "municipal_body"),
    ("Regionfullmäktige", "region"), ("Regionstyrelsen", "region"),
    ("Landstingsfullmäktige", "region"), ("Landstingsstyrelsen", "region"),
)

# Short acronyms from the agency list that mean something else in Swedish text
# (SOS Alarm, Fi = Feministiskt initiativ, DN, TV, the EU's 'UN', a company, a word);
# they are never matched, not even in capitals.
AMBIGUOUS_ACRONYMS = frozenset(
    {
        "sos", "ad", "mig", "fi", "dn", "di", "tv", "us", "un", "sj", "kf", "lo", "em", "am", "va",
        "mm", "sen", "han", "ont", "val", "homo", "valid", "giant", "basun", "kk", "ta", "?", "bo",
        "hh", "hb", "lv", "nm", "ri", "rk", "ra", "sa", "sf", "si", "sh", "th", "vv", "po",
        "er", "md", "ho", "iv", "sb", "rt", "lm", "ts", "sk", "li", "av", "du",
        "ai", "bd", "td", "rr", "dom", "mil", "kur", "fem", "van", "bits", "ali",
        "din", "his", "isa", "sit", "sli", "alb", "fas", "fb", "ei", "mi", "mh", "hv",
        "rs", "rd", "rn", "kn", "cep", "osse", "ski", "spm", "ssi", "svn", "pm",
        "epu", "ru", "ky", "nou", "ign", "bra", "stem", "kemi", "hav", "nia", "sin", "sir",
    }
)
# Everyday spellings missing from the agency list (matched case-insensitively).
EXTRA_AGENCY_ALIASES: Dict[str, Tuple[str, ...]] = {
    "Brottsförebyggande rådet": ("Brå",),
    "Myndigheten för samhällsskydd och beredskap": ("Samhällsskyddsmyndigheten",),
    "Institutet för arbetsmarknads- och utbildningspolitisk utvärdering": ("Ifau",),
}
# Entries of the agency list that the annotation guidelines call ORG (church, foundations).
NOT_AUTHORITIES = frozenset({"Svenska kyrkan", "Ericastiftelsen", "Nordens folkliga akademi"})
NOT_AUTHORITY_PREFIXES: Tuple[str, ...] = ("Stiftelsen ",)
# Single words in the agency list that are generic or plural, not a name.
GENERIC_AGENCY_ALIASES = frozenset(
    {
        "bolags", "kommers", "skattekontor", "beslutsgrupper", "handelssekreterare",
        "arbetsmiljöattaché", "arbetsmarknadsråd", "biståndskontorschef", "statsgeolog",
        "statsgeofysiker", "skandalhuset", "militärledningen", "exekutionsväsendet",
        "domstolsväsendet", "polisväsendet", "rikspolisväsendet", "polisorganisationen",
        "bergsstaten", "civilbefälhavarna", "lehist", "kslott", "handis", "averva", "delmos",
        "distum", "skolfi", "swedgeo", "uhmynd", "säkint", "djursk", "havkom", "arkdesc",
        "rrvavv",
    }
)
PLURAL_ALIAS_RE = re.compile(r"(erna|arna|orna|iven|derna|nämnder|rna)$")
ACRONYM_MAX_LEN = 5

_COURT_RE = re.compile(r"(tingsrätt|hovrätt|kammarrätt|förvaltningsrätt|domstol|rätten)", re.I)


def authority_kind_for_agency(name: str) -> str:
    """Kind of an agency from the agency list: court, police or state_agency."""
    if _COURT_RE.search(name) and not name.lower().startswith("domstols"):
        return "court"
    if name in ("Polismyndigheten", "Säkerhetspolisen"):
        return "police"
    return "state_agency"


# --------------------------------------------------------------------------- the KB
def _norm(text: str) -> str:
    """Lower-case and collapse whitespace (also no-break spaces) for lookups."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().lower()


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
                self._party_forms.setdefault(_norm(form), party)
            for letter in party.letters:
                self._party_letters.setdefault(letter, party)
        self._authority_names: Dict[str, Authority] = {}
        self._authority_acronyms: Dict[str, Authority] = {}
        for auth in self.authorities:
            for name in (auth.canonical, *auth.aliases):
                key = _norm(name)
                # An exact name wins over a genitive form of another name.
                self._authority_names.setdefault(key, auth)
            for acro in auth.acronyms:
                self._authority_acronyms.setdefault(acro, auth)
        # Municipality short names, lower-cased: "stockholm" -> (canonical, code)
        self._municipality_short = {_norm(k): v for k, v in self.municipalities.items()}
        self._person_names: Dict[str, List[Person]] = {}
        for person in self.persons.values():
            self._index_person(person)

    def _index_person(self, person: Person) -> None:
        for name in dict.fromkeys(person.names or (person.name,)):
            bucket = self._person_names.setdefault(_norm(name), [])
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
        return self._party_forms.get(_norm(text))

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
        acronym = re.sub(r":s$", "", text)  # "FHS:s"
        if acronym in self._authority_acronyms:
            return self._authority_acronyms[acronym]
        key = _norm(text)
        for candidate in (key, key[:-1] if key.endswith("s") else None):
            if candidate and candidate in self._authority_names:
                return self._authority_names[candidate]
        return self._match_authority_pattern(text)

    def _match_authority_pattern(self, text: str) -> Optional[Authority]:
        words = text.split(" ")
        last = words[-1].lower()
        base = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
        # "X kommun", "Xs kommun", "X stad" where X is a municipality
        if len(words) >= 2 and base in ("kommun", "stad"):
            muni = self._municipality(" ".join(words[:-1]))
            if muni:
                return Authority(muni[0], "municipality", f"kommun:{muni[1]}")
            return None
        # Courts: "Solna tingsrätt", "Svea hovrätt", "Förvaltningsrätten i Stockholm"
        if re.fullmatch(r"(tingsrätt|hovrätt|kammarrätt|förvaltningsrätt|migrationsdomstol)", base) \
                and len(words) >= 2 and words[0][:1].isupper():
            return Authority(" ".join(words[:-1]) + " " + base, "court")
        if _COURT_IN_PLACE_RE.fullmatch(text):
            return Authority(text, "court")
        # The county police authorities before 2015: "Ängelholms polismyndighet",
        # "Polismyndigheten i Skåne län", "Polismyndigheten i Stockholms län".
        if base in ("polismyndighet", "polismyndigheten") and len(words) >= 2 and words[0][:1].isupper():
            return Authority(" ".join(words[:-1]) + " " + base, "police")
        if _POLICE_IN_COUNTY_RE.fullmatch(text):
            return Authority(text, "police")
        # A municipality's or region's own body named with its place: "Göteborgs kommunstyrelse",
        # "Tyresö fullmäktige", "Tyresö socialnämnd" (one span under the guide).
        head = " ".join(words[:-1])
        if len(words) >= 2 and words[0][:1].isupper() and self._municipality(head):
            body = _body_base(last)
            if body in PLACE_BODIES or (body.endswith(("nämnd", "förvaltning")) and body not in GENERIC_BODY_WORDS):
                return Authority(f"{head} {body}", "municipal_body")
        # Named municipal boards and administrations
        for suffix in MUNICIPAL_SUFFIXES:
            if not (base.endswith(suffix) or last.endswith(suffix)):
                continue
            if len(words) == 1:
                word = base if base.endswith(suffix) else last
                # One word names a body only in the definite form ("socialnämnden";
                # "en socialförvaltning" is a kind), and an administration only with
                # a field of municipal work in front ("medelsförvaltningen" is no body).
                if word in GENERIC_BODY_WORDS or not word.endswith("en") or len(word) <= len(suffix) + 2:
                    return None
                if "förvaltning" in suffix and not word.startswith(ADMINISTRATION_FIELDS):
                    return None
                return Authority(word[0].upper() + word[1:], "municipal_body")
            # "Rinkeby-Kista stadsdelsnämnd", "Miljö- och hälsoskyddsnämnden"
            head = words[:-1]
            # A district is one name ("Rinkeby-Kista"), or two after a direction ("Östra Göteborg").
            if base.startswith("stadsdels") and all(w[:1].isupper() for w in head) \
                    and (len(head) == 1 or (len(head) == 2 and head[0] in DIRECTION_WORDS)):
                return Authority(" ".join(head) + " " + base, "municipal_body")
            if len(words) == 3 and words[0].endswith("-") and words[1] in ("och", "eller"):
                word = base if base.endswith(suffix) else last
                return Authority(" ".join(words[:2] + [word]), "municipal_body")
            return None
        return None

    def _municipality(self, name: str) -> Optional[Tuple[str, str]]:
        key = _norm(name)
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
        found = self._person_names.get(_norm(name), [])
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
        """Add local politicians from a CSV file and return how many were added.

        Columns: ``name`` (required), ``party`` (a party letter or name, ``-`` for
        independents, may be empty), optional ``id``, ``start``, ``end`` (ISO dates
        of the party membership), ``role``, ``wikidata``, ``aliases`` (other full
        names separated by ``|``). Rows of one ``id`` (or name) are one person with
        several memberships.

        Raises:
            ValueError: ``PATH:LINE: reason`` for a missing column or an unknown party.
        """
        path = Path(path)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "name" not in reader.fieldnames:
                raise ValueError(f"{path}: the CSV needs a 'name' column (found {reader.fieldnames})")
            rows: Dict[str, dict] = {}
            for line, row in enumerate(reader, start=2):
                name = (row.get("name") or "").strip()
                if not name:
                    raise ValueError(f"{path}:{line}: empty name")
                party_text = (row.get("party") or "").strip()
                party_id: Optional[str] = None
                if party_text in (INDEPENDENT, "partilös", "independent"):
                    party_id = INDEPENDENT
                elif party_text:
                    party = self.match_party(party_text)
                    if party is None:
                        raise ValueError(f"{path}:{line}: unknown party {party_text!r}")
                    party_id = party.id
                pid = (row.get("id") or "").strip() or f"local:{_norm(name)}"
                entry = rows.setdefault(pid, {"name": name, "names": [name], "aff": [],
                                              "roles": [], "wikidata": None})
                for alias in (row.get("aliases") or "").split("|"):
                    if alias.strip() and alias.strip() not in entry["names"]:
                        entry["names"].append(alias.strip())
                start, end = (row.get("start") or "").strip(), (row.get("end") or "").strip()
                for value in (start, end):
                    if value:
                        try:
                            to_iso_date(value)
                        except ValueError as err:
                            raise ValueError(f"{path}:{line}: {err}") from None
                if party_id:
                    entry["aff"].append(Affiliation(party_id, start, end))
                if (row.get("role") or "").strip():
                    entry["roles"].append((row["role"].strip(), start, end))
                entry["wikidata"] = (row.get("wikidata") or "").strip() or entry["wikidata"]
        for pid, entry in rows.items():
            self.add_person(Person(pid, entry["name"], tuple(entry["names"]), entry["wikidata"],
                                   None, "", "", tuple(entry["aff"]), tuple(entry["roles"]), "local"))
        return len(rows)

    # ------------------------------------------------------------------ (de)serialization
    def to_disk(self, path: Union[str, Path], parts: Sequence[str] = KB_PARTS) -> None:
        """Write the KB (or only ``parts``) as a KB folder."""
        unknown = set(parts) - set(KB_PARTS)
        if unknown:
            raise ValueError(f"unknown KB parts {sorted(unknown)}; choose from {KB_PARTS}")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        meta = dict(self.meta, parts=list(parts))
        (path / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), "utf-8")
        if "parties" in parts:
            _write_json(path / "parties.json", [asdict(p) for p in self.parties.values()])
        if "authorities" in parts:
            data = {"authorities": [_compact(asdict(a)) for a in self.authorities],
                    "municipalities": self.municipalities}
            _write_json(path / "authorities.json", data)
        if "persons" in parts:
            rows = [_person_to_row(p) for p in self.persons.values()]
            with gzip.open(path / "persons.json.gz", "wt", encoding="utf-8") as handle:
                json.dump(rows, handle, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_disk(cls, path: Union[str, Path], parts: Sequence[str] = KB_PARTS) -> "KnowledgeBase":
        """Read a KB folder written by ``to_disk``; parts not in ``parts`` or not there stay empty."""
        path = Path(path)
        if not (path / "meta.json").exists():
            raise ValueError(f"{path}: not a svpol knowledge base folder (no meta.json)")
        meta = json.loads((path / "meta.json").read_text("utf-8"))
        parties: Dict[str, Party] = {}
        if "parties" in parts and (path / "parties.json").exists():
            for row in json.loads((path / "parties.json").read_text("utf-8")):
                party = Party(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
                parties[party.id] = party
        authorities: List[Authority] = []
        municipalities: Dict[str, Tuple[str, str]] = {}
        if "authorities" in parts and (path / "authorities.json").exists():
            data = json.loads((path / "authorities.json").read_text("utf-8"))
            for row in data["authorities"]:
                authorities.append(Authority(**{k: tuple(v) if isinstance(v, list) else v
                                                for k, v in row.items()}))
            municipalities = {k: tuple(v) for k, v in data.get("municipalities", {}).items()}
        persons: Dict[str, Person] = {}
        if "persons" in parts and (path / "persons.json.gz").exists():
            with gzip.open(path / "persons.json.gz", "rt", encoding="utf-8") as handle:
                for row in json.load(handle):
                    person = _person_from_row(row)
                    persons[person.id] = person
        return cls(parties, authorities, persons, municipalities, meta)


def _compact(row: dict) -> dict:
    return {k: v for k, v in row.items() if v not in (None, (), [], "")}


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _person_to_row(p: Person) -> dict:
    row = {"id": p.id, "name": p.name, "names": [n for n in p.names if n != p.name],
           "wd": p.wikidata, "rp": p.riksdagen_id, "born": p.born, "dead": p.dead,
           "aff": [[a.party_id, a.start, a.end] for a in p.affiliations],
           "roles": [list(r) for r in p.roles], "src": p.source}
    return {k: v for k, v in row.items() if v not in (None, "", [])}


def _person_from_row(row: dict) -> Person:
    name = row["name"]
    return Person(
        id=row["id"], name=name, names=(name, *row.get("names", [])), wikidata=row.get("wd"),
        riksdagen_id=row.get("rp"), born=row.get("born", ""), dead=row.get("dead", ""),
        affiliations=tuple(Affiliation(*a) for a in row.get("aff", [])),
        roles=tuple(tuple(r) for r in row.get("roles", [])), source=row.get("src", "riksdagen"),
    )


def load_kb(
    path: Union[str, Path, None] = None,
    extra_persons: Iterable[Union[str, Path]] = (),
    parts: Sequence[str] = KB_PARTS,
) -> KnowledgeBase:
    """Load a knowledge base folder (default: the one shipped with svpol).

    Args:
        path: a KB folder written by ``training.build_kb`` or ``KnowledgeBase.to_disk``.
        extra_persons: CSV files of local politicians to add (see ``add_persons_csv``).
        parts: the parts to read (persons are the slow part).

    Raises:
        ValueError: when the folder is not a KB.
    """
    kb = KnowledgeBase.from_disk(Path(path) if path else DEFAULT_KB_PATH, parts)
    for csv_path in extra_persons:
        kb.add_persons_csv(csv_path)
    return kb


CFG_FILE = "cfg.json"
KB_DIR = "kb"


class KBComponent:
    """Knowledge-base handling shared by the svpol components that use the KB.

    The KB is read lazily on first use from ``kb_path`` (None: the KB shipped with
    svpol), so loading a saved pipeline never reads the default KB first and a
    ``kb_path`` in a saved config need not exist on another machine. ``to_disk``
    writes ``cfg.json`` (from ``cfg()``) and the KB parts named in ``kb_parts`` into
    the component's folder, so a saved pipeline carries its own knowledge;
    ``from_disk`` reads them back. ``kb_loaded()`` runs whenever the KB is replaced.
    """

    kb_parts: Tuple[str, ...] = KB_PARTS
    kb_path: Optional[str] = None
    _kb: Optional[KnowledgeBase] = None

    @property
    def kb(self) -> KnowledgeBase:
        """The component's knowledge base."""
        if self._kb is None:
            self._kb = load_kb(self.kb_path, parts=self.kb_parts)
            self.kb_loaded()
        return self._kb

    @kb.setter
    def kb(self, value: KnowledgeBase) -> None:
        self._kb = value
        self.kb_loaded()

    def cfg(self) -> Dict[str, object]:
        """Settings to save with the component (JSON-serializable)."""
        return {}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        """Restore what ``cfg()`` returned."""

    def kb_loaded(self) -> None:
        """Hook run when the KB is (re)placed: rebuild what depends on it."""

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write the settings and the KB parts."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CFG_FILE).write_text(json.dumps(self.cfg(), ensure_ascii=False, indent=1), "utf-8")
        self.kb.to_disk(path / KB_DIR, parts=self.kb_parts)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()):
        """Read what ``to_disk`` wrote."""
        path = Path(path)
        if (path / CFG_FILE).exists():
            self.set_cfg(json.loads((path / CFG_FILE).read_text("utf-8")))
        self.kb = KnowledgeBase.from_disk(path / KB_DIR, self.kb_parts)
        return self


def check_entity_label(label: str) -> str:
    """Return ``label`` if it is an svpol entity label.

    Raises:
        ValueError: naming the labels to choose from.
    """
    from .labels import ENTITY_LABELS

    if label not in ENTITY_LABELS:
        raise ValueError(f"label {label!r} is not an svpol entity label; choose from {ENTITY_LABELS}")
    return label


def register_span_extensions(names: Iterable[str]) -> None:
    """Register ``Span`` extensions (default None) under ``names`` where they are not registered yet."""
    for name in names:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class EntityEnricher(KBComponent):
    """A KB component that sets attributes on the entities of one label.

    Subclasses name their defaults (``default_name``, ``default_label``), the
    ``Span`` extensions they set (``extensions``, registered when the subclass is
    defined) and implement ``enrich(ent)``.

    Args:
        name: component name; ``default_name`` if None.
        label: the entity label to enrich; ``default_label`` if None.
        kb_path: a KB folder; None for the one shipped with svpol.

    Raises:
        ValueError: ``label`` is not an svpol entity label.
    """

    default_name: str = ""
    default_label: str = ""
    extensions: Tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        register_span_extensions(cls.extensions)

    def __init__(self, name: Optional[str] = None, label: Optional[str] = None, kb_path: Optional[str] = None) -> None:
        self.name = self.default_name if name is None else name
        self.label = check_entity_label(self.default_label if label is None else label)
        self.kb_path = kb_path

    def enrich(self, ent: Span) -> None:
        """Set the attributes of one entity of ``self.label``."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ == self.label:
                self.enrich(ent)
        return doc

    def cfg(self) -> Dict[str, object]:
        return {"label": self.label}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        self.label = str(cfg["label"])
