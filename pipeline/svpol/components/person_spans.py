"""PERSON span repair after ``ner``: titles out of the span, the Riksdag's place suffix in.

A statistical ``ner`` trained mostly on running text puts a capitalised office in front of a
name into the PERSON span (``Statsrådet Anna Berg``, ``Finansminister Per Ek``,
``Kultur- och demokratiminister Eva Lind``), and sometimes tags the office alone. The
guidelines keep titles out of PERSON spans, and the enricher ``svpol_politicians`` reads the
office in front of the name as ``span._.role``, so this component:

- cuts leading office words off a PERSON span (``Statsrådet Anna Berg`` -> ``Anna Berg``), and
  the labels of protocol forms at either end (``Beslutande Anna Berg``, ``Anna Berg
  Justeringens``, also in capitals: the guide never tags form labels), offices at the end
  (``Ingemar Karlsson Kommunsekreterare``, the next field of a signature block), and party letters in front of a first
  name and surname (``L Sofia Sjöstrand``: a national party's letters become PARTY);
- drops a PERSON entity that is an office or form label and nothing else (``Energi- och
  näringsminister``, ``Vakant``, ``Nämnd Sammanträdesdatum``), and one of capitalised ordinary
  words only (``Bevis Protokollet``, ``Anmält``: each known to the word vectors in lower case, none a
  first name or a known surname);
- joins the Riksdag's way of telling members apart, ``Anna Berg i Luleå (M)``, into one
  PERSON span (the place is part of the member's official name), replacing an entity the
  place may have had;
- splits a run of names written without separators (attendance columns: ``Anneli Fredholm
  Alexander Kivilahti``) before a first name that follows a surname, and joins a first name
  that ner left out to its surname (``Leif Haraldsson`` for ``Haraldsson``); first names are
  those of the knowledge base's persons that are never a surname there and the common ones of
  ``resources/first_names.txt``;
- tags the names of an attendance column that has the party letters before each name and a
  count or presence mark after it (``S Peter Rosell X``), which a model trained on running text
  often misses or runs together with the mark;
- tags the letters of a local party in brackets right after a person (``Roland Johansson
  (ALT)``, ``Yngve Berg (K)``) as PARTY: one to four letters that no rule entity holds
  (the knowledge base's parties and agency acronyms are rule entities already), which the
  model tends to read as an agency acronym.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Dict, FrozenSet, List, Optional, Set, Tuple

from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab
from spacy.util import filter_spans

from ..doc_cache import doc_text
from ..kb import DIRECTION_WORDS, PROFESSION_ENDINGS, default_parties, load_kb
from .entity_rules import DEFAULT_SPANS_KEY, rule_tokens
from .name_list import resource_names
from .org_names import is_municipality, is_ordinary_compound
from .politicians import base_role
from .structure_patterns import ROLE_RE

PERSON = "PERSON"
PARTY = "PARTY"
LOC = "LOC"
ORG = "ORG"
AUTHORITY = "AUTHORITY"
# "(M)", "(fp)", "(-)" right after the place of "Anna Berg i Luleå (M)".
_PARTY_BRACKET_RE = re.compile(r"\(\s*(?:[A-Za-zÅÄÖåäö]{1,3}|-)\s*\)")
_LETTERS_RE = re.compile(r"[A-ZÅÄÖ]{1,3}")
_NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
# An attendance column with the letters before the name: "S Peter Rosell X", "Fp Ulla Pettersson 1": letters,
# two or three name words, then a presence mark, a count or the line's end.
_COLUMN_NAME_RE = re.compile(
    rf"(?<![\w-])(?P<letters>[A-ZÅÄÖ][A-Za-zåäö]{{0,2}}|[A-ZÅÄÖ]{{2,4}})[ \t]+(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,2}})"
    r"(?=[ \t]+(?:[XxI-]|\d+)(?![\w,.])|[ \t]*(?:\n|$))")
# ... and with the letters after the name, between a count or presence mark and the next one: "1 Angelica Rage S
# X Karin Andersson M X Tjg", where the second column's names follow the first column's mark.
_COLUMN_NAME_AFTER_RE = re.compile(
    rf"(?<![\w-])(?:[XxI]|\d+|Tjg)[ \t]+(?P<name>{_NAME}(?:[ \t]+{_NAME}){{1,2}})[ \t]+"
    r"(?P<letters>[A-ZÅÄÖ][A-Za-zåäö]{0,2}|[A-ZÅÄÖ]{2,4})(?=[ \t]+[XxI](?![\w,.]))")
# The national parties' letters in capitals ("S", "M", "KD"): tagged PARTY when they stand before a name.
_NATIONAL_LETTERS = frozenset(letters for party in default_parties() for letters in party.letters if letters.isupper())
# "(ALT)", "(FiA)", "(K)" right after a person: the letters of a local party.
# Also in lower case ("(skp)", "(ns)"), as national parties are written ("(s)", "(mp)"), but not the
# abbreviations of a member's standing that protocols put there ("(ers)", "(tjg)", "(ordf)").
_LOCAL_LETTERS_AFTER_RE = re.compile(r"(,)?[ \t]*\([ \t]*([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}|[a-zåäö]{2,3})[ \t]*\)")
# (a comma before the bracket, "Eva Ek, (NS), Ekby", only in a member list that writes every party so: round 92)
# ... or a local party named in words that end in a list's or a party's word ("Eva Ek (Hela Ekbys Lista)",
# "Bo Al (Ekby Framtidsparti)"; 8 of 8 such brackets in the real sets tagged PARTY).
_LOCAL_PARTY_NAME_AFTER_RE = re.compile(r"[ \t]*\([ \t]*([A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wÅÄÖåäö-]+){0,2}[ \t]+"
                                        r"(?:[Ll]istan?|[\wåäö-]*[Pp]arti(?:et)?))[ \t]*\)")
_STANDING_ABBREVIATIONS = frozenset(("ers", "led", "tjg", "tjgr", "ej", "adj", "sekr", "ordf", "vice", "tf", "ink",
                                     "avg", "nr", "bil", "se", "red", "sid", "ang", "enl", "mfl", "dvs", "ca"))


# The buildings a form names (where the minutes are kept, the venue): form words, but before a place a venue's name
# ("Kommunhuset Ockelbo").
_FORM_BUILDINGS = ("Rådhuset", "Stadshuset", "Kommunhuset", "Kommunalhuset", "Stadskontoret", "Kommunkontoret")
# Labels of protocol and letter forms, capitalised at a field's start, that ner reads into names.
# Weekdays, which start a form's date field ("Tid Måndag 31 oktober"), are never names either.
_FORM_WORDS = frozenset((
    "Anslagsbevis", "Anslagsdatum", "Besöksadress", "Beslutande", "Bilaga", "Bilagor", "Blad", "Datum", "Diarienummer",
    "Dnr", "Diarienr", "Epost", "E-post", "Kopia", "Organ", "Protokollsutdrag", "Anslag", "Expedieras",
    "Innehållsförteckning", "Justerarsignaturer", "Mötesprotokoll", "Tjänsteskrivelse", "Utdragsbestyrkande", "Upprop",
    "Förteckning", "Kansliet", "Förvaringsplats", "Frånvarande", "Handläggare", "Handläggarens", "Justering",
    "Justeringens",
    "Justeringsdag", "Justerande", "Kallelse", "Ledamöter", "Avst", "Avstår", "Närv", "Mottagare", "Mötesdatum", "Nämnd", "Närvarande", "Parti", "Paragraf",
    "Paragrafer", "Plats", "Postadress", "Protokoll", "Protokollet", "Referens", "Remiss", "Sammanfattning",
    "Sammanträdesdatum",
    "Sammanträdesprotokoll", "Telefon", "Text", "Tid", "Tjänstgörande", "Underskrift", "Underskrifter", "Utses",
    "Vakant", "Övrig", "Övriga", "Förste", "Andre", "Sid", "Sida", "Motion", "Interpellation", "Information",
    "Ajournering", "Ärendelista", "Föredragningslista", "Dagordning", "Bevis", "Justeringen", "Tillkännages",
    "Tjänstemän", "Tjänstepersoner", "Vidimerande", "Avsägelse", "Avsägelser", "Närvarokontroll",
    "Närvaroförteckning", "Namnförtydligande", "Godkännande", "Avvikande", "Jäv", "Kungörelse", "Sekr", "Diariekod",
    "Meddelanden", "Beslutsärenden", "Tfn", "Överklagningstid", "Tillkännagivandet", "Tillkännagivande",
    "Justerat", "Justeras", "Anmäles", "Organisationsnummer", "Bankgiro", "Telefonväxel", "Utskriftsdatum",
    # a web page's link text after an agenda item ("Närvarokontroll Länk till annan webbplats"); a photo's label
    "Länk", "Exempelbild", "Arkivbild", "Pressbild", "Genrebild",
    "Internremiss", "Namn", "Ang", "Beslutsunderlag", "Beslutsförslag", "Protokollsjustering", "Närvarorätt",
    "Närvarolista", "Närvarolistan", "Inkallad", "Inkallade", "Adress", "Justerade", "Kommunkansliet", "Stadskansliet",
    "Insynsplats", "Insynsplatser", "Insyn",  # an observer's seat in a member list ("Insynsplats Eva Ek (SD)")
    "Medborgarförslag", "Ärendeförteckning", "Åhörare", "Personalföreträdare",
    "Beslutsinstans", "Adjungerade", "Adjungerad", "Sammanträdesdag",  # a notice's and a member list's fields (m-v425)
    "Sammanträdestid",  # (m-v959)
    # a case's number and a page's labels, and a city's department of councillors ("Rotel III"; m-v826, m-v870, m-v927,
    # m-v936, m-v948)
    "Ärendenr", "Sidnr", "Info", "Rotel",
    # a protocol's header, vote table and letterhead fields (m-v490, m-v492, m-v493, m-v495: "Sammanträdets plats och
    # tid", "Omröstningsprotokoll", "Organisationsnr", "Anteckningar/ Tjänstgörande", "Sammanträdesplats Tallen")
    "Sammanträdets", "Sammanträdesplats", "Sammanträdeslokal", "Omröstningsprotokoll", "Omröstningslista",
    "Organisationsnr", "Orgnr", "Anteckningar", "Anteckning", "Tjänstgör", "Reservation",
    "Beslutsserie", "Motionssvar",  # a delegation list's series field, an agenda item's kind (m-v508)
    "Anslagstid",  # a notice's posting period (m-v529)
    # an agenda's standing items and a proposal's verb before the names proposed (m-v552, m-v558: "Delegeringsbeslut
    # Anmälningsärenden", "Föreslås Anna Ek (S)"), a report's colophon ("Layout", "Tryck: Ekby Tryckeri AB")
    "Delegeringsbeslut", "Delegationsbeslut", "Anmälningsärenden", "Anmälningsärende", "Föreslås", "Layout", "Tryck",
    "Kallade", "Box",  # a notice's called members and a letterhead's post box ("Sekreterare: Eva Ek Kallade:"; m-v571)
    # an immediate signing after the adjusters' names and a letterhead's organisation number ("Eva Ek Omedelbar
    # justering", "Org. nr: 232100-0214"; m-v593, m-v595)
    "Omedelbar", "Org",
    # a vacant seat in a member list and a council's meeting plan on an agenda ("Vakans (M), för Eva Ek"; m-v616)
    "Vakans", "Vakant", "Sammanträdesplan",
    "Ers", "Tjg",  # a substitute's standing in a member column ("Eva Ek (C) Ers Ers Bo Al (M)"; m-v363)
    # a ruling's parties and a protocol's members and case text ("SÖKANDE", "MOTPART", "Ombud:", "Ordinarie
    # ledamöter", "Ärendebeskrivning")
    "Sökande", "Motpart", "Ombud", "Ordinarie", "Ärendebeskrivning",
    # the building where the minutes are kept or signed, next to a name in a form ("Anders Rydén Rådhuset")
    *_FORM_BUILDINGS,
    # a document's register fields and a letterhead's numbers ("Dokumentnummer: 2018/01133-1", "Tel 0152-...")
    "Dokumentnamn", "Dokumentnummer", "Beredningsväg", "Inkommen", "Tel", "Telefonnr", "Trycklov",
    # a letterhead's contact fields ("E-post: kommun@ekby.se Webb: ekby.se", "Fax 08-...")
    "Webb", "Webbplats", "Webbadress", "Hemsida", "Fax", "Mobil", "Fakturaadress",
    # a heading's adjective after an agenda item or a name ("Avfallstaxa Allmänt uppdrag", "Öppet sammanträde")
    "Allmänt", "Öppet",
    # a word processor's field codes left in a document's text ("STYLEREF Kantrubrik \* MERGEFORMAT")
    "Styleref", "Kantrubrik", "Mergeformat",
    # a day's programme run on after its speakers' names ("Eva Ek Presentation av ...", "Bo Al Lunch Genomgång av
    # dagens ärenden"; m-v697), an absence column's label ("Närv (N), Frånv (F)"; m-v701)
    "Presentation", "Workshop", "Lunch", "Fika", "Paus", "Genomgång", "Aktuella", "Diskussion", "Dragning",
    "Beslutssammanträde", "Utdragsbestyrkan", "Frånv",
    # an agenda item's answer to a motion and a form's signing field after a name ("Auschwitz Svar på motion",
    # "Justeringsplats och tid"; none of their 133 mentions in the real sets is inside an entity; m-v720, m-v724)
    "Svar", "Justeringsplats",
    # an official's statement heading a case, a debate's speaker label and a web page's file table ("Handläggare: Eva
    # Ek TJÄNSTEUTLÅTANDE", "Talare Eva Ek (M)", "Filnamn Filstorlek Datum", "Missiv"; none of their 61 mentions in the
    # real sets is inside an entity; m-v896 … m-v902)
    "Tjänsteutlåtande", "Talare", "Filnamn", "Filstorlek", "Missiv",
    # a protocol's field of the paragraphs it covers and a meeting day's party group meetings ("Sammanträdesrum Eken
    # Omfattning 1-12", "kl 9 Partigruppsmöten"; m-v913, m-v914)
    "Omfattning", "Partigruppsmöte", "Partigruppsmöten",
    # an agenda's invited guests and its opening formalities ("Inbjudna Eva Ek", "Upprop Formalia"; m-v920)
    "Inbjudna", "Inbjuden", "Formalia",
    # a protocol's signing and notice fields, its rapporteur and its recipients ("Justerandes sign", "Datum för
    # anslags Uppsättande", "Föredragande: Eva Ek", "Beslutsmottagare Akten"; none of their 37 mentions in the real sets
    # is inside an entity; m-v768 … m-v791)
    "Justerandes", "Justeringsperson", "Uppsättande", "Föredragande", "Beslutsmottagare", "Akten",
    "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag",
    "Måndagen", "Tisdagen", "Onsdagen", "Torsdagen", "Fredagen", "Lördagen", "Söndagen"))
# A presence mark after a name in an attendance column ("Peter Rosell X", "Gunnar Selin I"), also the Cyrillic
# letter a PDF's text layer may give for it ("Х Eva Ek (MP)"; m-v917).
_PRESENCE_MARKS = frozenset({"X", "x", "I", "\u0425", "\u0445"})
# A column's code after a name in a vote or attendance table ("Anna Ek Nb 1 1", "Per Ek Tj"): a capital and one
# or two small letters without a vowel, which no surname is (two-letter surnames have one: "Ek", "Ås").
_COLUMN_CODE_RE = re.compile(r"[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tv-xz]{1,2}")


# A field a published document made anonymous ("Handläggare: Eva Ek XXXX, XXXX"; m-v740).
_ANONYMISED_FIELD_RE = re.compile(r"X{3,}")


def is_form_word(token: Token) -> bool:
    """A form label, also in capitals (``ANSLAGSBEVIS``, a heading) or before a slash (``Anteckningar/``), or a field
    made anonymous (``XXXX``)."""
    text = token.text.rstrip("/")
    return ((text.capitalize() if text.isupper() and len(text) > 3 else text) in _FORM_WORDS
            or bool(_ANONYMISED_FIELD_RE.fullmatch(text)))


# Form labels that are surnames too: right after a known first name they end the person's name ("Eva Blad", "Per
# Länk (S)"; 5 of 5 such names in the real sets m-v480 … m-v799).
_SURNAME_LABELS = frozenset(("Blad", "Länk"))


def is_label_surname(name: Span) -> bool:
    """Whether ``name`` is a known first name and a form label that is a surname too (``Eva Blad``)."""
    return len(name) == 2 and name[1].text in _SURNAME_LABELS and is_first_name(name[0].text)


def is_label_before_value(token: Token) -> bool:
    """A form label that a flattened form puts right before its field's value, no part of the value's name
    (``Beslutande Folkets Hus``); not a building, which names the venue (``Kommunhuset Ockelbo``)."""
    return is_form_word(token) and token.text not in _FORM_BUILDINGS


# An occupation written after a name in a list of officials ("Kerstin Ekvall Trädgårdstekniker", "Johan Lindqvist
# Upphandlare", "Kent Ekberg Personalkonsult"): a word that ends in a profession's word.
_OCCUPATION_ENDINGS = (*PROFESSION_ENDINGS, "handlare", "ledare", "arkitekt", "pedagog",
                       "sekr")  # a board's secretary abbreviated ("Nämndsekr")
# ... and a registry clerk alone ("Registrator"; "Huvudregistrator" ends in a profession's word)
_OCCUPATION_RE = re.compile(rf"[A-ZÅÄÖ][a-zåäö]*(?:{'|'.join(_OCCUPATION_ENDINGS)})|Registrator")


# The ends of offices and occupations that a list of officials writes before a unit or place and the knowledge
# base's offices do not list ("Områdeschef förskola", "Projektledare Kommunförbundet Ekby", "Senior konsult").
_OFFICE_ENDINGS = ("chef", "ledare", "konsult", "samordnare", "strateg", "direktör")


def is_office_word(word: str) -> bool:
    """An office or occupation as a list of officials writes it before a unit or a place (``Områdeschef``,
    ``Kommunchef``, ``Projektledare``, ``konsult``)."""
    return bool(base_role(word) or _OCCUPATION_RE.fullmatch(word) or word.lower().endswith(_OFFICE_ENDINGS))


def is_occupation(token: Token) -> bool:
    """An occupation as written after a name in a list of officials (``Trädgårdstekniker``, ``Upphandlare``)."""
    return bool(_OCCUPATION_RE.fullmatch(token.text))


def _is_trailing_title(token: Token) -> bool:
    """A form label, an office, an occupation or a presence mark right after a name: a signature block's or a
    column's next field (``Ingemar Karlsson Kommunsekreterare``, ``Åsa Rönnlund Controller``,
    ``Kerstin Ekvall Trädgårdstekniker``, ``Peter Rosell X``, ``Anna Ek Nb``)."""
    return (is_form_word(token) or token.text in _PRESENCE_MARKS or bool(_COLUMN_CODE_RE.fullmatch(token.text))
            or is_occupation(token) or bool(base_role(token.text) or ROLE_RE.fullmatch(token.text)))


def _form_edges(span: Span, start: int, end: int, offices: bool = False) -> Tuple[int, int]:
    """``start, end`` (token offsets in ``span``) moved inwards past form labels (and, with
    ``offices``, offices at the end), and past party letters in front of a first name and surname
    (``L Sofia Sjöstrand`` in a column layout)."""
    while start < end and (is_form_word(span[start])
                           or (end - start > 2 and (_LETTERS_RE.fullmatch(span[start].text)
                                                    or span[start].text in _PRESENCE_MARKS)
                               and span[start + 1].is_title)):
        start += 1
    # a form label broken at a line end ("Under- Skrifter")
    if (end - start >= 2 and span[start].text.endswith("-") and len(span[start]) > 2
            and (span[start].text[:-1] + span[start + 1].lower_).capitalize() in _FORM_WORDS):
        start += 2
    # a word's first half at a line end is no name's end either ("Cecilia Gustafsson Under- Skrifter")
    while end > start and not is_label_surname(span[start:end]) and (
            (_is_trailing_title(span[end - 1]) if offices else is_form_word(span[end - 1]))
                           or (len(span[end - 1]) > 1 and span[end - 1].text.endswith("-"))
                           # "vice" of the office that left after it ("Anna Berg Vice Ordförande (S)"; m-v559), or
                           # that ner left outside ("Katrin Ek Vice ordf. (S)"; m-v603)
                           or (offices and span[end - 1].lower_ == "vice" and (end < len(span) or (
                               span.end < len(span.doc) and ROLE_RE.fullmatch(span.doc[span.end].text))))):
        end -= 1
    return start, end


@functools.lru_cache(maxsize=1)
def first_names() -> FrozenSet[str]:
    """First names of the shipped knowledge base's persons that are never a surname there, and the
    common first names of ``resources/first_names.txt``."""
    names = [n.split() for p in load_kb(parts=("persons",)).persons.values() for n in p.names]
    names = [parts for parts in names if len(parts) >= 2]
    return frozenset({parts[0] for parts in names} - {parts[-1] for parts in names}) | frozenset(
        resource_names("first_names.txt"))


@functools.lru_cache(maxsize=1)
def surnames() -> FrozenSet[str]:
    """Surnames of the shipped knowledge base's persons (``Berg``, ``Stolt``: ordinary words that are names)."""
    return frozenset(n.split()[-1] for p in load_kb(parts=("persons",)).persons.values() for n in p.names
                     if len(n.split()) >= 2)


