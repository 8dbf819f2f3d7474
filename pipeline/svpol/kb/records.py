"""The KB's records: parties, public authorities, persons and their party memberships."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from .normalize import DateLike, end_of, to_iso_date

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
                and (not a.end or day <= end_of(a.end))
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
        if self.dead and end_of(self.dead) < day:
            return False
        return True
