"""Build the svpol knowledge base from the gazetteers in ``../shared/data``.

    python -m training.build_kb --data-dir ../shared/data --output pipeline/svpol/resources/kb
    python -m training.build_kb --base pipeline/svpol/resources/kb --persons-csv councillors.csv -o my_kb

The first rebuilds the KB shipped with svpol from the raw gazetteers; the second
extends an existing KB folder with local politicians from a CSV (no data dir, no
retraining). Only compact derived tables are written, never the raw data.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import typer

from svpol.kb import (
    ACRONYM_MAX_LEN,
    AMBIGUOUS_ACRONYMS,
    EXTRA_AGENCY_ACRONYMS,
    EXTRA_AGENCY_ALIASES,
    GENERIC_AGENCY_ALIASES,
    INDEPENDENT,
    NOT_AUTHORITIES,
    NOT_AUTHORITY_PREFIXES,
    REGION_ACRONYMS,
    WIKIDATA_PARTY_IDS,
    Affiliation,
    Authority,
    KnowledgeBase,
    Person,
    PLURAL_ALIAS_RE,
    authority_kind_for_agency,
    default_fixed_bodies,
    default_parties,
    load_kb,
)

from .paths import DATA_DIR

RIKSDAGEN = Path("gazetteers/riksdagen")
MYNDIGHETER = Path("gazetteers/myndigheter")
GEO = Path("gazetteers/geo")

# Official names of regions where they are not "Region <county short name>".
REGION_NAMES: Dict[str, str] = {
    "04": "Region Sörmland",
    "06": "Region Jönköpings län",
    "08": "Region Kalmar län",
    "14": "Västra Götalandsregionen",
    "18": "Region Örebro län",
    "23": "Region Jämtland Härjedalen",
}
# Municipalities whose official name takes an older genitive of the short name.
IRREGULAR_MUNICIPALITY_GENITIVES: Dict[str, str] = {"Falun": "Falu"}
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _read_csv(path: Path) -> List[Dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date(value: str) -> str:
    value = (value or "").strip()
    return value if _ISO_DATE.fullmatch(value) else ""


def _org_nr(value: Optional[str]) -> Optional[str]:
    digits = re.sub(r"\D", "", value or "")
    return f"{digits[:6]}-{digits[6:]}" if len(digits) == 10 else None


def _first(entry: dict, source: str) -> dict:
    """One source's record of an agency in merged.json (a list when several matched)."""
    value = entry.get(source) or {}
    return value[0] if isinstance(value, list) else value


# --------------------------------------------------------------------------- agencies
def build_agencies(data_dir: Path, fixed: List[Authority]) -> Tuple[List[Authority], str]:
    """State agencies and courts from myndighetsdata, merged into the fixed bodies.

    Aliases of up to ACRONYM_MAX_LEN characters without a space are acronyms: they
    match only as written in capitals, and the ambiguous ones are dropped. Aliases
    that name more than one agency, plurals and generic words are dropped too.

    Returns:
        The authorities and the newest year found in the agency data.
    """
    rows = _read_csv(data_dir / MYNDIGHETER / "matchlist.csv")
    merged = json.loads((data_dir / MYNDIGHETER / "merged.json").read_text("utf-8"))
    owners: Dict[str, set] = defaultdict(set)
    for row in rows:
        owners[row["name"].strip().lower()].add(row["official_name"].strip())
    aliases: Dict[str, List[str]] = defaultdict(list)
    acronyms: Dict[str, List[str]] = defaultdict(list)
    for row in rows:
        alias, official = row["name"].strip(), row["official_name"].strip()
        key = alias.lower()
        if len(owners[key]) > 1 or key in GENERIC_AGENCY_ALIASES:
            continue
        if len(alias) <= ACRONYM_MAX_LEN and " " not in alias:
            if key not in AMBIGUOUS_ACRONYMS and re.fullmatch(r"[\wÅÄÖåäö/-]+", alias) \
                    and alias.upper() not in acronyms[official]:
                acronyms[official].append(alias.upper())
            continue
        if " " not in alias and PLURAL_ALIAS_RE.search(key):
            continue
        if alias not in aliases[official]:
            aliases[official].append(alias)
    newest = 0
    by_name = {a.canonical: a for a in fixed}
    agencies: List[Authority] = []
    for official, extra in EXTRA_AGENCY_ACRONYMS.items():
        acronyms[official].extend(a for a in extra if a not in acronyms[official])
    for official in sorted({r["official_name"].strip() for r in rows}):
        if official in NOT_AUTHORITIES or official.startswith(NOT_AUTHORITY_PREFIXES):
            continue
        entry = merged.get(official, {})
        for source in ("esv", "agv"):
            for year in (_first(entry, source).get("employees") or {}):
                newest = max(newest, int(year)) if str(year).isdigit() else newest
        org = next((_org_nr(_first(entry, s).get("org_nr")) for s in ("esv", "scb", "stkt")
                    if _org_nr(_first(entry, s).get("org_nr"))), None)
        qid = _first(entry, "wd").get("id") or None
        names = tuple(a for a in [*aliases[official], *EXTRA_AGENCY_ALIASES.get(official, ())]
                      if a.lower() != official.lower())
        if official in by_name:  # a hand entry (police, Regeringskansliet) keeps its kind
            old = by_name[official]
            by_name[official] = replace(
                old, id=old.id or org, wikidata=old.wikidata or qid,
                aliases=tuple(dict.fromkeys(old.aliases + names)),
                acronyms=tuple(dict.fromkeys(old.acronyms + tuple(acronyms[official]))))
            continue
        agencies.append(Authority(official, authority_kind_for_agency(official), org, names,
                                  tuple(acronyms[official]), qid))
    return [by_name[a.canonical] for a in fixed] + agencies, str(newest or "")