@functools.lru_cache(maxsize=1)
def kb_full_names() -> FrozenSet[str]:
    """The full names of the shipped knowledge base's persons, as the Riksdag writes them."""
    return frozenset(n for p in load_kb(parts=("persons",)).persons.values() for n in p.names)


_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def is_first_name(word: str) -> bool:
    """A known first name (:func:`first_names`), also a double one whose first part is known (``Jan-Åke``,
    ``Ann-Marie``, ``Eva-Mai``), or both parts where a register wrote the second in lower case (``Ann-sofie``,
    ``Rose-marie``)."""
    known = first_names()
    if word in known:
        return True
    parts = word.translate(_HYPHENS).split("-")  # a PDF's Unicode hyphen too: "Per‐Arne" (m-v740)
    return len(parts) > 1 and (all(part in known for part in parts) or (
        len(parts) == 2 and parts[0] in known and (
            parts[1][:1].isupper() and parts[1][1:].islower()
            or parts[1].islower() and parts[1].capitalize() in known)))


def split_name_run(ent: Span) -> List[Span]:
    """``ent`` cut before each first name that follows a surname, every piece two words or more; not a name
    in running text before a party bracket (:func:`_one_name_before_bracket`)."""
    if len(ent) < 4:
        return [ent]
    if _one_name_before_bracket(ent.doc, ent.start, ent.end, [ent.start + i for i in range(2, len(ent) - 1)]):
        return [ent]
    cuts, previous = [], 0
    for i in range(2, len(ent) - 1):
        if i - previous >= 2 and is_first_name(ent[i].text) and not is_first_name(ent[i - 1].text) and ent[i].is_title:
            cuts.append(i)
            previous = i
    bounds = [0, *cuts, len(ent)]
    return [Span(ent.doc, ent.start + a, ent.start + b, PERSON) for a, b in zip(bounds, bounds[1:])]


