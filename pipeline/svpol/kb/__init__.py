"""The svpol knowledge base: parties, public authorities and Riksdag persons.

The knowledge base (KB) is a folder of small JSON files (see :mod:`.storage`) built by
``python -m training.build_kb`` from the gazetteers in ``../shared/data`` and the
hand-written tables of :mod:`.tables`, and shipped in ``svpol/resources/kb``. Components
that need it copy the parts they use into the pipeline folder on ``to_disk``, so a
packaged model is self-contained.

Modules, one idea each:

- :mod:`.normalize`: ISO dates and lower-cased names, the keys of every lookup;
- :mod:`.records`: ``Party``, ``Authority``, ``Person`` and ``Affiliation``;
- :mod:`.tables`: hand-written tables (party names and inflections, committees,
  ministries, municipal body words, corrections to the agency list);
- :mod:`.body_patterns`: bodies recognised by the form of their name;
- :mod:`.index`: ``KnowledgeBase``, the records with lookups by surface form;
- :mod:`.local_persons`: local politicians from a CSV file;
- :mod:`.storage`: the KB folder on disk;
- :mod:`.load`: ``load_kb`` and the shipped KB;
- :mod:`.components`: base classes of the components that use the KB;
- :mod:`.span_extensions`: registering the ``span._`` attributes components set.

Everything public is importable from ``svpol.kb``.
"""

from .components import CFG_FILE, KB_DIR, EntityEnricher, KBComponent, check_entity_label
from .index import KnowledgeBase
from .load import DEFAULT_KB_PATH, load_kb, shipped_authorities
from .normalize import DateLike, to_iso_date
from .records import AUTHORITY_KINDS, Affiliation, Authority, Party, Person
from .span_extensions import register_span_extensions, span_assigns
from .storage import KB_PARTS
from .tables import (
    ACRONYM_MAX_LEN,
    ADMINISTRATION_FIELDS,
    AMBIGUOUS_ACRONYMS,
    BARE_PARTY_LETTERS,
    BODIES_IN_PLACE,
    CAPITALISED_PARTY_NAMES,
    COURTS_IN_PLACE,
    DIRECTION_WORDS,
    EXTRA_AGENCY_ACRONYMS,
    EXTRA_AGENCY_ALIASES,
    GENERIC_AGENCY_ALIASES,
    GENERIC_BODY_WORDS,
    INDEPENDENT,
    LAW_ABBREVIATIONS,
    LOWER_CASE_PARTY_LETTERS,
    MUNICIPAL_SUFFIXES,
    NOT_AUTHORITIES,
    NOT_AUTHORITY_PREFIXES,
    PLACE_BODIES,
    PLURAL_ALIAS_RE,
    POLICE_IN_COUNTY,
    PROFESSION_ENDINGS,
    REGION_ACRONYMS,
    UNION_SHORT_NAMES,
    WIKIDATA_PARTY_IDS,
    authority_kind_for_agency,
    default_fixed_bodies,
    default_parties,
    genitive,
    with_genitives,
)

__all__ = [
    "ACRONYM_MAX_LEN", "ADMINISTRATION_FIELDS", "AMBIGUOUS_ACRONYMS", "AUTHORITY_KINDS", "BARE_PARTY_LETTERS",
    "BODIES_IN_PLACE", "CAPITALISED_PARTY_NAMES", "CFG_FILE", "COURTS_IN_PLACE", "DEFAULT_KB_PATH", "DIRECTION_WORDS", "DateLike",
    "EXTRA_AGENCY_ACRONYMS", "EXTRA_AGENCY_ALIASES", "EntityEnricher", "GENERIC_AGENCY_ALIASES", "GENERIC_BODY_WORDS", "INDEPENDENT",
    "KBComponent", "KB_DIR", "KB_PARTS", "KnowledgeBase", "LAW_ABBREVIATIONS", "LOWER_CASE_PARTY_LETTERS",
    "MUNICIPAL_SUFFIXES",
    "NOT_AUTHORITIES", "NOT_AUTHORITY_PREFIXES", "PLACE_BODIES", "PLURAL_ALIAS_RE", "POLICE_IN_COUNTY",
    "PROFESSION_ENDINGS",
    "REGION_ACRONYMS", "Affiliation", "Authority", "Party", "Person", "UNION_SHORT_NAMES", "WIKIDATA_PARTY_IDS", "authority_kind_for_agency",
    "check_entity_label", "default_fixed_bodies", "default_parties", "genitive", "load_kb", "shipped_authorities",
    "register_span_extensions", "span_assigns", "to_iso_date", "with_genitives",
]