def build_regions_and_municipalities(data_dir: Path) -> Tuple[List[Authority], Dict[str, Tuple[str, str]]]:
    """Regions (one per county) and the municipality table (short name -> name, code)."""
    regions = []
    for row in _read_csv(data_dir / GEO / "counties.csv"):
        code, county, short = row["county_code"], row["county_name"], row["county_name_short"]
        canonical = REGION_NAMES.get(code, f"Region {short}")
        # The county councils' own names before 2019, with the short county name or the county's, with or
        # without "i" ("Landstinget i Värmland", "Landstinget Dalarna", "Landstinget Kalmar län").
        names = {f"Region {short}", f"Region {county}", f"{county}s landsting",
                 f"Landstinget i {county}", f"Landstinget i {short}", f"Landstinget {short}",
                 f"Landstinget {county}"} - {canonical}
        regions.append(Authority(canonical, "region", f"region:{code}", tuple(sorted(names)),
                                 REGION_ACRONYMS.get(canonical, ())))
    municipalities = {
        row["municipality_name_short"]: (row["municipality_name"], row["municipality_code"])
        for row in _read_csv(data_dir / GEO / "municipalities.csv")
    }
    # The gazetteer forms every name as the short name's genitive; a few municipalities use an older
    # genitive ("Falu kommun", not "Faluns kommun"), which is also how texts name them.
    for short, genitive_form in IRREGULAR_MUNICIPALITY_GENITIVES.items():
        if short in municipalities:
            name, code = municipalities[short]
            municipalities[short] = (f"{genitive_form} {name.split()[-1]}", code)
    return regions, municipalities