def _one_name_before_bracket(doc: Doc, start: int, end: int, cuts: List[int]) -> bool:
    """Whether the name ``doc[start:end]`` is one person's whatever first names it holds: a full name of the
    knowledge base before a party bracket, or in running text
    (a lower-case word before it) with a party bracket after it, no cut in ``cuts`` after a surname the
    knowledge base knows, nor the name's last word one (``motion av Nima Ekdahr Ali Pourvand (SD)``; a signature
    block's ``Justerande Linda Ekdahr Kjell Norrby (S)`` and ``Tjänstgörande för Renaldo Ekdahr Bo Olsson
    (S)`` name two, and so does a substitute's row: ``ersättare för Eva Ekdahr Per Al (S)``)."""
    if end >= len(doc) or doc[end].text != "(":
        return False
    # a substitute's row names the absent member, then the next member: "ersättare för Eva Ekdahr Per Al (S)" (9 of
    # 10 such runs in the real sets were two persons; m-v830 … m-v949)
    if start >= 2 and doc[start - 1].lower_ == "för" and doc[start - 2].lower_.rstrip(".") in _SUBSTITUTE_WORDS:
        return False
    if doc[start:end].text in kb_full_names():
        return True  # a member of the Riksdag by the full name the knowledge base gives
    return (start > 0 and doc[start - 1].is_lower and doc[start - 1].is_alpha and doc[end - 1].text not in surnames()
            and not any(doc[k - 1].text in surnames() for k in cuts))


def _is_known_name(word: str) -> bool:
    """Whether ``word`` is a first name or a knowledge-base surname."""
    return is_first_name(word) or word in surnames()


def _is_ordinary_word(word: str, vocab: Optional[Vocab]) -> bool:
    """Whether ``word`` is an ordinary word and no name: the vectors know it in lower case, and it is no
    first name and no knowledge-base surname."""
    return vocab is not None and vocab.has_vector(word.lower()) and not _is_known_name(word)


# A municipal unit's genitive, which the vectors may not know as a compound ("Kommunledningsstabens kansli").
_UNIT_GENITIVES = ("stabens", "nämndens", "styrelsens", "förvaltningens", "kontorets", "enhetens", "avdelningens",
                   "kansliets", "utskottets")


def _is_next_genitive(token: Token, vocab: Optional[Vocab]) -> bool:
    """Whether ``token``, after a first name and surname, opens the next phrase in the genitive
    (``Paula Ekbom Kommunledningens lokaler``, ``Joel Petersson Karlskronas ledande politiker``):
    an ordinary word's or a municipality's genitive, not a name's."""
    text = token.text
    if not (token.is_title and len(text) > 3 and text.endswith("s")) or _is_known_name(text):
        return False
    return ((vocab is not None and vocab.has_vector(text.lower())) or is_municipality(text[:-1])
            or text.endswith(_UNIT_GENITIVES))


def _is_place_not_name(token: Token) -> bool:
    """Whether ``token`` names a municipality and is neither a first name nor a knowledge-base surname."""
    return is_municipality(token.text) and not _is_known_name(token.text)


def _letters_in_brackets_after(ent: Span) -> bool:
    """Whether ``ent`` is followed by one token in brackets (a member's party letters: ``Anna Berg (S)``)."""
    doc = ent.doc
    return ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")"


def _is_place_then_person(ent: Span) -> bool:
    """Whether ``ent`` is a municipality, a first name and a surname, then party letters in brackets
    (``Malmö Anna Berg (S)`` in a member list)."""
    return (len(ent) in (3, 4) and _is_place_not_name(ent[0]) and is_first_name(ent[1].text)
            and all(t.is_title for t in ent[1:]) and _letters_in_brackets_after(ent))


def _is_listed_place_then_person(ent: Span) -> bool:
    """Whether the PERSON ``ent`` is a municipality and a name of two or three words between two members' party
    letters in brackets (``Lindesberg Ulf Ek (M) Ljusnarsberg Eva Ek (S)``: an association's members each written
    with their municipality); the first names of such lists are often missing from the name lists, so the
    member before it stands in for ``is_first_name``."""
    doc = ent.doc
    before = ent.start - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    return (ent.label_ == PERSON and len(ent) in (3, 4) and _is_place_not_name(ent[0])
            and all(t.is_title and t.is_alpha for t in ent[1:]) and before >= 0 and doc[before].text == ")"
            and _letters_in_brackets_after(ent))


def _person_start_after_organisation(ent: Span) -> int:
    """Where the person starts in ``ent``, an organisation or place of two words or more followed by a first name,
    a surname and party letters in brackets (``Ekby Bostäder Leif Ek (KD)``: a company's chair named after it), or
    0 where ``ent`` is no such run. An organisation after a member and a comma needs no letters: an attendance
    row names each member's union or association before the next member (``Eva Ek, PRO Norrby Per Berg``)."""
    doc = ent.doc
    after_member = (ent.label_ == ORG and len(ent) >= 3 and ent.start >= 2 and doc[ent.start - 1].text == ","
                    and doc[ent.start - 2].ent_type_ == PERSON and ent[-3].text[:1].isupper())
    with_letters = (len(ent) >= 4 and ent.label_ in (ORG, LOC, AUTHORITY) and _letters_in_brackets_after(ent)
                    and doc[ent.end + 1].ent_type_ == PARTY)
    if not (after_member or with_letters):
        return 0
    first, last = ent[-2], ent[-1]
    if (is_first_name(first.text) and first.is_title and last.is_title and last.is_alpha
            and not is_first_name(last.text) and not is_first_name(ent[-3].text)):
        return len(ent) - 2
    return 0


# A building or an office's premises by its compound's last word ("Förvaltningsbyggnaden", "Regionhuset").
_BUILDING_RE = re.compile(r"[A-ZÅÄÖ][a-zåäö]{2,}(?:huset|byggnaden|kontoret|kansliet|salen|rummet)")


def _is_field_before_name(word: Token, first: Token, last: Token) -> bool:
    """Whether ``word`` is a field's word in front of a first name and surname: a long capitalised word that
    is no known name, before a first name and a word that is none (``Medborgarservice Per Sandvik``)."""
    return (len(word) >= 9 and word.is_title and word.is_alpha and not _is_known_name(word.text)
            and not is_municipality(word.text) and is_first_name(first.text) and not is_first_name(last.text))


def _is_field_after_name(name: Span, vocab: Vocab) -> bool:
    """Whether ``name`` ends in a capitalised ordinary word after a first name and surname: a list's unit or field
    (``Per Ek Psykiatri``, ``Eva Ek Primärvård``) or an agenda's next item (``Eva Ek Begäran om medel``), no part
    of the name (the five such spans in round 92's real sets). Not a genitive's noun (``Eva Eks Mannaminne``), a
    member's place (``Eva Ek i Norra Backa``), nor a surname that party letters or an office after a comma follow
    (``Eva Ek Sommar (KD)``, ``Eva Ek Appell, nämndsekreterare``; round 94)."""
    if len(name) < 3 or not is_first_name(name[0].text):
        return False
    doc, after = name.doc, name.end
    if after < len(doc) and (doc[after].text == "(" or (
            doc[after].text == "," and after + 1 < len(doc) and doc[after + 1].is_lower)):
        return False
    last, before = name[-1], name[-2]
    return (last.is_alpha and len(last) > 2 and all(t.is_title for t in name)
            and (not before.text.endswith("s") or _is_known_name(before.text))
            and _is_ordinary_word(last.text, vocab))


def leading_role_length(span: Span) -> int:
    """How many tokens at the start of ``span`` form an office ("Statsrådet", "Kultur- och
    demokratiminister", a municipal one: "Chefsjurist"); the longest such prefix, 0 if none."""
    for k in range(len(span), 0, -1):
        if base_role(span[:k].text):
            return k
    return 1 if len(span) > 2 and ROLE_RE.fullmatch(span[0].text) else 0


# A substitute's entry in an attendance list: "Ulla Ek (S) tjänstgör för Bo Berg (S)".
_SUBSTITUTE_WORDS = ("tjänstgör", "tjänstgörande", "tjg", "ersätter", "ersättare", "ers")


_ROW_MARKS = _PRESENCE_MARKS | {"-", "–"}  # a row's mark: present, or a dash for absent


def _letters_end_row(ent: Span, end: int) -> bool:
    """Whether token ``end - 1`` of ``ent`` is a national party's letters closing an attendance table's name, with the
    row's count or presence mark (or the line's end) right after ``ent``: ``Janet Ågren S - Karin Malmfjord S -``
    (m-v495, where ner read ``Ågren S`` and ``Janeth Lundberg S``)."""
    doc = ent.doc
    if end != len(ent) or ent[end - 1].text not in _NATIONAL_LETTERS or not (
            ent[end - 2].is_title and ent[end - 2].is_alpha):
        return False
    if ent.end == len(doc):
        return True
    after = doc[ent.end]
    # also a run of dashes ("Thomas Ek V --- Tina Al SD") or a substitute's mark ("Stefan Ek S ers Bo Al S"; m-v546,
    # m-v551)
    return (after.text in _ROW_MARKS or after.is_digit or after.is_space or _is_dash_run(after.text)
            or after.lower_ in _SUBSTITUTE_WORDS)


def _is_dash_run(text: str) -> bool:
    """Whether ``text`` is two dashes or more, an attendance row's mark for an absent member (``---``)."""
    return len(text) >= 2 and not text.strip("-–")


def _ends_list_item(doc: Doc, i: int) -> bool:
    """Whether a member list's previous item ends right before ``doc[i]``: a closing bracket, or a substitute's
    "för" ("tjänstgör för", "Ulla Ek (S) för Bo Berg (S)")."""
    before = doc[i - 1].text
    return before == ")" or (before == "för" and i >= 2 and (doc[i - 2].lower_ in _SUBSTITUTE_WORDS
                                                             or doc[i - 2].text == ")"))


def _is_name_shaped(token: Token) -> bool:
    """Whether ``token`` is capitalised letters that are no form label, office or municipality."""
    return (token.is_title and token.is_alpha and not is_form_word(token) and not ROLE_RE.fullmatch(token.text)
            and not is_municipality(token.text))


def _is_unknown_name_word(token: Token, vocab: Optional[Vocab]) -> bool:
    """Whether ``token`` may be a name's word the lists do not know: name-shaped, no ordinary word (needs
    ``vocab``'s vectors) and no office (``Protokolljusterare``, a compound the vectors lack). A single letter is
    an initial, a party's letter or an attendance column's mark (``(M) N Tobias Leverin (C)``: N for present),
    never a whole name word."""
    return (vocab is not None and len(token) > 1 and _is_name_shaped(token) and not vocab.has_vector(token.lower_)
            and base_role(token.text) is None)


def _is_surname_word(token: Token) -> bool:
    """Whether ``token`` may be the surname after a first name: name-shaped, more than one letter."""
    return len(token) > 1 and _is_name_shaped(token)


def _with_name_words(doc: Doc, ents: List[Span], vocab: Optional[Vocab]) -> Tuple[List[Span], bool]:
    """``ents`` with a name's word that ner left out joined to its PERSON, where no entity holds it:

    - a known first name before a surname (``Leif [Haraldsson]``, ``Jan-Åke [Berg]`` in a column), or before
      a first name and surname as the first of two first names (``Bo [Anders Fredell]``);
    - a second surname before the person's party letters (``[Astrid Holm] Jern, C``, ``[Eva Lind] Berg (S)``):
      a capitalised word that is no ordinary word (needs ``vocab``'s vectors), form label, office or municipality;
    - such a word as an unlisted first name, where a list's previous item ends before it (``Eva Ek (L) Kiri
      [Tamm Ros] (MP)``, ``tjänstgör för Nuura [Said Omar] (S)``) and party letters follow the name;
    - a known first name before a one-word PERSON that is a first name too (``Fredrik [Jarl]``), and the
      capitalised word after a PERSON that is a known first name alone (``[Lena] Blad``, a surname that is also
      an ordinary word) where it is no form label, office or municipality.

    The second surname may be a PERSON of its own that ner cut off (``[Desirée Pethrus] [Engström] (kd)``), with no
    party letters after it where the first opens with a known first name (``[Tina Karling] [Hellsvik] Stadsplanechef``).
    """
    taken = {i for e in ents for i in range(e.start, e.end)}
    cut_surnames = {e.start for e in ents if e.label_ == PERSON and len(e) == 1 and not is_first_name(e.text)}
    joined, changed, absorbed = [], False, set()
    for ent in ents:
        if ent.start in absorbed:
            continue
        if ent.label_ == PERSON:
            i, j = ent.start - 1, ent.end
            # (is_first_name checks the case: "Ann-sofie" is not is_title); an initial after a member's bracket or
            # comma before a full name is an attendance column's mark ("(C) N Dag Ek (L)": N for present), while
            # before a surname alone it is the first name's ("(V) A Ekdahl (C)")
            if (i >= 0 and i not in taken and doc[i].text[:1].isupper() and doc[i].whitespace_
                    and is_first_name(doc[i].text)
                    and not (len(doc[i]) == 1 and len(ent) >= 2 and i > 0 and doc[i - 1].text in (")", ","))
                    and (not is_first_name(ent[0].text) or (len(ent) <= 2 and len(doc[i]) > 1))):
                ent = Span(doc, i, ent.end, PERSON)
                # ner's surname and the agenda's next word ("Conny [Ek Begäran] om medel"): the first name makes
                # the field after the name plain, as for a span ner read whole (m-v829)
                if vocab is not None and _is_field_after_name(ent, vocab):
                    ent = Span(doc, ent.start, ent.end - 1, PERSON)
                changed = True
            elif (len(ent) == 1 and j < len(doc) and j not in taken and ent[0].whitespace_ == " "
                    and is_first_name(ent[0].text) and _is_surname_word(doc[j])):
                ent = Span(doc, ent.start, j + 1, PERSON)
                absorbed.add(j)
                changed = True
            elif (i >= 1 and i not in taken and doc[i].whitespace_ and _ends_list_item(doc, i)
                    and j + 1 < len(doc) and doc[j].text == "(" and doc[j + 1].ent_type_ == PARTY
                    and _is_unknown_name_word(doc[i], vocab)):
                ent = Span(doc, i, ent.end, PERSON)
                changed = True
            # ... and a second surname that ner cut off as a person of its own with no party letters after it
            # ("[Tina Karling] [Hellsvik] Stadsplanechef": no real set tags a surname alone right after a full name)
            if (len(ent) >= 2 and j < len(doc) and ent[-1].whitespace_ and _is_unknown_name_word(doc[j], vocab) and (
                    (j + 2 < len(doc) and (j not in taken or j in cut_surnames) and doc[j + 1].text in (",", "(")
                     and doc[j + 2].ent_type_ == PARTY)
                    or (j in cut_surnames and ent[-1].whitespace_ == " " and is_first_name(ent[0].text)))):
                ent = Span(doc, ent.start, j + 1, PERSON)
                absorbed.add(j)
                changed = True
        joined.append(ent)
    return joined, changed


_NAME_WORD_RE = re.compile(_NAME)
# A surname with its particles ("Jan van der Horst", "Gilbert de Wendel", "Anna af Ekström", "Anna Hård af
# Segerstad", Arabic "Omar el Ekbari"), which ner cuts at the lower-case words.
_PARTICLES = ("van", "von", "de", "der", "den", "af", "da", "di", "du", "la", "le", "ten", "ter", "el", "al",
              "De", "Von", "Van", "Af")  # capitalised as some families write them: "Catharina De Ekdahr"
_PARTICLE_NAME_RE = re.compile(
    rf"(?<![\w-])(?:(?P<first>{_NAME})[ \t]+)?(?P<name>{_NAME}(?:[ \t]+(?:{'|'.join(_PARTICLES)})){{1,2}}[ \t]+{_NAME})"
    r"(?![\w-])")


_HYPHENED_INITIALS_RE = re.compile(r"[A-ZÅÄÖ]-[A-ZÅÄÖ]")