# --------------------------------------------------------------------------- persons
def build_persons(data_dir: Path) -> Tuple[Dict[str, Person], str]:
    """Riksdag persons with names, Wikidata and Riksdag ids, party memberships, ministries.

    Returns:
        The persons by id and the newest date found in memberships and ministries.
    """
    base = data_dir / RIKSDAGEN
    names: Dict[str, List[str]] = defaultdict(list)
    primary: Dict[str, str] = {}
    for row in _read_csv(base / "name.csv"):
        name = row["name"].strip()
        if " " not in name:  # a surname alone is never certain enough to link
            continue
        names[row["person_id"]].append(name)
        if row["primary_name"] == "True":
            primary[row["person_id"]] = name
    wikidata = {r["person_id"]: r["wiki_id"] for r in _read_csv(base / "wiki_id.csv")}
    ripe = {r["person_id"]: r["identifier"] for r in _read_csv(base / "external_identifiers.csv")
            if r["authority"] == "RiPeID"}
    newest = ""
    affiliations: Dict[str, List[Affiliation]] = defaultdict(list)
    for row in _read_csv(base / "party_affiliation.csv"):
        if row["party"] == "Utan partibeteckning":
            party_id: Optional[str] = INDEPENDENT
        else:
            party_id = WIKIDATA_PARTY_IDS.get(row["party_id"])
        aff = Affiliation(party_id, _date(row["start"]), _date(row["end"]))
        if aff not in affiliations[row["person_id"]]:
            affiliations[row["person_id"]].append(aff)
        newest = max(newest, aff.start, aff.end)
    roles: Dict[str, List[Tuple[str, str, str]]] = defaultdict(list)
    for row in _read_csv(base / "minister.csv"):
        role = (row["role"].strip(), _date(row["start"]), _date(row["end"]))
        if role not in roles[row["person_id"]]:
            roles[row["person_id"]].append(role)
        newest = max(newest, role[1], role[2])
    persons: Dict[str, Person] = {}
    for row in _read_csv(base / "person.csv"):
        pid = row["person_id"]
        all_names = names.get(pid, [])
        name = primary.get(pid) or (all_names[0] if all_names else "")
        if not name:
            continue
        rid = ripe.get(pid) or (row["riksdagen_id"] if row["riksdagen_id"] not in ("", "nan") else None)
        persons[pid] = Person(
            pid, name, tuple(dict.fromkeys([name, *all_names])), wikidata.get(pid), rid,
            _date(row["born"]), _date(row["dead"]), tuple(affiliations.get(pid, ())),
            tuple(roles.get(pid, ())), "riksdagen")
    return persons, newest


# --------------------------------------------------------------------------- all
def build_kb(data_dir: Path) -> KnowledgeBase:
    """Build the whole KB from the gazetteers in ``data_dir``.

    Raises:
        FileNotFoundError: when a gazetteer file is missing.
    """
    authorities, agency_year = build_agencies(data_dir, default_fixed_bodies())
    regions, municipalities = build_regions_and_municipalities(data_dir)
    persons, persons_date = build_persons(data_dir)
    meta = {
        "built": dt.date.today().isoformat(),
        "sources": {
            "riksdagen-persons (swerik-project)": {
                "files": str(RIKSDAGEN), "newest_date_in_data": persons_date},
            "myndighetsdata (civictechsweden)": {
                "files": str(MYNDIGHETER), "newest_year_in_data": agency_year},
            "swedish-geodata": {"files": str(GEO)},
        },
        "counts": {"persons": len(persons), "authorities": len(authorities) + len(regions),
                   "municipalities": len(municipalities)},
    }
    parties = {p.id: p for p in default_parties()}
    return KnowledgeBase(parties, authorities + regions, persons, municipalities, meta)


app = typer.Typer(add_completion=False)


@app.command()
def main(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="Folder with gazetteers/"),
    output: Path = typer.Option(Path("pipeline/svpol/resources/kb"), "--output", "-o",
                                help="KB folder to write"),
    base: Optional[Path] = typer.Option(None, "--base",
                                        help="Extend this KB folder instead of building from --data-dir"),
    persons_csv: List[Path] = typer.Option([], "--persons-csv",
                                           help="CSV of local politicians to add (repeatable)"),
) -> None:
    """Build the knowledge base, or extend one with local politicians."""
    if base is None and not (data_dir / "gazetteers").is_dir():
        typer.echo(f"{data_dir}: no gazetteers/ folder here (use --data-dir)", err=True)
        raise typer.Exit(2)
    try:
        kb = load_kb(base) if base is not None else build_kb(data_dir)
        added = sum(kb.add_persons_csv(p) for p in persons_csv)
        if persons_csv:
            kb.meta.setdefault("local_persons", []).extend(str(p) for p in persons_csv)
        kb.to_disk(output)
    except (ValueError, FileNotFoundError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1)
    typer.echo(f"{output}: {len(kb.parties)} parties, {len(kb.authorities)} authorities, "
               f"{len(kb.persons)} persons ({added} local)")


if __name__ == "__main__":
    app()