def _with_first_initials(doc: Doc, ents: List[Span]) -> Tuple[List[Span], bool]:
    """``ents`` with the first of two initials, or the first name before a middle initial, joined to a PERSON
    that opens with the (second) initial, where no entity holds it (``K [G Ekdahl]``, ``Bernt [A Runberg]``;
    not party letters after a bracket or a comma: ``(S) G Ek``); and two initials joined by a hyphen before a
    surname (``E-L [Norling]``, round 93), which no party's letters are."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    joined, changed = [], False
    for ent in ents:
        i = ent.start - 1
        if ent.label_ == PERSON and i >= 0 and i not in taken and doc[i].whitespace_ and ((_is_initial(ent[0]) and (
                    (_is_initial(doc[i]) and (i == 0 or doc[i - 1].text not in ("(", ")", ",")))
                    or (doc[i].is_title and len(doc[i]) > 1 and is_first_name(doc[i].text))))
                or (_HYPHENED_INITIALS_RE.fullmatch(doc[i].text) and ent[0].is_title and len(ent[0]) > 1
                    and not is_first_name(ent[0].text))):  # not before a first name: "S-V Eva Ek", the parties'
            ent = Span(doc, i, ent.end, PERSON)
            changed = True
        joined.append(ent)
    return joined, changed


def _with_surname_after_initial(doc: Doc, ents: List[Span], vocab: Optional[Vocab]) -> Tuple[List[Span], bool]:
    """``ents`` with a PERSON that ends in a middle initial joined to the capitalised word after it, which
    ner left out or read as another entity: an initial never ends a name (``[Anders G] Johanssons skrivelse``);
    not a first name, which opens the next person after a party's letter, nor an ordinary word
    (``Bo G Socialnämnden``)."""
    joined, changed = [], False
    for ent in ents:
        j = ent.end
        if (ent.label_ == PERSON and len(ent) >= 2 and _is_initial(ent[-1]) and ent[-1].whitespace_
                and j < len(doc) and _is_plain_name_word(doc[j]) and doc[j].ent_type_ != PARTY
                and not is_first_name(doc[j].text)  # "Olof Ekvall M Per Broman": party letters, then a name
                and not _is_ordinary_word(doc[j].text, vocab)
                and not _is_ordinary_word(doc[j].text[:-1] if doc[j].text.endswith("s") else doc[j].text, vocab)):
            ent = Span(doc, ent.start, j + 1, PERSON)
            changed = True
        joined.append(ent)
    return joined, changed


def _hyphen_split_start(doc: Doc, ent: Span) -> int:
    """The start of ``ent`` with a first name that a PDF split at a hyphen right before it: a word broken at
    a line's end ("Juli- ana [Lahdou]", "Mu- hammed [Ek]"), or a double name with a space after its hyphen whose
    second part opens ``ent`` ("Kent- [Inge Ek]", where "Kent-Inge" is known whole); else ``ent.start``."""
    start = ent.start
    if start >= 2:
        head, tail = doc[start - 2], doc[start - 1]
        if (head.text.endswith("-") and head.text[:1].isupper() and head.whitespace_ and tail.text.isalpha()
                and tail.text.islower() and is_first_name(head.text[:-1] + tail.text)):
            return start - 2
    if start >= 1:
        head = doc[start - 1]
        if head.text.endswith("-") and head.text[:1].isupper() and head.whitespace_ and is_first_name(
                head.text + ent[0].text):
            return start - 1
    return start


# A line break, or a blank line that a PDF's layout put inside a name ("Ewa\n\nCallhammar (L)"; m-v512 … m-v684).
_LINE_BREAKS = frozenset(("\n", "\n\n"))


def _joined_over_one_token(doc: Doc, ents: List[Span], joins: Callable[[Span, Dict[int, Span]], bool]
                           ) -> Tuple[List[Span], bool]:
    """``ents`` with each entity that ``joins(ent, ents_by_start)`` accepts made one PERSON with the word one token
    after its end (over a line break or a hyphen), the entity that word opened dropped."""
    by_start = {e.start: e for e in ents}
    joined: List[Span] = []
    dropped: Set[int] = set()
    changed = False
    for ent in ents:
        if ent.start in dropped:
            continue
        if joins(ent, by_start):
            joined.append(Span(doc, ent.start, ent.end + 2, PERSON))
            dropped.add(ent.end + 1)
            changed = True
        else:
            joined.append(ent)
    return joined, changed


def _with_names_across_a_line_break(doc: Doc, ents: List[Span]) -> Tuple[List[Span], bool]:
    """``ents`` with a first name alone at a line's end joined to the surname that opens the next line (maybe after
    a blank line), where the surname is a PERSON or has party letters in brackets after it (``Elin\nRydberg (S)``;
    m-v488, m-v515: one person, as the guide reads a name across a line break), also a double first name (``Jan
    Åke\nEkvall (S)``) and a PERSON of one word that the lists do not know as a first name before a PERSON's surname
    with party letters (``Tedde\nAlmkvist (MP)``; m-v889)."""
    def joins(ent: Span, by_start: Dict[int, Span]) -> bool:
        after = ent.end + 1
        surname = by_start.get(after)
        letters_after = after + 1 < len(doc) and doc[after + 1].text == "("
        first_names = len(ent) <= 2 and all(is_first_name(token.text) for token in ent)
        unknown_first = (len(ent) == 1 and ent.label_ == PERSON and ent[0].is_title and ent[0].is_alpha
                         and surname is not None and letters_after)
        return ((first_names or unknown_first) and ent.label_ in (PERSON, LOC, ORG) and after < len(doc)
                and doc[ent.end].text in _LINE_BREAKS and doc[after].is_title and doc[after].is_alpha
                and (surname is None or (surname.label_ == PERSON and len(surname) == 1))
                and (surname is not None or letters_after))

    return _joined_over_one_token(doc, ents, joins)


def _with_spaced_hyphen_surnames(doc: Doc, ents: List[Span]) -> Tuple[List[Span], bool]:
    """``ents`` with a double surname written with a spaced hyphen joined into its PERSON: a first name and surname,
    `` - ``, and one name-shaped word before the person's party letters (``Eva Ek - Holm (S)``, ``Eva Ek - Holm,
    (C)``; round 92: two such names, each split into two persons)."""
    def joins(ent: Span, by_start: Dict[int, Span]) -> bool:
        second = ent.end + 1
        return (ent.label_ == PERSON and len(ent) >= 2 and is_first_name(ent[0].text) and second + 1 < len(doc)
                and doc[ent.end].text == "-" and ent[-1].whitespace_ and doc[ent.end].whitespace_
                and _is_surname_word(doc[second]) and not is_first_name(doc[second].text)
                and (by_start.get(second) is None or (by_start[second].label_ == PERSON and len(by_start[second]) == 1))
                and not any(e.start < second < e.end for e in ents)
                and bool(_PARTY_BRACKET_RE.match(doc[second + 1:second + 5].text.lstrip(", "))))

    return _joined_over_one_token(doc, ents, joins)


def _with_hyphen_split_first_names(doc: Doc, ents: List[Span]) -> Tuple[List[Span], bool]:
    """``ents`` with a first name that a PDF split at a hyphen joined to the PERSON after it
    (:func:`_hyphen_split_start`), where no other entity holds it."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    joined, changed = [], False
    for ent in ents:
        if ent.label_ == PERSON:
            start = _hyphen_split_start(doc, ent)
            if start < ent.start and not taken.intersection(range(start, ent.start)):
                ent = Span(doc, start, ent.end, PERSON)
                changed = True
        joined.append(ent)
    return joined, changed


def _with_name_particles(doc: Doc, ents: List[Span], text: str) -> Tuple[List[Span], bool]:
    """``ents`` with each name with particles that a PERSON entity touches made one PERSON span, where no
    entity of another label is in it but a first name, and each one that opens with a known first name and that no
    entity touches."""
    if not any(f" {particle} " in text for particle in _PARTICLES):
        return ents, False
    joined = []
    for match in _PARTICLE_NAME_RE.finditer(text):
        # a first name before a surname of two words: "Anna Hård af Segerstad" (not "Per Gil de Wendel": "Gil" opens
        # the name)
        first = match.group("first")
        opens = is_first_name(match.group("name").split()[0])
        start = match.start() if first and is_first_name(first) and not opens else match.start("name")
        span = doc.char_span(start, match.end(), label=PERSON)
        if span is None:
            continue
        touched = [e for e in ents if e.start < span.end and span.start < e.end]
        # a first name that ner read as a place or an organisation is the name's too ("Catharina De Ekdahr")
        if (touched and any(e.label_ == PERSON for e in touched)
                and all(e.label_ == PERSON or (len(e) == 1 and is_first_name(e.text)) for e in touched)
                and not any((e.start, e.end) == (span.start, span.end) for e in touched)):
            joined.append((span, touched))
        elif not touched and is_first_name(span[0].text):  # ner missed it all: "Marcel van Luijn (M)"
            joined.append((span, touched))
    if not joined:
        return ents, False
    replaced = {id(e) for _, touched in joined for e in touched}
    return filter_spans([e for e in ents if id(e) not in replaced] + [span for span, _ in joined]), True


def _is_plain_name_word(token: Token) -> bool:
    """A capitalised name word that is no form label, office or presence mark (a name in a list)."""
    return bool(_NAME_WORD_RE.fullmatch(token.text)) and not _is_trailing_title(token)  # the cheap test first


def _is_initial(token: Token) -> bool:
    """A first name's initial in a column of names (``K G Broman``); not a presence mark (``X``)."""
    return len(token.text) == 1 and token.text.isupper() and token.is_alpha and token.text not in _PRESENCE_MARKS


def _first_name_cuts(doc: Doc, start: int, stop: int) -> Optional[List[int]]:
    """Where a run of names ``doc[start:stop]`` splits into persons: before each first name, or
    initial, that follows a surname (a word that is neither a first name nor an initial:
    ``Sara Ekvall Lindh | Per Sandvik | K G Broman``), when every piece then opens with a first
    name, or with initials and a surname, and has two or three words; None where the run does not read
    that way."""
    def opens(k: int) -> bool:
        return is_first_name(doc[k].text) or _is_initial(doc[k])

    cuts = [k for k in range(start + 1, stop) if opens(k) and not opens(k - 1)]
    bounds = [start, *cuts, stop]
    pieces = list(zip(bounds, bounds[1:]))
    if len(pieces) < 2:
        return None
    for a, b in pieces:
        if not 2 <= b - a <= 3 or not opens(a):
            return None
        if _is_initial(doc[a]) and not all(_is_initial(t) for t in doc[a:b - 1]):
            return None  # "M Per Ek": the letters are a party's, not an initial
    return bounds


def _recut_name_runs(doc: Doc, ents: List[Span], vocab: Optional[Vocab]) -> Tuple[List[Span], bool]:
    """``ents`` with each run of names written without separators (a column of a protocol read as one
    line: ``Svante Stomberg Christer Johansson Marie Ingvarsson``) that ner cut in the wrong places
    re-cut. A run is capitalised name words joined by single spaces, without ordinary words at its
    edges, of four words or more, half of it or more in PERSON entities (none reaching out of it). It is
    cut before each first name that follows a word that is not one where that gives persons of two or
    three words (:func:`_first_name_cuts`: ``Sara Ekvall Lindh Per Sandvik``); otherwise, at an even
    length, into pairs, when its first words are first names (half of them or more known, none an
    ordinary word) and no second word is a first name after a word that is not."""
    person = {i: e for e in ents if e.label_ == PERSON for i in range(e.start, e.end)}
    if len(person) < 4:
        return ents, False
    others = {i for e in ents if e.label_ != PERSON for i in range(e.start, e.end)}

    def name_word(i: int) -> bool:
        return i not in others and (_is_initial(doc[i]) or _is_plain_name_word(doc[i]))

    def ordinary(i: int) -> bool:
        return _is_ordinary_word(doc[i].text, vocab)

    recut: List[Span] = []
    replaced: Set[int] = set()
    i = 0
    while i < len(doc):
        if not name_word(i):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end - 1].whitespace_ == " " and name_word(end):
            end += 1
        start, stop = i, end
        i = end
        while start < stop and (ordinary(start) or _is_initial(doc[start]) and not (
                start + 1 < len(doc) and _is_initial(doc[start + 1]))):  # a last token may be an initial
            start += 1
        while stop > start and (ordinary(stop - 1) or _is_initial(doc[stop - 1])):
            stop -= 1
        # a word after a comma that opens no name belongs to the member before the comma (a place that tells
        # namesakes apart: "Mikael Ek,Saxnäs Rickard Norberg Per Vedbring"; m-v547): no part of the run
        lead = start
        if (0 < start < stop - 1 and doc[start - 1].text == "," and not is_first_name(doc[start].text)
                and not _is_initial(doc[start]) and is_first_name(doc[start + 1].text)):
            start += 1
        length = stop - start
        inside = [k for k in range(start, stop) if k in person]
        if length < 4 or 2 * len(inside) < length:
            continue
        touched = {id(person[k]): person[k] for k in range(lead, stop) if k in person}.values()
        if any(e.start < lead or e.end > stop for e in touched):
            continue
        bounds = _first_name_cuts(doc, start, stop)
        if bounds is None and length % 2 == 0 and not any(_is_initial(t) for t in doc[start:stop]):
            firsts = [doc[k].text for k in range(start, stop, 2)]
            seconds = [doc[k].text for k in range(start + 1, stop, 2)]
            if not (2 * sum(map(is_first_name, firsts)) < len(firsts)
                    or any(is_first_name(b) and not is_first_name(a) for a, b in zip(firsts, seconds))
                    or any(ordinary(k) for k in range(start, stop, 2))
                    # a run of four words, the first three first names, is one person with several: "Bengt Sven Åke
                    # Johansson" (a longer run is a column, whose surnames may be first names: "Sten-Åke Kjell")
                    or length == 4 and all(is_first_name(doc[k].text) for k in range(start, stop - 1))):
                bounds = list(range(start, stop + 1, 2))
        if bounds is None:
            continue
        if len(touched) == 1 and _one_name_before_bracket(doc, start, stop, bounds[1:-1]):
            continue  # one person before a party bracket, as ner read it
        cut = [Span(doc, a, b, PERSON) for a, b in zip(bounds, bounds[1:])]
        if [(e.start, e.end) for e in touched] != [(e.start, e.end) for e in cut]:
            recut.extend(cut)
            replaced.update(id(e) for e in touched)
    if not recut:
        return ents, False
    return sorted([e for e in ents if id(e) not in replaced] + recut, key=lambda e: e.start), True


_LETTER_LIST_MIN = 3  # names in a row between party letters that make a roll-call list


def _names_between_letters(doc: Doc, ents: List[Span]) -> List[Span]:
    """PERSON spans for a roll-call list that writes each member's name and then the party letters, without
    marks or punctuation (``Lind Eva M Berg Per S Ek Anna C``, surname first or not): two or three name
    words (an initial inside: ``Eva K Lind``) between one party's letters and the next, at least :data:`_LETTER_LIST_MIN` names in a row,
    none of their words in an entity of another label."""
    party_at = sorted(e.start for e in ents if e.label_ == PARTY and len(e) == 1)
    if len(party_at) <= _LETTER_LIST_MIN:
        return []
    others = {i for e in ents if e.label_ not in (PERSON, PARTY) for i in range(e.start, e.end)}
    runs: List[List[Span]] = [[]]
    for a, b in zip(party_at, party_at[1:]):
        if 2 <= b - a - 1 <= 3 and all(k not in others and (_is_plain_name_word(doc[k]) or (
                a + 1 < k < b - 1 and _is_initial(doc[k]))) for k in range(a + 1, b)):
            runs[-1].append(Span(doc, a + 1, b, PERSON))
        else:
            runs.append([])
    # a name after the list's first letters opens it too ("Ek Anna" before "C" and the next names)
    return [name for run in runs if len(run) >= _LETTER_LIST_MIN for name in run]


def _first_name_mentions(doc: Doc, ents: List[Span]) -> List[Span]:
    """PERSON spans for a first name alone after the text named the person in full (``Eva Ek (V) öppnade mötet
    ... Eva läste``): capitalised, in no entity, not an ordinary word written with a capital (``Per den 31
    mars``), and not the first of a name of several words (``Eva Berg``, another person)."""
    named = {}
    text = doc_text(doc)
    for ent in ents:
        # only a first name the text writes again (a cheap test before the scan of every token)
        if (ent.label_ == PERSON and len(ent) >= 2 and ent[0].is_title and text.count(ent[0].text) > 1
                and is_first_name(ent[0].text)):
            named.setdefault(ent[0].text, ent.end)
    if not named:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    mentions = []
    for token in doc:
        after = named.get(token.text)
        if (after is None or token.i < after or token.i in taken or token.lower_ in STOP_WORDS
                or (token.i + 1 < len(doc) and (doc[token.i + 1].is_title or doc[token.i + 1].is_upper))):
            continue
        mentions.append(Span(doc, token.i, token.i + 1, PERSON))
    return mentions


def _place_suffix_end(doc: Doc, ent: Span) -> Optional[int]:
    """The token end of "i <Place>" after ``ent`` when a party bracket follows it, else None."""
    i = ent.end
    if i + 2 >= len(doc) or doc[i].text != "i" or not doc[i + 1].text[:1].isupper():
        return None
    end = i + 2
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:  # "i Västra Frölunda"
        end += 1
    rest = doc_text(doc)[doc[end - 1].idx + len(doc[end - 1]):doc[end - 1].idx + len(doc[end - 1]) + 12]
    return end if _PARTY_BRACKET_RE.match(rest.lstrip()) and rest[:1].isspace() else None


# Persons with a party's letters in brackets after them that make a member list.
_MEMBER_LIST_MIN = 3


def _local_party_after(doc: Doc, ent: Span, text: str, fixed: Set[int], after_comma: bool = False
                       ) -> Optional[Span]:
    """The letters, or a local party's name, in brackets right after the PERSON ``ent`` (or after its comma, with
    ``after_comma``) as a PARTY span, unless a rule entity holds them."""
    letters = _LOCAL_LETTERS_AFTER_RE.match(text, ent.end_char)
    if letters and letters.group(1) and not after_comma:
        letters = None
    match, group = (letters, 2) if letters else (_LOCAL_PARTY_NAME_AFTER_RE.match(text, ent.end_char), 1)
    # A national party's single letter is the entity rules' (the KB's) to tag.
    if (not match or (len(match.group(group)) == 1 and match.group(group) in _NATIONAL_LETTERS)
            or match.group(group) in _STANDING_ABBREVIATIONS):
        return None
    span = doc.char_span(match.start(group), match.end(group), label=PARTY)
    if span is None or any(i in fixed for i in range(span.start, span.end)):
        return None
    return span


# A protocol's venue field: "Plats och tid Konferensrum 105, Berga Kulturrum, kl. 09:00", "Justeringens plats och tid
# Kommunhus Berga, Berga Torg 7, 2018-10-05", "Plats och tid Beslutande Kopparn, Verkstadsvägen 12 b, rum Ekvall
# Måndag ...": up to the time, a date, a weekday or the line's end. A name there is a building (ORG, a named
# facility) or a room (no entity), never a person.
_VENUE_RE = re.compile(r"[Pp]lats och tid:?[ \t]+(?P<venue>[^\n]{1,120}?)(?=[ \t,]+(?:kl\.?|klockan)[ \t\d]"
                       r"|\d{4}-\d\d-\d\d|[ \t]den[ \t]+\d|[ \t](?:[Mm]ån|[Tt]is|[Oo]ns|[Tt]ors|[Ff]re|[Ll]ör|[Ss]ön)dag"
                       r"|\n|$)")
_ROOM_WORDS = frozenset({"rum", "rummet", "sal", "salen", "konferensrum", "konferensrummet", "konferenssal",
                         "sammanträdesrum", "sammanträdesrummet", "lokal", "lokalen"})


def _venue_ranges(text: str) -> List[Tuple[int, int]]:
    """Character ranges of the venue fields of a protocol's header in ``text``."""
    if "lats och tid" not in text:
        return []
    return [(m.start("venue"), m.end("venue")) for m in _VENUE_RE.finditer(text)]


def _split_at_offices(ent: Span) -> List[Span]:
    """The names of a signature block read as one PERSON, split at the capitalised offices between them:
    ``Kjell Berglund Kommunplanerare Sara Gladh`` gives ``Kjell Berglund`` and ``Sara Gladh``."""
    offices = [t.i for t in ent[2:-2] if t.is_title and ROLE_RE.fullmatch(t.text)]
    if not offices:
        return [ent]
    parts, start = [], ent.start
    for i in offices:
        if i - start >= 2:
            parts.append(Span(ent.doc, start, i, PERSON))
        start = i + 1
    parts.append(Span(ent.doc, start, ent.end, PERSON))
    return parts


# A short form in capitals, with its genitive: "MKB", "MKBs", "HSB:s".
_ACRONYM_RE = re.compile(r"[A-ZÅÄÖ]{2,5}(?:s|:s)?")


def _is_direction_place(ent: Span) -> bool:
    """Whether ``ent``, read as a person, is a direction and a capitalised name (``Östra Piren``, ``Norra
    Ekbyhamnen``): a place's name, as no first name is a direction; not before a first name (``Norra Eva Ek``, a
    district's column before a member)."""
    return (len(ent) >= 2 and ent[0].text in DIRECTION_WORDS and ent[1].is_title
            and not is_first_name(ent[1].text))


# A board's word: "Driftnämnd", "Patientnämnden", "Regionstyrelsens"; not "Nämndemannen".
_BODY_WORD_RE = re.compile(r"[A-ZÅÄÖ][a-zåäö]*(?:nämnd(?:en|s|ens)?|styrelse(?:n|s|ns)?)")


def _is_body_name(ent: Span) -> bool:
    """Whether ``ent``, read as a person, opens with a board's word and has no first name after it
    (``Driftnämnd Kollektivtrafiks``, a region's board named by its field): no person's name holds a board."""
    return bool(_BODY_WORD_RE.fullmatch(ent[0].text)) and not any(is_first_name(t.text) for t in ent[1:])


def _is_company_name(ent: Span) -> bool:
    """Whether the PERSON ``ent`` joins capitalised words with ``&`` (``Lind & Partner``, ``Ernst & Young``):
    a firm's name; persons are listed with "och" or commas."""
    return any(t.text == "&" and 0 < t.i - ent.start < len(ent) - 1 and ent.doc[t.i + 1].is_title for t in ent)


# A facility's or organisation's noun at a name's end or start is no person's (``Ekby Kvinnojour``, ``Norrby
# Lärcentrum``, ``Ekby Arena``, ``Kvinnojouren Eva``, ``Vårdcentralen Ekby``, the clinic ``Folktandvården Ekby``):
# 39 names of that shape in the real sets are ORG and none is a person's; a known surname stays a name.
# A housing or property company's trade ends its name the same way (``Ekby Bostäder``, ``Norrby Fastigheter``: every
# such name in the real sets is a company's; m-v551), and so does a utility's (``Ekby Energi``, ``Norrby Vatten``,
# ``Ekby Värme``: 34 such names in the real sets, 32 ORG and 2 a joint body's AUTHORITY, none a person's; m-v730).
# An association's kind at either end is the same (``Ekby Brassband``, ``Eva Ek-sällskapet``, ``Folkdanslaget
# Ekbyringen``, ``Kören Ekbo``: 8 such names in the real sets, all ORG; m-v741).
_FACILITY_LAST_WORDS = ("jour", "centrum", "arena", "camping", "boende", "friskola", "slott", "närradio", "airport",
                        "flygplats", "bostäder", "fastigheter", "energi", "vatten", "värme", "teater", "band",
                        "orkester", "sällskapet", "gillet",
                        # a village's houses (``Ekby Bygdegård``, ``Ekby Ordenshus``: 9 of 9 ORG; m-v758)
                        "bygdegård", "hembygdsgård", "ordenshus", "bygdekontor",
                        # a hotel and a foundation (``Ekby Hotell``, ``Norrby Bostadsstiftelse``; m-v955, m-v958)
                        "hotell", "stiftelse")
_FACILITY_FIRST_WORDS = ("jouren", "boendet", "centralen", "centrum", "vården", "kören", "laget", "föreningen",
                         "klubben", "sällskapet")
# ... and a house's kind before its name (``Hotell Ekbacken``, ``Galleri Norrby``, ``Dagcenter Solrosen``: 6 names
# ner read as a person's in the real sets, all ORG; m-v824 … m-v933).
_HOUSE_KINDS = frozenset(("Hotel", "Hotell", "Pensionat", "Vandrarhem", "Brasseri", "Restaurang", "Café", "Kafé",
                          "Konditori", "Galleri", "Dagcenter"))


def _is_facility_name(ent: Span) -> bool:
    """Whether the PERSON ``ent`` of two words or more ends or opens with a facility's noun (``Ekby Arena``)."""
    last, first = ent[-1].text.lower(), ent[0].text.lower()
    return len(ent) >= 2 and ent[-1].text[:1].isupper() and ent[-1].text not in surnames() and (
        last.endswith(_FACILITY_LAST_WORDS) or (last.endswith("s") and last[:-1].endswith(_FACILITY_LAST_WORDS))
        or (ent[0].is_title and first.endswith(_FACILITY_FIRST_WORDS)) or ent[0].text in _HOUSE_KINDS)


# The ends of titles that is_office_word does not know ("Förbundskansler", "Vicepresident") and of buildings
# ("Stadshus B"): no agenda item's first word.
_NOT_AGENDA_ENDINGS = ("kansler", "minister", "president", "ordförande", "sekreterare", "hus", "huset")


def _ordinary_words_only(ent: Span, vocab: Vocab, surnames_in_doc: Set[str]) -> bool:
    """Whether the PERSON ``ent`` is capitalised ordinary words and no name: every word known to the word
    vectors in lower case (``Bevis Protokollet``, ``Anmält``, ``Resurs Grupp``: headings and form fields), or
    an acronym beside them (``Tertialbokslut IFO``),
    none a first name or a knowledge-base surname, and no word alone that is the surname of a person named in
    full in the document."""
    if len(ent) > 3 or (len(ent) == 1 and ent.text in surnames_in_doc):
        return False
    # an acronym beside an ordinary word is a heading's or a unit's ("Tertialbokslut IFO", "Representant BRB")
    words = [token for token in ent if not (token.is_upper and 2 <= len(token) <= 5
                                            and not _is_ordinary_word(token.text, vocab))] if len(ent) > 1 else list(ent)
    if bool(words) and all(token.is_alpha and _is_ordinary_word(token.text, vocab) for token in words):
        return True
    # ... or one word that the vectors know only in its parts (a heading's "Kommundirektörer")
    if len(ent) == 1 and ent[0].is_alpha and not _is_known_name(ent.text) and is_ordinary_compound(ent.text, vocab):
        return True
    # ... or an agenda's item: a long ordinary word first and no known name ("Anslagsförbrukning Budgetförslag",
    # "Avveckla Ekgården"; m-v625). No person in the real sets opens with a known word of eight letters or more
    # that is no name ("Dag", "Klara" and "Liv" are short); a form's label, a title or a building before a name
    # ("Beslutande Eva Ek", "Förbundskansler Ek", "Stadshus B") is left to the repairs below and the organisation
    # rules.
    first = ent[0]
    return (len(ent) > 1 and len(first) >= 8 and first.is_title and first.is_alpha
            and _is_ordinary_word(first.text, vocab)
            and not (is_form_word(first) or is_office_word(first.text) or first.lower_.endswith(_NOT_AGENDA_ENDINGS))
            and not any(_is_known_name(token.text) for token in ent))


class PersonSpans:
    """Repairs PERSON spans (see the module docstring)."""

    def __init__(self, name: str = "person_spans", rules_key: str = DEFAULT_SPANS_KEY,
                 vocab: Optional[Vocab] = None) -> None:
        self.name = name
        self.rules_key = rules_key
        # With word vectors (loaded after the component is made), a PERSON of ordinary words only is
        # dropped (_ordinary_words_only).
        self.vocab = vocab

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)  # read once: the getter scans every token
        # Letters of a heading written with spaces ("S AM M AN T R ÄD E S"), no name.
        kept = [e for e in ents if e.label_ != PERSON or not all(t.text.isupper() and len(t.text) <= 2 for t in e)]
        changed = len(kept) < len(ents)
        ents = kept
        with_vectors = self.vocab is not None and self.vocab.vectors.shape[0] > 0
        if with_vectors:
            full_names = {e[-1].text for e in ents if e.label_ == PERSON and len(e) >= 2}
            kept = [e for e in ents if e.label_ != PERSON or not _ordinary_words_only(e, self.vocab, full_names)]
            changed = changed or len(kept) < len(ents)
            ents = kept
        repaired: List[Span] = []
        letters: List[Span] = []  # party letters in front of a name
        places: List[Span] = []  # a place beside a name (a signature's after it, a member list's before it)
        venues = _venue_ranges(doc_text(doc)) if any(e.label_ == PERSON for e in ents) else []
        for ent in ents:
            if ent.label_ == PERSON and any(start <= ent.start_char < end for start, end in venues):
                start, end = _form_edges(ent, 0, len(ent))  # "Beslutande Kopparn"
                # A first name and more is a person all the same: a flattened form puts the signing
                # member right after the field ("Justeringens plats och tid: Anders Rydén Rådhuset").
                if not (end - start >= 2 and is_first_name(ent[start].text)):
                    changed = True
                    if start >= end or (ent.start + start > 0 and doc[ent.start + start - 1].lower_ in _ROOM_WORDS):
                        continue  # a named room ("rum Ekvall"): no entity
                    ent = Span(doc, ent.start + start, ent.start + end, ORG)  # the building: "Kopparn", "Berga Kulturrum"
            if (ent.label_ in (ORG, LOC, AUTHORITY) and _is_place_then_person(ent)) or _is_listed_place_then_person(ent):
                # "Malmö Anna Berg (S)" read as one organisation or place: the place, then the member
                places.append(Span(doc, ent.start, ent.start + 1, LOC))
                ent = Span(doc, ent.start + 1, ent.end, PERSON)
                changed = True
            person_at = _person_start_after_organisation(ent)
            if person_at:
                repaired.append(Span(doc, ent.start, ent.start + person_at, ent.label_))
                ent = Span(doc, ent.start + person_at, ent.end, PERSON)
                changed = True
            if ent.label_ == PERSON and (_is_company_name(ent) or _ACRONYM_RE.fullmatch(ent.text)
                                         or _is_facility_name(ent)):
                # "Lind & Partner": a firm named by its partners; "MKBs": a company's capitals, no name;
                # "Ekby Arena": a facility
                ent = Span(doc, ent.start, ent.end, ORG)
                changed = True
            if ent.label_ == PERSON and _is_body_name(ent):
                # "Driftnämnd Kollektivtrafik": a board named by its field after the kind (round 43: six such)
                ent = Span(doc, ent.start, ent.end, AUTHORITY)
                changed = True
            if ent.label_ == PERSON and _is_direction_place(ent):
                # "Östra Piren", "Östra Timor": a direction opens a place's name, never a person's
                ent = Span(doc, ent.start, ent.end, LOC)
                changed = True
            if ent.label_ != PERSON:
                repaired.append(ent)
                continue
            start, end = _form_edges(ent, 0, len(ent))
            if start < end:
                # an office in front first: "Miljö- och klimatminister" is one office, not a name and an office
                start += leading_role_length(ent[start:end])
                start, end = _form_edges(ent, start, end, offices=True)
                while end - start > 2 and _is_next_genitive(ent[end - 1], self.vocab):
                    end -= 1
                # a form's field or building beside a first name and surname ("Kommunförvaltningen Anna
                # Lindholm", "Per Ek Förvaltningsbyggnaden" in a flattened signature block)
                if end - start == 3 and _is_field_before_name(ent[start], ent[start + 1], ent[start + 2]):
                    start += 1
                if end - start == 3 and is_first_name(ent[start].text) and _BUILDING_RE.fullmatch(ent[end - 1].text):
                    end -= 1
                # a signature's place after the name: "Helen Nilsson Vimmerby 2 september" (ner may
                # have read "Nilsson Vimmerby"; the first name is joined again below)
                # (not in a run of names, which the pairing below reads whole)
                if ((end - start > 2 or (end - start == 2 and ent[start].text in surnames()))
                        and _is_place_not_name(ent[end - 1])
                        and not any(is_first_name(t.text) for t in ent[start + 1:end - 1])):
                    end -= 1
                    places.append(Span(doc, ent.start + end, ent.start + end + 1, LOC))
                # a member list's place before the name: "Eslöv Björn Gudmundsson (S), Malmö Anna Berg (S)"
                if end - start > 2 and _is_place_not_name(ent[start]) and is_first_name(ent[start + 1].text):
                    places.append(Span(doc, ent.start + start, ent.start + start + 1, LOC))
                    start += 1
                # "Fredrik Lövgren Administrativ chef": the office's first word, capitalised in a column
                if (end == len(ent) and end - start > 2 and ent.end < len(doc) and ROLE_RE.fullmatch(doc[ent.end].text)
                        and ent[end - 1].is_title and self.vocab is not None
                        and self.vocab.has_vector(ent[end - 1].text.lower()) and not is_first_name(ent[end - 1].text)):
                    start, end = _form_edges(ent, start, end - 1)
                if end == len(ent) and self.vocab is not None and _is_field_after_name(ent[start:end], self.vocab):
                    end -= 1
                # an attendance row's party letters after the name, before its count or mark: "Janet Ågren S -"
                if end - start >= 2 and _letters_end_row(ent, end):
                    end -= 1
                    letters.append(Span(doc, ent.start + end, ent.start + end + 1, PARTY))
            # nothing left, no word with a capital ("Ajournering kl.19.14-19.40"), or only ordinary words once the
            # form's labels are off ("Ang Inköp")
            if start >= end or not any(t.text[:1].isupper() for t in ent[start:end]) or (
                    (start, end) != (0, len(ent)) and with_vectors and _ordinary_words_only(
                    ent[start:end], self.vocab, {e[-1].text for e in ents if e.label_ == PERSON and len(e) >= 2
                                                 and e is not ent})):
                changed = True
                continue
            if (start, end) != (0, len(ent)):
                if start and ent[start - 1].text in _NATIONAL_LETTERS:  # "L Sofia Sjöstrand"
                    letters.append(Span(doc, ent.start + start - 1, ent.start + start, PARTY))
                ent = Span(doc, ent.start + start, ent.start + end, PERSON)
                changed = True
            end = _place_suffix_end(doc, ent)
            if end is not None:
                ent = Span(doc, ent.start, end, PERSON)
                changed = True
            pieces = [piece for part in _split_at_offices(ent) for piece in split_name_run(part)]
            if len(pieces) > 1:
                # each piece of a run ends before the next field's office ("Jeanette Lämmel Planeringsingenjör")
                pieces = [Span(doc, piece.start, piece.start + _form_edges(piece, 0, len(piece), offices=True)[1], PERSON)
                          for piece in pieces]
                pieces = [piece for piece in pieces if len(piece)]
            changed = changed or len(pieces) > 1
            repaired.extend(pieces)
        repaired, joined = _with_name_words(doc, repaired, self.vocab if with_vectors else None)
        repaired, paired = _recut_name_runs(doc, repaired, self.vocab)
        repaired, initials = _with_first_initials(doc, repaired)
        repaired, surnamed = _with_surname_after_initial(doc, repaired, self.vocab)
        repaired, hyphenated = _with_hyphen_split_first_names(doc, repaired)
        repaired, broken = _with_names_across_a_line_break(doc, repaired)
        repaired, double = _with_spaced_hyphen_surnames(doc, repaired)
        # The searches below need a person or a party to start from.
        text = doc_text(doc) if any(e.label_ in (PERSON, PARTY) for e in repaired) else ""
        repaired, with_particles = _with_name_particles(doc, repaired, text) if text else (repaired, False)
        changed = changed or joined or paired or initials or surnamed or hyphenated or broken or double or with_particles
        columns = self._column_names(doc, repaired, text) + _names_between_letters(doc, repaired)
        if columns:
            taken = {i for span in columns for i in range(span.start, span.end)}
            repaired = [e for e in repaired if not any(i in taken for i in range(e.start, e.end))] + columns
            changed = True
        parties = self._local_parties(doc, repaired, text) + letters
        mentions = _first_name_mentions(doc, repaired)
        if mentions:
            repaired = repaired + mentions
            changed = True
        if changed or parties:
            # An entity swallowed by "Anna Berg i Luleå" (the place, or a name ner read in it) goes:
            # only a joined span can overlap another, and it is the longer one. A local party's
            # letters replace what the model read in them.
            party_tokens = {i for span in parties for i in range(span.start, span.end)}
            kept = [e for e in repaired if not any(i in party_tokens for i in range(e.start, e.end))]
            doc.ents = filter_spans(kept + parties + places)
        return doc

    def _column_names(self, doc: Doc, ents: List[Span], text: str) -> List[Span]:
        """PERSON spans for the names of an attendance column with the party letters before them and
        a count or presence mark after them (``S Peter Rosell X``, ``M Lars Gerdin 1``), where the
        letters are a PARTY entity and the name overlaps nothing but PERSON entities (``text``: ``doc.text``)."""
        if not any(e.label_ == PARTY for e in ents):
            return []
        party_tokens = {e.start for e in ents if e.label_ == PARTY and len(e) == 1}
        others = {i for e in ents if e.label_ != PERSON for i in range(e.start, e.end)}
        names = []
        for match in (*_COLUMN_NAME_RE.finditer(text), *_COLUMN_NAME_AFTER_RE.finditer(text)):
            letters = doc.char_span(match.start("letters"), match.end("letters"))
            name = doc.char_span(match.start("name"), match.end("name"), label=PERSON)
            office = leading_role_length(name) if name is not None else 0
            if 0 < office < len(name):
                # the next field's office before its name: "…, S Kommunchef Olli Joenväärä"
                name = Span(doc, name.start + office, name.end, PERSON)
            if name is not None and len(name) > 2 and _COLUMN_CODE_RE.fullmatch(name[-1].text):
                name = Span(doc, name.start, name.end - 1, PERSON)  # the next column's code: "C Anna Ek Nb 1 1"
            if (letters is not None and name is not None and letters.start in party_tokens
                    and not any(i in others for i in range(name.start, name.end))
                    # a column's heading between the rows: "S Närvarande Ersättare X" (m-v929)
                    and not (self.vocab is not None and self.vocab.vectors.shape[0] > 0
                             and _ordinary_words_only(name, self.vocab, set()))):
                names.append(name)
        return names

    def _local_parties(self, doc: Doc, ents: List[Span], text: str) -> List[Span]:
        """PARTY spans for local party letters in brackets after the PERSON entities of ``ents``
        (``text``: ``doc.text``)."""
        people = [e for e in ents if e.label_ == PERSON]
        if not people:
            return []
        fixed = rule_tokens(doc, self.rules_key)
        party_starts = {e.start_char for e in ents if e.label_ == PARTY}
        brackets = [m for e in people if (m := _LOCAL_LETTERS_AFTER_RE.match(text, e.end_char))
                    and m.start(2) in party_starts]
        if len(brackets) >= _MEMBER_LIST_MIN:
            # A member list ("Eva Ek (M) … Bo Al (KB)"): the bracket after a name holds a party's letters even where
            # they are an agency's acronym too, which the entity rules tagged.
            fixed = set()
        after_comma = sum(1 for m in brackets if m.group(1)) >= _MEMBER_LIST_MIN
        found = (_local_party_after(doc, ent, text, fixed, after_comma) for ent in people)
        return [span for span in found if span is not None
                and not any(e.label_ == PARTY and e.start == span.start and e.end == span.end for e in ents)]


@Language.factory(
    "svpol_person_spans",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"rules_key": DEFAULT_SPANS_KEY},
)
def make_person_spans(nlp: Language, name: str, rules_key: str) -> PersonSpans:
    """Create the PERSON span repair (stateless; ``rules_key``: the rule entities, never retagged; the
    pipeline's word vectors tell ordinary words)."""
    return PersonSpans(name, rules_key, vocab=nlp.vocab)
