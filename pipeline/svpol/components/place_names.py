"""`svpol_place_names`: LOC entities for places that the CNN misses or mislabels.

Probing the v5.2 model with country, region and municipality names in three sentence frames
(docs/model.md) showed it missing 27 % of countries and world regions (`DR Kongo`,
`Mellanöstern`, `Kambodja`; `Förenade Arabemiraten` as ORG, `Sri Lanka` as PERSON) and a
name at the start of a sentence in 12 % of the municipality frames (`Tranås har drabbats...`).
Names are closed lists, so they are looked up rather than learned. This component runs after
``ner`` and the other name rules and tags, as ``LOC`` (docs/annotation.md):

- the names in ``resources/places.txt`` (countries, world regions, seas, Swedish provinces
  and counties), ``resources/localities.txt`` (towns, villages, city districts: ``Kinna``,
  ``Hisings Backa``) and the municipalities of the knowledge base, except those that are also
  common words or names (``Mark``, ``Vara``, ``Lund``, ``Nora``), as written and in the genitive;
- a municipality after ``i`` or ``inom`` (``i Leksands kommun``, ``I Stockholms stad finns``):
  the guide's place reading (``få i Stockholms stad känner sig trygga``), which turns the
  AUTHORITY of the knowledge-base rule or the model into LOC, except after an official's title, where it is the
  employer (``ekonomichef i Falkenbergs kommun``); a place in capitals alone (``KUMLA 5``) is LOC too;
- numbered roads (guide: roads are LOC): the Swedish European routes (``E4``, ``E 45``,
  ``E4:an``) and ``väg 56``, ``riksväg 40``, ``Rv 166``, ``länsväg 225``;
- street addresses (``Munkhättevägen 45``, ``Danskes gränd 2``, ``Krokslätts Parkgata``), which
  protocols and letters give for meeting places and senders, and property designations
  (``Haparanda 3:33``).

It also joins a generic facility (``Simhallen``, ``Naturbruksgymnasiet``) or an association opening with its noun,
read as ``ORG`` before ``i`` and its place, with that place into one ``ORG`` (``Simhallen i Ekby``), as the guide's
conventions read such names.

A match is left alone where it may be part of a longer name: when an entity overlaps it and
reaches outside it (`Uppsala universitet`, `Kinas regering` as AUTHORITY), when it touches a
rule entity, when a capitalised word stands right before it inside a sentence or right after
it, or when a body noun follows (`Kinas regering`, `Lunds universitet`, `Malmö stad`, which
the guide tells apart by context). Entities inside a match are replaced (`Nya Zeeland`, not
`Zeeland`; `Burkina Faso`, not ORG). The entities it adds join ``doc.spans[rules_key]``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..doc_cache import doc_text
from ..kb import DIRECTION_WORDS, shipped_authorities
from .entity_rules import DEFAULT_SPANS_KEY
from .name_list import NameList, resource_names
from .org_names import is_municipality, is_municipality_or_genitive
from .person_spans import is_first_name, is_form_word
from .structure_patterns import ROLE_RE

LABEL = "LOC"
# A place's kind after a line break (kinds_after_a_line_break), and the prepositions that put a municipality as a place
_WRAPPED_KINDS = frozenset(("kommun", "kommuns", "stad", "stads", "län", "läns"))
_PLACE_PREPOSITIONS = frozenset(("i", "inom", "utanför"))

# Municipalities whose name is also a common word, first name or surname.
_AMBIGUOUS_MUNICIPALITIES = frozenset((
    "Ale", "Berg", "Boden", "Dorotea", "Eda", "Falkenberg", "Habo", "Kil", "Kinda", "Klippan", "Lund", "Mark",
    "Mora", "Nora", "Norberg", "Salem", "Trosa", "Vara", "Vilhelmina"))
# A dash or slash that joins two places without spaces ("Karlskoga-Nora", "Falun–Mora", "Göteborg/Borås"), see
# PlaceNames.range_partners.
_RANGE_JOINERS = frozenset(("-", "–", "—", "/"))
_RANGE_JOINER_IDS = frozenset(get_string_id(joiner) for joiner in _RANGE_JOINERS)
_DASHES = frozenset(("-", "–", "—"))  # a range's (a slash may join two that act together: "Östersund/Åre skulle")
# A body noun after a place name: the guide decides place or body by context, the model does.
_BODY_NOUN_STEMS = ("regering", "parlament", "ambassad", "kommun", "stad", "universitet", "högskol", "tingsrätt",
                    "hovrätt", "landsting", "region", "centralbank", "domstol", "ministeri", "myndighet", "polis",
                    "armé", "militär", "länsstyrelse", "president", "högsta")
_SENTENCE_END = frozenset(".!?:;")
_MUNICIPALITIES_PLURAL = frozenset(("kommuner", "kommuners"))
# "Kommun" capitalised as a municipality writes its own name: "i Ekby Kommun" is the place all the same (5 of 5 in the
# real sets m-v480 … m-v727 tagged LOC).
_MUNICIPALITY_RE = re.compile(r"[A-ZÅÄÖ][\w-]*(?: [A-ZÅÄÖ][\w-]*)? (?:[Kk]ommun|stad)")
_PLACE_PREPOSITIONS = frozenset(("i", "inom"))
# The municipality as the place it is, read from the real sets (round 33): the whole of it ("hela Ekby kommun": 12
# of 12 tagged such mentions places), its people ("Ekby kommuns invånare", "Ekbys befolkning": 8 of 8), and what it
# shall be or become ("Ekby ska vara en attraktiv kommun", "Ekby ska växa": 15 of 18; "Ekby kommun ska ha" stays
# the organisation). Its parts and its life as a place are its people's too ("Ekby kommuns tätorter", "samtliga
# kommundelar", "geografiska område", "föreningsliv": 5 of 5 in the real sets LOC; round 80).
_WHOLE_BEFORE = "hela"
_PLACE_NOUNS_AFTER = frozenset(("invånare", "befolkning", "kommuninvånare", "medborgare", "tätort", "tätorter",
                                "kommundel", "kommundelar", "geografiska", "landsbygd", "byar", "föreningsliv"))
_ALL_OF = ("samtliga", "alla")  # "Ekby kommuns samtliga kommundelar"
_MODALS = frozenset(("ska", "skall"))
_BECOMING = frozenset(("vara", "bli", "växa", "utvecklas"))
_PLACE_CUE_IDS = frozenset(map(get_string_id, (_WHOLE_BEFORE, *_PLACE_NOUNS_AFTER, *_MODALS)))  # ORTH ids
_MUNICIPALITY_GENITIVE_RE = re.compile(_MUNICIPALITY_RE.pattern + "s?")
# ORTH ids, as _ROAD_WORD_IDS
_MUNICIPALITY_WORD_IDS = frozenset(map(get_string_id, ("kommun", "Kommun", "stad", "Stad")))
# A municipality that acts, owns or is governed is the organisation (AUTHORITY; the guide:
# "Kiruna kommun har beslutat"): its name before a verb of deciding, wanting or doing ("Vetlanda
# vill", "Även Kumla behöver", "Haninge inför"), as the owner of its politics or finances
# ("Borlänges politiska majoritet", "Eslövs medlemskap"), or after a verb of governing ("styra
# Kungälv"). "Tanums kommun är", "ligger", "har 20 000 invånare" stay places.
_ACTING_VERBS = frozenset((
    "vill", "ville", "behöver", "behövde", "måste", "bör", "borde", "ska", "skall", "skulle", "kan", "kunde",
    "inför", "införde", "bygger", "byggde", "köper", "köpte", "säljer", "sålde", "beslutar", "beslutade", "beslöt",
    "satsar", "satsade", "ansöker", "ansökte", "planerar", "planerade", "erbjuder", "erbjöd", "anställer",
    "anställde", "investerar", "investerade", "äger", "ägde", "anser", "ansåg", "kräver", "krävde", "väljer",
    "valde", "sparar", "sparade", "sänker", "sänkte", "höjer", "höjde", "redovisar", "redovisade", "genomför",
    "genomförde", "ansvarar", "driver", "drev", "överklagar", "överklagade", "avvecklar", "avvecklade",
    "tecknar", "tecknade", "inleder", "inledde", "startar", "startade", "stänger", "stängde", "beviljas",
    "beviljades", "får", "fick", "rättar", "rättade", "tar", "tog", "ger", "gav", "svarar", "svarade", "tvingas",
    "tvingades", "önskar", "önskade", "antar", "antog", "bildar", "bildade", "lyckas", "lyckades", "gör", "gjorde",
))
# "Hässleholms kommun har tagit ett stort ansvar": the perfect of a deed is acting too, unless the
# supine tells what became of the place ("Stockholm har vuxit", "har blivit", "har haft").
_PERFECT_AUXILIARIES = frozenset(("har", "hade"))
_SUPINE_RE = re.compile(r"[a-zåäö]{2,}(?:at|it|tt)")
_NOT_DEEDS = frozenset(("blivit", "varit", "vuxit", "ökat", "minskat", "haft", "krympt", "förändrats", "drabbats",
                        "fått", "klättrat", "sjunkit", "stigit", "rasat", "drabbat", "kallats", "utsetts", "rankats"))
# "För Nyköping handlar det om 25 miljoner": the municipality's finances, the organisation.
_FOR_ITS_PART = frozenset(("handlar", "innebär", "betyder"))
# In a question or after a fronted phrase the auxiliary comes first: "Hur har Skövde hanterat ...?",
# "Varför har Gävle bjudits in?" (the passive of a deed done to the organisation).
_INVERTED_SUPINE_RE = re.compile(r"[a-zåäö]{2,}(?:at|it|tt)s?")
_ADVERBS_BEFORE_VERB = frozenset(("inte", "också", "även", "nu", "redan", "därför", "dock", "själv", "visserligen",
                                   "ändå", "hittills", "tidigare", "sedan"))
_OWNED_NOUNS = frozenset((
    "majoritet", "ledning", "kommunledning", "politiker", "styre", "ekonomi", "budget", "resultat", "medlemskap",
    "verksamhet", "verksamheter", "förvaltning", "organisation", "beslut", "skattesats", "investeringar",
    "nämnder", "bolag",
))
# An official of a municipality works for the organisation: the title before "i/på/vid/hos <Ort> kommun"
# ("ekonomichef i Falkenbergs kommun", "säkerhetschef på Södertälje kommun"; 21 of 23 such mentions in the real
# sets were AUTHORITY) and after its genitive ("Värmdös kommundirektör", "Nässjös ekonomichef"; 4 of 5).
# ... the titles of ROLE_RE and these: "kommunalråd", "politiker", "anställda", "kollega".
_MORE_OFFICIALS_RE = re.compile(
    r"[a-zåäö-]*(?:chefer|råd|ordförande|politiker|anställd|anställda|tjänsteman|tjänstemän|specialist|kollega|kollegor"
    r"|medarbetare|förebyggare|kurator|koordinator|revisorer|ledamöter)"
    # the definite plural: "de förtroendevalda revisorerna i Haparanda stad" (m-v488, 2 of 2 tagged AUTHORITY)
    r"|[a-zåäö-]*(?:cheferna|politikerna|tjänstemännen|medarbetarna|revisorerna|ledamöterna)")
_EMPLOYER_PREPOSITIONS = frozenset(("i", "på", "vid", "hos"))
_GOVERNING_VERBS = frozenset(("styra", "styr", "styrde", "leda", "leder", "ledde", "styrt"))
# After a fronted phrase the verb comes before its subject: "Minst får Ydre", "I länet får Norrköping och
# Linköping mest pengar" (the deeds and receipts of _ACTING_VERBS; not the modal verbs, which also ask of places:
# "Hur kan Ekby bli en bättre stad?").
_INVERTED_VERBS = frozenset((
    "får", "fick", "ger", "gav", "tar", "tog", "beslutar", "beslutade", "satsar", "satsade", "sparar", "sparade",
    "investerar", "investerade", "säljer", "sålde", "köper", "köpte", "svarar", "svarade"))
_NOT_SUBJECT_BEFORE = frozenset((
    "i", "inom", "från", "till", "på", "mot", "av", "för", "med", "vid", "över", "genom", "mellan", "utanför",
    "runt", "kring", "om", "under", "åt", "hos", "ur", "efter", "utan", "än", "som",
))
# The European routes through Sweden (not "E85", a fuel), and national and county roads by number.
_E_ROADS = ("4", "6", "10", "12", "14", "16", "18", "20", "22", "45", "47", "55", "65")
# The tokens a road match starts with: a text without any of them is not searched.
_ROAD_WORDS = ("E", "Rv", "RV", "Lv", "väg", "Väg", "riksväg", "Riksväg", "länsväg", "Länsväg",
               *(f"E{n}{ending}" for n in _E_ROADS for ending in ("", ":an", ":ans", ":s")))
_ROAD_WORD_IDS = frozenset(map(get_string_id, _ROAD_WORDS))  # a string's ORTH id is its hash in every vocab
_ROAD_RE = re.compile(
    # the word "väg" before a European route is part of its name ("väg E12")
    rf"(?<![\w-])(?:(?:[Vv]äg[ \t]+)?E[ \t]?(?:{'|'.join(_E_ROADS)})(?::an|:ans|:s)?"
    # a county road may have four digits ("väg 1341"); a year is none ("på väg 2030")
    r"|(?:[Rr]iksväg|[Ll]änsväg|[Vv]äg|R[Vv]\.?|Lv\.?)[ \t]?(?:\d{1,3}|(?!19|20)\d{4}))(?![\w-])")


# Street addresses (guide: `Kista torg 7` is LOC): a name ending in a street word, with its number if
# any ("Munkhättevägen 45", "Krokslätts Parkgata"), or a name and a separate street word with a number
# ("Danskes gränd 2", "Kista torg 7"), or a person's name and a street word ("Albert Tengers väg").
_STREET_SUFFIXES = ("gatan", "gata", "vägen", "gränd", "gränden", "torget", "allén", "backen", "esplanaden", "stigen",
                    "promenaden", "leden", "parken")  # a park is a place like a square ("Ekbyparken")
_STREET_WORDS = ("torg", "Torg", "gränd", "gata", "väg", "allé", "backe", "esplanad", "stig", "promenad",
                 "park")  # "Henry Allards park": a park named after a person is a place like its street
# Every street match holds one of these as written (a text without any is not searched).
# (also capitalised after a direction: "Norra Esplanaden 5", "Södra Allén 14"; m-v586, m-v601)
_STREET_TRIGGERS = (*_STREET_WORDS, "leden", "parken",
                    *(word.capitalize() for word in _STREET_WORDS if word.islower()))
# A direction in front is part of a street's name: "Östra Esplanaden 5".
_STREET_DIRECTIONS = ("Östra", "Västra", "Norra", "Södra", "Stora", "Lilla", "Nedre", "Övre")
# "5B", not the start of a date or a range; an entrance's letter after a space too ("Storgatan 2 L"), not a
# party's before a member's name in a list ("Storgatan 2 S Anna Berg")
_HOUSE_NUMBER_TAIL = r"(?:[A-Za-z]|[ \t][A-Z](?![\wåäö]|[ \t]+[A-ZÅÄÖ]))?(?![\w,.-]?\d)"
# ... or a range of numbers, which the tokenizer keeps as one token ("Storgatan 12a–12b", "Ekgatan 2–16")
_HOUSE_NUMBER = rf"[ \t]+\d{{1,4}}(?:[a-z]?[–-]\d{{1,4}})?{_HOUSE_NUMBER_TAIL}"
_STREET_RE = re.compile(
    # a genitive in front names the street ("Kyrkans gränd"); a form's "Adress", "Postadress" does not
    rf"(?<![\w-])(?:(?P<compound>(?:(?!(?:[A-ZÅÄÖ][a-zåäö]*a|A)dress[ \t])[A-ZÅÄÖ][a-zåäöé]+s[ \t]+"
    rf"|(?:{'|'.join(_STREET_DIRECTIONS)})[ \t]+)?"
    rf"[A-ZÅÄÖ][a-zåäöé]+(?:{'|'.join(_STREET_SUFFIXES)}))"
    rf"(?P<number>{_HOUSE_NUMBER})?"
    rf"|[A-ZÅÄÖ][a-zåäö]+[ \t]+(?:{'|'.join(_STREET_WORDS)}){_HOUSE_NUMBER}"
    # a direction and a street word with a house number (not a year): "Östra Esplanaden 5", "Stora Torget 3"
    rf"|(?:{'|'.join(_STREET_DIRECTIONS)})[ \t]+[A-ZÅÄÖ][a-zåäöé]+[ \t]+\d{{1,3}}{_HOUSE_NUMBER_TAIL}"
    # a street named after a person needs no number: "Albert Tengers väg", "Olof Palmes gata", also without the
    # genitive's s after a first name ("Eva Ek väg"; m-v876; the first name is checked)
    rf"|(?P<person>[A-ZÅÄÖ][a-zåäö]+)[ \t]+(?P<surname>[A-ZÅÄÖ][a-zåäö]+)[ \t]+"
    rf"(?:{'|'.join(_STREET_WORDS)})(?:{_HOUSE_NUMBER})?"
    # a direction and a street word alone in the definite form: "Stora Torget", "Östra Esplanaden"
    rf"|(?:{'|'.join(_STREET_DIRECTIONS)})[ \t]+(?:{'|'.join(s.capitalize() for s in _STREET_SUFFIXES if s.endswith(('n', 't')))}))"
    r"(?![\wåäö])")


# The word right before a street's compound name, read as a first name ("Tage Erlandergatan").
_FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w-])(?P<name>[A-ZÅÄÖ][a-zåäöé]+)[ \t]$")


# A railway or a link road named as such (a road is a place; the guide's annotators tag railways so too):
# "Ostkustbanan", "Nya Ekbybanan", "Ekbylänken", "Södra stambanan"; a compound alone not where a sentence
# opens, whose first word is capitalised anyway ("Cykelbanan byggs").
_LINE_RE = re.compile(
    r"(?<![\w-])(?:(?:(?:Nya|Norra|Södra|Östra|Västra)[ \t]+)?(?P<compound>[A-ZÅÄÖ][a-zåäö]{2,}(?:banan|länken))"
    r"|(?:Norra|Södra|Östra|Västra)[ \t]+stambanan)s?(?![\wåäö-])")
# A river named with the word "älv" ("Göta älv", "Lule älvs dalgång"), or a canal with "kanal" ("Ekby kanal",
# "Norrby kanals sjösystem"; 3 of 3 in the real sets): the name and the word are one place.
_RIVER_RE = re.compile(r"(?<![\w-])[A-ZÅÄÖ][a-zåäö]{2,}[ \t]+(?:älv|kanal)s?(?![\wåäö-])")
# A property designation (fastighetsbeteckning: district, block and unit) is a place (convention 29):
# "Haparanda 3:33", "Kolla 5:6", also in capitals in a plan's title ("DETALJPLAN FÖR EKBACKEN 5:2"). Not a document
# number ("SFS 2018:1197", "Ds 1995:57": a year first, or a short series name) nor a Bible verse ("Joh 4:34").
# A range of units is one designation ("Ekbacken 1:86-1:120", "Ekbacken 31:27-34": 3 of 3 in the real sets).
_PROPERTY_RE = re.compile(
    r"(?<![\w/:.-])(?:[Ff]astighet(?:en|erna)?[ \t])?"
    rf"(?P<name>(?:(?:{'|'.join(_STREET_DIRECTIONS)})[ \t])?[A-ZÅÄÖ](?:[a-zåäö]{{3,}}|[A-ZÅÄÖ]{{3,}}))[ \t]"
    r"(?P<number>(?!1[89]\d\d:|20\d\d:)\d{1,4}:\d{1,4})(?:-\d{1,4}(?::\d{1,4})?)?(?![\w:/-])")
# ... and a block's unit with a number alone, where a planning case names it: after the plan or permit's word
# ("detaljplan Ekbacken 3", "Detaljplan för Ekudden 7") or before it, as an agenda's case title ("Ekbacken 3,
# bygglov", "Ekudden 6, ansökan om planbesked"; m-v484, m-v499, m-v508).
_PLANNING_CASES = r"(?:detaljplan|planbesked|bygglov|förhandsbesked|rivningslov|marklov|strandskyddsdispens)"
# The shape of a block's unit with its number alone; after the plan's word, a block's name may have two words
# ("detaljplan för Vita Ekorren 7", m-v779).
_BLOCK_UNIT = r"[A-ZÅÄÖ][a-zåäö]{3,}[ \t]+\d{1,3}"
_NAMED_BLOCK_UNIT = rf"(?:[A-ZÅÄÖ][a-zåäö]{{2,}}[ \t]+)?{_BLOCK_UNIT}"
_PLANNING_PROPERTY_RE = re.compile(
    # ... also a part of it, and the plan's proposal ("detaljplan för del av Ekbacken 14", "detaljplaneförslag för
    # Ekudden 1"; m-v668, m-v690)
    rf"(?i:{_PLANNING_CASES}(?:en|eförslag(?:et)?)?[ \t]+(?:för[ \t]+)?(?:del[ \t]+av[ \t]+)?)"
    rf"(?P<after_case>{_NAMED_BLOCK_UNIT})(?![\w/-]|[.:,]\d)"
    rf"|(?<![\w-])(?P<case_title>{_BLOCK_UNIT}),[ \t]+"
    rf"(?=(?:ansökan om[ \t]+)?(?:{_PLANNING_CASES}|rivnings-|nybyggnad|tillbyggnad))")
# ... as the two patterns above find it.
_BLOCK_UNIT_RE = re.compile(_NAMED_BLOCK_UNIT)
# Words that number a document's parts, not a property ("Kapitel 5", "Bilaga 2").
_NUMBERED_WORDS = frozenset(("kapitel", "bilaga", "bilagor", "punkt", "paragraf", "sida", "avsnitt", "etapp", "steg",
                             "fas", "del", "ärende", "kl", "klockan", "tabell", "figur", "nummer", "nr", "rum", "sal"))
# The next units of a list that opens with a property designation or after "fastigheterna" ("fastigheterna Ekbo 9,
# Ekbo 10, Eken 10 och Ekås 25", "mellan Ekby 2:1, Ekbo 1 och Ekbo 2": 10 such units in the real sets m-v521 …
# m-v690, all tagged).
_LISTED_UNIT_RE = re.compile(
    r"(?:,[ \t]*|[ \t]+(?:och|samt)[ \t]+)(?P<unit>(?P<name>[A-ZÅÄÖ][a-zåäö]{3,})[ \t]+\d{1,4}(?::\d{1,4})?"
    # ... or a designation's number alone ("Ekbo 4:4 och 4:1", "Ekby 1:55, 1:103 samt 1:27": 6 of 6; convention 87)
    r"|\d{1,4}:\d{1,4})(?![\w:/-]|[.,]\d)")
# A property or a city block named after its noun, with or without its number: "fastigheten Sjömannen 5",
# "Fastigheten Ekby Näs 2:65" (a district's name of two words),
# "kvarteret Smultronet", "Kommunhuskvarteret Solberga" (convention 29: the name and number are the place).
_BLOCK_NOUN_RE = re.compile(r"[Ff]astighet(?:en|erna)|[\wåäöÅÄÖ]*[Kk]varteret")
_BLOCK_RE = re.compile(
    rf"(?<![\w-])(?:{_BLOCK_NOUN_RE.pattern})[ \t]+(?P<name>[A-ZÅÄÖ][a-zåäö]{{2,}}(?:[ \t]+[A-ZÅÄÖ][a-zåäö]{{2,}})?"
    r"(?:[ \t]+\d{1,4}(?::\d{1,4})?(?![\d:]))?)"
    r"(?![\wåäö:])")
# Words that make a place's part one place with its name ("Våxnäs centrum", "Tullinge strand").
# "Västerås city", "Ekbys centralort", a village, a parish or district, an area by its use ("Tysslinge by", "Trönö
# distrikt", "Ekby stationsområde"; every such place in the real sets was tagged with its noun)
# ... and a street's word after a name ner read as the place ("Skrivarens väg", "Tuna torg": every such street in the
# real sets was tagged whole; m-v562), not a known place's way ("Ekbys väg framåt", "Italiens väg mot", in klintan)
_STREET_WORDS_AFTER_PLACE = frozenset(("väg", "gata", "gränd", "torg", "allé"))
_DISTRICT_WORDS = frozenset(("centrum", "strand", "city", "centralort", "tätort", "by", "distrikt", "socken",
                             "samhälle",  # "Ekby samhälle": 7 of 7 (m-v551 … m-v668)
                             "köping",
                             "industripark")) | _STREET_WORDS_AFTER_PLACE  # "Ekby industripark": 2 of 2 (m-v806)
# ... and an area by its use, in one compound ("Ekby stationsområde", "Ekby industriområde", "Ekbys
# vattenskyddsområde", "Ekbys företagsområde": 17 of 17 such in the real sets were tagged with the place; not a school's or an
# organisation's district, "Ekby rektorsområde", "Ekby lokalpolisområde")
_LAND_USE_AREA_RE = re.compile(r"(?:stations|handels|industri|fritids|fritidshus|frilufts|idrotts|fiskevårds|"
                               r"vattenskydds|natur|rekreations|bostads|villa|del|företags|logistik)område")
# ... and a park, alone or in one compound ("Ekby park", "Ekby stadspark", "Ekby hembygdspark": 5 of 5 such in the
# real sets m-v824 … m-v902 were tagged with the place; ner tags the place alone)
_PARK_RE = re.compile(r"[a-zåäö]*park")
# A direction or size word with a capital right before a place is its name's (``Gamla Ekby``, ``Norra Ekbacken``:
# 20 of 20 such places in the real sets m-v824 … m-v902 were tagged with it; ner tags the place alone in 2).
_NAME_ADJECTIVES = DIRECTION_WORDS | frozenset(("Gamla", "Nya", "Stora", "Lilla", "Övre", "Nedre"))
# A generic facility named by a compound of ordinary words, or an association opening with its noun, before "i" and
# its place is one `ORG` with it ("Naturbruksgymnasiet i Ekby", "Simhallen i Ekby", "Föreningen Ekgarveriet i
# Ekby": 38 of 39 such names in the real sets m-v824 … m-v926 tagged whole; a facility's own name stands apart
# from its place, "Ekbyskolan i Norrby").
_GENERIC_FACILITY_HEADS = ("gymnasiet", "hallen", "huset", "akademin", "museet", "mottagningen", "forum", "centrum",
                           "skolan", "centralen", "gården", "biblioteket", "stationen", "lasarettet", "sjukhuset",
                           "teatern", "kontoret")
_ASSOCIATION_NOUNS = frozenset(("Föreningen", "föreningen"))
# An area named in one word after a name: "Ekbackaområdet" (PlaceNames.areas checks the name is no ordinary word).
_NAMED_AREA_RE = re.compile(r"(?<![\w-])(?P<first>[A-ZÅÄÖ][a-zåäö]+)området(?![\wåäö-])")
# A road's number is a place of its own after another place: "bron över Ekån väg 512" is two (m-v183).
_ROAD_NOUNS = frozenset(("väg", "riksväg", "länsväg"))
_ROAD_NUMBER_WORD_IDS = frozenset(get_string_id(w) for word in _ROAD_NOUNS for w in (word, word.capitalize()))
# The capitalised word right before a property's name (its municipality or locality: "Uppsala Kåbo 1:1").
_WORD_BEFORE_RE = re.compile(r"(?<![\w-])([A-ZÅÄÖ][a-zåäö]+)[ \t]$")
# A clock time after a place or a field label is no property: "i Kristianstad 13:00", "Kl 19:00".
_CLOCK_RE = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_TIME_WORDS = frozenset(("kl", "klockan", "tid", "tiden", "bilaga"))  # and an appendix's number ("Bilaga 6:1")
# The ends of a document's kind in one compound ("Kulturprogram", "Delårsrapport 1:2021": a document and its
# number, no property designation; svpol_not_entities drops such titles read as names)
DOCUMENT_KINDS = ("program", "programmet", "policy", "policyn", "strategi", "strategin", "rapport", "rapporten")
# ... but a plan's or property's words before it make a clock-like number the property's: "Detaljplan för
# Hjärup 21:38", "del av Ekby 12:30".
_PROPERTY_CONTEXT_RE = re.compile(r"(?:[Pp]lan|[Dd]el av|[Ff]astighet(?:en|erna)?)[ \t]+(?:för[ \t]+)?(?:del av[ \t]+)?$")


# A place written in capitals, as a letterhead's postal address, a dateline or a plan's title writes it ("791 83 EKBY",
# "EKBY: Höjd avgift", "I NORRBY EKBY KOMMUN"; 10 of 10 such names in the real sets were tagged LOC, with a county's
# "LÄN" after it), but not its municipality's organisation ("EKBY KOMMUN", see svpol_entity_rules) nor a company or
# a heading written in capitals after it ("EKBY ENERGI AB", "EKBY BRUNN (EBAB)").
_CAPITALS_PLACE_RE = re.compile(
    r"(?<![\wÅÄÖåäö-])(?P<name>[A-ZÅÄÖ]{4,})(?:[ \t]+LÄN)?(?![\wÅÄÖåäö-])"
    r"(?![ \t]+(?:KOMMUN|STAD|REGION|LANDSTING|[A-ZÅÄÖ&]{2,}[ \t]+(?:[A-ZÅÄÖ&]+[ \t]+)*(?:AB(?![\wÅÄÖåäö])|\()))")


def default_names() -> List[str]:
    """``resources/places.txt``, ``resources/localities.txt`` and the knowledge base's unambiguous municipality
    names."""
    municipalities = shipped_authorities().municipality_names
    return (resource_names("places.txt") + resource_names("localities.txt")
            + [m for m in municipalities if m not in _AMBIGUOUS_MUNICIPALITIES])


@lru_cache(maxsize=1)
def _shipped_places() -> FrozenSet[str]:
    return frozenset(default_names()) | municipality_names()


@lru_cache(maxsize=1)
def municipality_names() -> FrozenSet[str]:
    """The knowledge base's municipality names (``Karlskoga``, also ``Nora``, which is a first name too)."""
    return frozenset(shipped_authorities().municipality_names)


def is_place(name: str) -> bool:
    """Whether ``name``, also as a genitive, is a shipped place, locality or municipality ("Gotland", "Bodens")."""
    return name in _shipped_places() or (name.endswith("s") and name[:-1] in _shipped_places())


def _orths(doc: Doc) -> FrozenSet[int]:
    """The ORTH ids of the tokens of ``doc``."""
    return frozenset(doc.to_array(ORTH).tolist())


def _sentence_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` starts a sentence or a line (judged from the text: no parser needed)."""
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in _SENTENCE_END or prev.is_space or "\n" in prev.whitespace_ or prev.text in "-–•*"


def _is_deed_done(words: List[str]) -> bool:
    """Whether ``words`` (lower case, after a perfect auxiliary) open with the supine of a deed, maybe after an
    adverb: "(har) tagit", "(har) visserligen startat"; not what became of a place ("(har) vuxit")."""
    if words and words[0] in _ADVERBS_BEFORE_VERB:
        words = words[1:]
    return bool(words) and words[0] not in _NOT_DEEDS and bool(_SUPINE_RE.fullmatch(words[0]))


def _is_official(word: str) -> bool:
    """Whether ``word`` (lower case) is an official's or politician's title ("ekonomichef", "kommunalråd")."""
    return bool(ROLE_RE.fullmatch(word) or _MORE_OFFICIALS_RE.fullmatch(word))


# What a municipality shall be as an organisation: "Ekby kommun ska vara medlem i ..." (m-v687).
_MEMBERSHIP = frozenset(("medlem", "delägare", "huvudman", "ägare"))


def _shall_become(words: Sequence[str]) -> bool:
    """Whether the lower-case ``words`` after a municipality say what it shall be or become ("ska växa"), not
    what it shall be as an organisation ("ska vara medlem")."""
    return (len(words) >= 2 and words[0] in _MODALS and words[1] in _BECOMING
            and (len(words) < 3 or words[2] not in _MEMBERSHIP))


def _is_the_place(doc: Doc, ent: Span) -> bool:
    """Whether the municipality ``ent`` is named as the place: the whole of it, its people, or what it shall be or
    become (see ``_WHOLE_BEFORE``)."""
    if not (_MUNICIPALITY_GENITIVE_RE.fullmatch(ent.text) or is_municipality_or_genitive(ent.text)):
        return False
    after = [t.lower_ for t in doc[ent.end:ent.end + 3]]
    # its people after "med" and a number: "Ekby kommun med sina drygt 9 000 invånare"
    people_with = after[:1] == ["med"] and any(t.lower_ in _PLACE_NOUNS_AFTER for t in doc[ent.end + 2:ent.end + 6])
    return ((ent.start > 0 and doc[ent.start - 1].lower_ == _WHOLE_BEFORE)
            or (bool(after) and after[0] in _PLACE_NOUNS_AFTER) or people_with or _shall_become(after)
            or (len(after) > 1 and after[0] in _ALL_OF and after[1] in _PLACE_NOUNS_AFTER))


def _listed_as_bodies(doc: Doc, last: int, end: int) -> bool:
    """Whether the list of municipalities whose last name starts at token ``last`` and whose "kommuner" is token
    ``end`` names them as organisations: not after a place's preposition, nor as what something includes ("ingår")
    or what they shall be (the reading of 34 of the 35 such lists in the real sets m-v175 … m-v399)."""
    first = last
    while first >= 2 and doc[first - 1].lower_ in ("och", "samt", ",") and doc[first - 2].is_title:
        first -= 2
        while first >= 1 and doc[first - 1].is_title and doc[first - 1].text not in ("I", "Inom"):
            first -= 1  # a name of two words ("Östra Göinge")
    before = doc[first - 1].lower_ if first > 0 else ""
    after = [t.lower_ for t in doc[end + 1:end + 3]]
    return (before not in ("i", "inom", "på", "från", "vid") and "ingår" not in after
            and "ingår" not in (t.lower_ for t in doc[max(0, first - 2):first]) and not _shall_become(after))


def _employs(doc: Doc, start: int) -> bool:
    """Whether the municipality at token ``start`` follows an official's title and ``i/på/vid/hos``
    ("säkerhetschef på Södertälje kommun"), also with the field of the post between them ("chef för grundskolan i
    Ekby kommun", "samordnare för det brottsförebyggande arbetet i Ekby kommun"; 3 of 3 such mentions in the real
    sets tagged AUTHORITY): the organisation they work for."""
    if start < 2 or doc[start - 1].lower_ not in _EMPLOYER_PREPOSITIONS:
        return False
    if _is_official(doc[start - 2].lower_):
        return True
    # back over the field's lower-case words to "för" or "inom" right after the title
    for i in range(start - 2, max(0, start - 9), -1):
        word = doc[i]
        if word.lower_ in ("för", "inom"):
            return i > 0 and _is_official(doc[i - 1].lower_)
        if not (word.is_lower and word.is_alpha):
            return False
    return False


def _split_places(doc: Doc, split_at: Callable[[Span], Optional[int]], label: str = LABEL) -> None:
    """Split each ``label`` entity of ``doc`` in two where ``split_at`` gives the token (within the entity) that opens
    the place after it (the first part keeps the label); the doc's entities are set only when one was split."""
    ents = list(doc.ents)
    parts = []
    for e in ents:
        at = split_at(e) if e.label_ == label else None
        if at is not None:
            parts += [Span(doc, e.start, e.start + at, e.label_), Span(doc, e.start + at, e.end, LABEL)]
        else:
            parts.append(e)
    if len(parts) > len(ents):
        doc.ents = parts


def _in_longer_name(doc: Doc, span: Span) -> bool:
    """Whether the words around ``span`` suggest that it is part of a longer name."""
    if span.start > 0 and not _sentence_start(doc, span.start):
        before = doc[span.start - 1]
        if before.is_title and before.is_alpha and not _sentence_start(doc, span.start - 1):
            return True
    if span.end == len(doc):
        return False
    after = doc[span.end]
    if after.ent_iob_ == "B" and after.ent_type_ == "PERSON":
        return False  # a member list's municipality before each member: "Ekby Anna Berg (M)" (convention 38)
    # a form's next label is no part of the name: "Kommunkansliet, Vilhelmina Underskrift", "Kungsängen Telefon"
    # ... but not the plural after a list: "Arboga och Kungsörs kommuner" names two municipalities (m-v490)
    return (after.is_title and after.is_alpha and not is_form_word(after)) or (
        after.lower_.startswith(_BODY_NOUN_STEMS) and after.lower_ not in _MUNICIPALITIES_PLURAL)


class PlaceNames(NameList):
    """Tag listed places as LOC where no longer name contains them."""

    label = LABEL

    def __init__(self, nlp: Language, name: str, names: Optional[Sequence[str]] = None,
                 rules_key: str = DEFAULT_SPANS_KEY) -> None:
        """Create the component.

        Args:
            nlp: the pipeline (its tokenizer builds the name patterns).
            name: the component name.
            names: place names as written; None for :func:`default_names`.
            rules_key: the ``doc.spans`` key of the rule entities that a match never touches.
        """
        super().__init__(nlp, name, default_names() if names is None else list(names), rules_key)

    def set_names(self, names: Sequence[str]) -> None:
        """Replace the names (as written)."""
        super().set_names(names)
        self._name_set: Optional[FrozenSet[str]] = None  # the names as a set, built on first use

    def shipped_names(self) -> List[str]:
        """:func:`default_names`."""
        return default_names()

    def roads(self, doc: Doc, orths: Optional[FrozenSet[int]] = None) -> List[Span]:
        """Numbered roads in ``doc`` (where they fit token boundaries); ``orths``: its tokens' ORTH ids."""
        if _ROAD_WORD_IDS.isdisjoint(_orths(doc) if orths is None else orths):
            return []  # no road word: nothing to search
        spans = (doc.char_span(m.start(), m.end(), label=LABEL) for m in _ROAD_RE.finditer(doc_text(doc)))
        return [span for span in spans if span is not None]

    def areas(self, doc: Doc, text: str) -> List[Span]:
        """Areas named in one word with ``-området`` after a name (``Ekbackaområdet``, ``Sigfridsområdet``: 15 of 15
        in the real sets were tagged ``LOC``; m-v571), not after an ordinary word (``Planområdet``,
        ``Verksamhetsområdet``, ``Aktivitetsområdet``: none tagged); ``text`` is ``doc.text``."""
        if "området" not in text:
            return []
        has_vector = self.nlp.vocab.has_vector
        spans = []
        for m in _NAMED_AREA_RE.finditer(text):
            first = m.group("first").lower()
            if has_vector(first) or (first.endswith("s") and has_vector(first[:-1])) or has_vector(m.group().lower()):
                continue
            span = doc.char_span(m.start(), m.end(), label=LABEL)
            if span is not None:
                spans.append(span)
        return spans

    def properties(self, doc: Doc, text: str) -> List[Span]:
        """Property designations and named blocks in ``doc`` (``text`` is ``doc.text``), not clock times.
        A designation written after its municipality or locality holds it (``Uppsala Kåbo 1:1``)."""
        spans = []
        if ":" in text:
            for m in _PROPERTY_RE.finditer(text):
                if m.group("name").lower() in _TIME_WORDS or m.group("name").lower().endswith(DOCUMENT_KINDS):
                    continue
                start = self._with_place_before(text, m.start("name"))
                if not _CLOCK_RE.fullmatch(m.group("number")) or _PROPERTY_CONTEXT_RE.search(
                        text, max(0, start - 30), start):
                    spans.append(doc.char_span(start, m.end(), label=LABEL))
        if any(word in text for word in ("plan", "lov", "besked", "dispens")):
            for m in _PLANNING_PROPERTY_RE.finditer(text):
                unit = "after_case" if m.group("after_case") else "case_title"
                spans.append(doc.char_span(m.start(unit), m.end(unit), label=LABEL))
        if "astighet" in text or "varteret" in text:
            # "Kvarteret" capitalised is the block's name's own word ("Kvarteret Ekorren": 3 of 3 such in the real sets
            # were tagged whole, 12 of 12 after "kvarteret" in lower case were the name alone; m-v610 … m-v709)
            spans += [doc.char_span(m.start() if m.group().startswith("Kvarteret") else m.start("name"), m.end("name"),
                                    label=LABEL) for m in _BLOCK_RE.finditer(text)]
        spans = [span for span in spans if span is not None]
        return spans + self._listed_units(doc, text, spans)

    @staticmethod
    def _listed_units(doc: Doc, text: str, properties: List[Span]) -> List[Span]:
        """The units listed right after a property designation or a block after "fastigheterna"
        (``_LISTED_UNIT_RE``), up to a document's numbered part ("Ekås 1:2 och Bilaga 5")."""
        units = []
        for span in properties:
            if ":" not in span.text and not text[:span.start_char].rstrip().endswith("fastigheterna"):
                continue
            m = _LISTED_UNIT_RE.match(text, span.end_char)
            while m is not None and (m.group("name") or "").lower() not in _NUMBERED_WORDS:
                units.append(doc.char_span(m.start("unit"), m.end("unit"), label=LABEL))
                m = _LISTED_UNIT_RE.match(text, m.end())
        return [unit for unit in units if unit is not None]

    def places_written_in_capitals(self, doc: Doc, text: str) -> List[Span]:
        """Municipalities, localities and listed places written in capitals, alone or as a county with ``LÄN``."""
        spans = []
        for m in _CAPITALS_PLACE_RE.finditer(text):
            name = m.group("name").title()
            if name in _shipped_places():
                spans.append(doc.char_span(m.start(), m.end(), label=LABEL))
        return [span for span in spans if span is not None]

    def _with_place_before(self, text: str, start: int) -> int:
        """Where a property designation that starts at ``start`` begins: at a listed place right before it."""
        before = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
        if before is None:
            return start
        if self._name_set is None:
            self._name_set = frozenset(self.names)
        word = before.group(1)
        # also a municipality's genitive: "Ekbys Prästgård 1:2"
        return before.start() if word in self._name_set or (word.endswith("s") and word[:-1] in self._name_set) else start

    def streets(self, doc: Doc, text: str) -> List[Span]:
        """Street addresses in ``doc`` (``text`` is ``doc.text``); a street name that is an ordinary
        word (``Motorvägen``: the vectors know it in lower case) only with a house number."""
        if not any(word in text for word in _STREET_TRIGGERS):
            return []
        spans = []
        for m in _STREET_RE.finditer(text):
            if m.group("compound") and not m.group("number") and self.nlp.vocab.has_vector(m.group("compound").lower()):
                continue
            if m.group("person") and not m.group("surname").endswith("s") and not is_first_name(m.group("person")):
                continue
            start = m.start()
            before = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 20), start) if m.group("compound") else None
            if before and is_first_name(before.group("name")):
                start = before.start("name")  # a street named after a person: "Tage Erlandergatan"
            # the street without its number where the tokenizer joined the number to the postcode after it
            # ("Ekgatan 1 123 45 Ekby" holds the token "1 123")
            span = doc.char_span(start, m.end(), label=LABEL, alignment_mode="contract")
            if span is not None:
                spans.append(span)
        return spans

    def lines(self, doc: Doc, text: str) -> List[Span]:
        """Railways, link roads, rivers and canals in ``doc`` named as such (``text`` is ``doc.text``; see ``_LINE_RE``,
        ``_RIVER_RE``)."""
        spans = []
        if " älv" in text or " kanal" in text:
            spans += [span for span in (doc.char_span(m.start(), m.end(), label=LABEL) for m in _RIVER_RE.finditer(text))
                      if span is not None]
        if "banan" not in text and "länken" not in text:
            return spans
        for m in _LINE_RE.finditer(text):
            span = doc.char_span(m.start(), m.end(), label=LABEL)
            if span is not None and not (m.start() == m.start("compound") and _sentence_start(doc, span.start)):
                spans.append(span)
        return spans

    def municipalities_as_places(self, doc: Doc, orths: FrozenSet[int]) -> None:
        """Relabel ``i/inom <Ort> kommun/stad`` from AUTHORITY to LOC, in the entities and the rule entities.

        ``orths`` are the ORTH ids of the tokens of ``doc``: most texts name no municipality, and the
        words spare them a walk over ``doc.ents``.
        """
        if _MUNICIPALITY_WORD_IDS.isdisjoint(orths) and _PLACE_CUE_IDS.isdisjoint(orths):
            return
        places = {(e.start, e.end) for e in doc.ents if e.label_ == "AUTHORITY" and (
            (e.start > 0 and doc[e.start - 1].lower_ in _PLACE_PREPOSITIONS and _MUNICIPALITY_RE.fullmatch(e.text)
             and not _employs(doc, e.start)) or _is_the_place(doc, e))}
        if not places:
            return

        self._replace(doc, {extent: Span(doc, *extent, LABEL) for extent in places})

    def places_in_capitals(self, doc: Doc) -> None:
        """Relabel a place written in capitals alone from AUTHORITY to LOC: a news item's dateline ("SKÅNE."), a
        table's row ("KUMLA 5"); every such name in the real sets was the place. (A municipality's heading with
        ``KOMMUN`` is its organisation, see ``svpol_entity_rules``.)"""
        places = {(e.start, e.end) for e in doc.ents if e.label_ == "AUTHORITY" and len(e) == 1 and e.text.isupper()
                  and len(e.text) > 2 and is_place(e.text.title())}
        if places:
            self._replace(doc, {extent: Span(doc, *extent, LABEL) for extent in places})

    def range_partners(self, doc: Doc) -> None:
        """Make a municipality joined to a place by a dash or slash without spaces a place too (``Karlskoga-Nora``,
        ``Falun–Mora``: ``Nora`` and ``Mora`` are first names as well, and the model reads them as persons there)."""
        municipalities = municipality_names()
        starts = {e.start: e for e in doc.ents}
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        relabelled: Dict[Tuple[int, int], Span] = {}
        added: List[Span] = []
        for token in doc[1:-1]:
            if token.text not in _RANGE_JOINERS or token.whitespace_ or doc[token.i - 1].whitespace_:
                continue
            for place_at, at in ((token.i - 1, token.i + 1), (token.i + 1, token.i - 1)):
                place, partner = starts.get(place_at), starts.get(at)
                if place is None or place.label_ != LABEL or len(place) != 1 or doc[at].text not in municipalities:
                    continue
                if partner is not None and len(partner) == 1 and partner.label_ == "PERSON":
                    relabelled[(at, at + 1)] = Span(doc, at, at + 1, LABEL)
                elif at not in covered:
                    added.append(Span(doc, at, at + 1, LABEL))
                    covered.add(at)
        if relabelled:
            self._replace(doc, relabelled)
        if added:
            doc.ents = sorted([*doc.ents, *added], key=lambda span: span.start)

    def municipalities_as_bodies(self, doc: Doc) -> None:
        """Relabel a municipality that acts, owns or is governed from LOC to AUTHORITY (see
        ``_ACTING_VERBS``), with ``kommun``/``stad`` right after it joining the span."""
        changed: Dict[Tuple[int, int], Span] = {}
        # the places left (their extent, their span with "kommun"/"stad" after them joined, whether they may be a
        # subject)
        municipalities: List[Tuple[Tuple[int, int], Span, bool]] = []
        lists: Set[int] = set()  # where the municipalities listed before "kommuner" start
        for ent in doc.ents:
            # ner reads a municipality's genitive before a title as a company now and then ("Ystads kommunalråd")
            if not ent.text[:1].isupper() or not (ent.label_ == LABEL or (
                    ent.label_ == "ORG" and len(ent) == 1 and ent.end < len(doc) and _is_official(doc[ent.end].lower_))):
                continue
            if ent.start > 1 and doc[ent.start - 1].text in _DASHES and not doc[ent.start - 2].whitespace_ \
                    and not doc[ent.start - 1].whitespace_:
                continue  # the end of a range is no subject: "järnvägen Karlstad-Göteborg skall läggas ned"
            end = ent.end
            if end < len(doc) and doc[end].lower_ in ("kommun", "stad", "kommuns", "stads") and ent.end - ent.start == 1:
                end += 1
            name = re.sub(r"(?: (?:kommun|stad)s?)$", "", doc[ent.start:end].text, flags=re.IGNORECASE)
            if is_municipality(name):
                # "Tranås" is its own genitive: such a name before a noun of its politics owns it too.
                genitive = False
                may_own = name.endswith("s")
            elif name.endswith("s") and is_municipality(name[:-1]):
                genitive = may_own = True
            else:
                continue
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if ent.start > 0 and doc[ent.start - 1].text.isupper():
                continue  # a party's local branch ("SD Östhammar har lämnat in en motion")
            after = [t.lower_ for t in doc[end:end + 3]]
            acts = (not genitive and before not in _NOT_SUBJECT_BEFORE and bool(after)
                    and not _shall_become(after)  # "Ekby ska växa"
                    and (after[0] in _ACTING_VERBS
                         or (after[0] in _ADVERBS_BEFORE_VERB and len(after) > 1 and after[1] in _ACTING_VERBS)
                         or (after[0] in _PERFECT_AUXILIARIES and _is_deed_done(after[1:]))))
            # the verb or auxiliary before its subject: "Minst får Ydre", "Hur har Skövde hanterat"
            acts = acts or (not genitive and (before in _INVERTED_VERBS or (
                before in _PERFECT_AUXILIARIES and bool(after) and after[0] not in _NOT_DEEDS
                and bool(_INVERTED_SUPINE_RE.fullmatch(after[0])))))
            owns = may_own and bool(after) and (any(word in _OWNED_NOUNS for word in after[:2])
                                                 or _is_official(after[0]))
            governed = not genitive and before in _GOVERNING_VERBS
            employs = doc[end - 1].lower_ in ("kommun", "stad") and _employs(doc, ent.start)
            # the last of a list before "kommuner" ("Tierp och Östhammars kommuner", "Ekby och Norrby kommuner har
            # beslutat"), not in a place's list ("i Ekby och Norrbys kommuner", "... kommuner i Värmland", "där Ekby
            # och Norrby kommuner ingår", "... kommuner ska vara trygga")
            listed = (bool(after) and after[0] in _MUNICIPALITIES_PLURAL and after[1:2] != ["i"] and ent.start > 0
                      and doc[ent.start - 1].lower_ in ("och", "samt", ",") and _listed_as_bodies(doc, ent.start, end))
            # "För Landskronas del innebär det ...", "För Nyköping handlar det om 25 miljoner": its finances
            for_its_part = ent.start > 0 and doc[ent.start - 1].text == "För" and bool(after) and (
                (may_own and after[0] == "del") or (not genitive and after[0] in _FOR_ITS_PART))
            if listed:
                lists.add(ent.start)
            if acts or owns or governed or employs or listed or for_its_part:
                changed[(ent.start, ent.end)] = Span(doc, ent.start, end, label="AUTHORITY")
            elif (ent.start >= 2 and doc[ent.start - 1].lower_ in ("och", ",")
                  and any(span.end == ent.start - 1 for span in changed.values())):
                # coordinated with one that acts: "får Norrköping och Linköping mest pengar"
                changed[(ent.start, ent.end)] = Span(doc, ent.start, end, label="AUTHORITY")
            else:
                municipalities.append(((ent.start, ent.end), Span(doc, ent.start, end, label="AUTHORITY"),
                                       before not in _NOT_SUBJECT_BEFORE))
        # ... and the ones before it: "Sala och Köping får", "Tierp och Östhammars kommuner" (a place after a
        # preposition only in such a list: "invånarna i Strömstad och Lysekil ska" keeps the place)
        starts = {span.start for span in changed.values()}
        for extent, span, subject in reversed(municipalities):
            if (span.end < len(doc) - 1 and doc[span.end].lower_ in ("och", ",")
                    and (span.end + 1 in lists or (subject and span.end + 1 in starts))):
                if span.end + 1 in lists:
                    lists.add(span.start)
                starts.add(span.start)
                changed[extent] = span
        if changed:
            self._replace(doc, changed)

    def _replace(self, doc: Doc, replacements: Dict[Tuple[int, int], Span]) -> None:
        """Replace the entity at each (start, end) of ``replacements`` by its new span, in the entities
        and the rule entities (a relabelled rule entity stays one, scored by the rules' precision); a
        new span that reaches further removes what it now covers."""
        taken = {i for span in replacements.values() for i in range(span.start, span.end)}

        def replaced(spans: Iterable[Span]) -> List[Span]:
            spans = list(spans)
            new = [replacements[(s.start, s.end)] for s in spans if (s.start, s.end) in replacements]
            kept = [s for s in spans if (s.start, s.end) not in replacements
                    and not any(i in taken for i in range(s.start, s.end))]
            return sorted(kept + new, key=lambda s: s.start)

        doc.ents = replaced(doc.ents)
        if self.rules_key in doc.spans:
            doc.spans[self.rules_key] = replaced(doc.spans[self.rules_key])

    def __call__(self, doc: Doc) -> Doc:
        orths = _orths(doc)
        self.municipalities_as_places(doc, orths)
        self.places_in_capitals(doc)
        listed = [span for span in self.listed(doc) if not _in_longer_name(doc, span)]
        text = doc_text(doc)
        addresses = (self.streets(doc, text) + self.properties(doc, text) + self.lines(doc, text)
                     + self.areas(doc, text) + self.places_written_in_capitals(doc, text))
        found = sorted(filter_spans(listed + self.roads(doc, orths) + addresses), key=lambda span: span.start)
        if found:
            doc = self.add_matches(doc, found)
        if addresses:
            self.towns_apart(doc, addresses)
        if _RANGE_JOINER_IDS & orths:
            self.range_partners(doc)
        self.municipalities_as_bodies(doc)
        if "\n" in text:
            self.kinds_after_a_line_break(doc)
        self.districts(doc)
        if " i " in text:
            self.facilities_in_places(doc)
        self.towns_after_names(doc)
        self.roads_apart(doc, orths)
        return doc

    def kinds_after_a_line_break(self, doc: Doc) -> None:
        """A place whose ``kommun``, ``stad`` or ``län`` a PDF's line break put on the next line is one span with it,
        as on one line (``Ekby\nkommun``, ``Ekby\nlän``; round 92: each such span was cut at the break): a
        county stays a place; a municipality is the body unless ``i`` puts it as a place (convention: ``i Ekby
        kommun``)."""
        joined = {}
        for ent in doc.ents:
            kind = ent.end + 1
            if not (ent.label_ == LABEL and len(ent) == 1 and kind < len(doc) and doc[ent.end].text == "\n"
                    and doc[kind].lower_ in _WRAPPED_KINDS):
                continue
            county = doc[kind].lower_.startswith("län")
            if not (county or is_municipality_or_genitive(ent.text)):
                continue
            place = county or (ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS)
            joined[(ent.start, ent.end)] = Span(doc, ent.start, kind + 1, LABEL if place else "AUTHORITY")
        if joined:
            self._replace(doc, joined)

    def districts(self, doc: Doc) -> None:
        """A place's centre, shore, village, district or park is one place with it: ``Våxnäs centrum``, ``Tullinge
        strand``, ``Tysslinge by``, ``Trönö distrikt``, ``Ekby stadspark``; so is the
        noun after a direction that ner read as the place alone (``Östra piren``, ``Norra hamnen``), and the direction
        or size word before a place (``Gamla Ekby``)."""
        extended = {}
        for e in doc.ents:
            if e.label_ != LABEL:
                continue
            start, end = e.start, e.end
            if end < len(doc) and ((
                    (doc[end].lower_ in _DISTRICT_WORDS or _LAND_USE_AREA_RE.fullmatch(doc[end].text)
                     or _PARK_RE.fullmatch(doc[end].text))
                    and not (doc[end].lower_ == "väg" and is_place(e.text))) or (
                    len(e) == 1 and e.text in DIRECTION_WORDS and doc[end].is_lower and doc[end].is_alpha
                    and len(doc[end]) > 2 and not doc[end].is_stop)):
                end += 1
            if start > 0 and doc[start - 1].text in _NAME_ADJECTIVES and not doc[start - 1].ent_type:
                start -= 1
            if (start, end) != (e.start, e.end):
                extended[(e.start, e.end)] = Span(doc, start, end, LABEL)
        if extended:
            self._replace(doc, extended)

    def _is_generic_facility(self, word: str) -> bool:
        """Whether ``word`` names a facility by its kind, in ordinary words: a facility's head after a first part
        the vectors know, bare or with its joining ``s``, or in two parts of four letters or more each
        (``Konstmuseet``, ``Naturbruksgymnasiet``), or the whole word's indefinite form (``Simhallen``); not a
        name's part (``Jacobsskolan``, ``Valbergsgården``)."""
        lower = word.lower()
        has_vector = self.nlp.vocab.has_vector

        def known(part: str) -> bool:
            return has_vector(part) or (len(part) > 3 and part.endswith("s") and has_vector(part[:-1]))

        for head in _GENERIC_FACILITY_HEADS:
            first = lower[:-len(head)]
            if lower.endswith(head) and len(first) >= 3 and (
                    known(first) or has_vector(lower[:-2])
                    or any(known(first[:cut]) and known(first[cut:]) for cut in range(4, len(first) - 3))):
                return True
        return False

    def facilities_in_places(self, doc: Doc) -> None:
        """A generic facility or an association before "i" and its place is one `ORG` with it (see
        ``_GENERIC_FACILITY_HEADS``)."""
        ents = list(doc.ents)
        joined = {}
        for facility, place in zip(ents, ents[1:]):
            if (facility.label_ == "ORG" and place.label_ == LABEL and place.start == facility.end + 1
                    and doc[facility.end].text == "i" and place[0].is_title
                    and ((len(facility) == 1 and self._is_generic_facility(facility.text))
                         or (len(facility) > 1 and facility[0].text in _ASSOCIATION_NOUNS))):
                joined[(facility.start, facility.end)] = Span(doc, facility.start, place.end, "ORG")
        if joined:
            self._replace(doc, joined)

    @staticmethod
    def towns_after_names(doc: Doc) -> None:
        """A list of signers, one to a line, each with their town after the name ("Namn Ort" / "Eva Ek Ekby" /
        "Bo Al Norrby"), is a person and a place on each line, where two lines or more are written so and the
        town is a listed place (ner reads each line as one person; m-v687)."""
        def on_own_line(span: Span) -> bool:
            starts = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
            return starts and (span.end == len(doc) or "\n" in span[-1].whitespace_ or "\n" in doc[span.end].text)

        signers = {e.start for e in doc.ents if e.label_ == "PERSON" and len(e) >= 3 and on_own_line(e)
                   and e[-1].is_title and is_place(e[-1].text) and all(t.is_title for t in e[:-1])}
        if len(signers) >= 2:
            _split_places(doc, lambda e: len(e) - 1 if e.start in signers else None, label="PERSON")

    @staticmethod
    def towns_apart(doc: Doc, addresses: List[Span]) -> None:
        """A street address read together with its town after it is two places: ``Kungsgatan 44`` and
        ``Ekby`` (m-v412); the town must be a listed place."""
        by_start = {span.start: span for span in addresses}

        def town_at(e: Span) -> Optional[int]:
            street = by_start.get(e.start)
            return (street.end - e.start if street is not None and street.end < e.end
                    and is_place(doc[street.end:e.end].text) else None)

        _split_places(doc, town_at)

    @staticmethod
    def roads_apart(doc: Doc, orths: FrozenSet[int]) -> None:
        """A place read together with a road's number after it is two places: ``Ekån`` and ``väg 512``
        (``orths``: the ORTH ids of the doc's tokens, see ``municipalities_as_places``)."""
        if _ROAD_NUMBER_WORD_IDS.isdisjoint(orths):
            return
        _split_places(doc, lambda e: next(
            (i for i in range(1, len(e) - 1) if e[i].lower_ in _ROAD_NOUNS and e[i + 1].like_num), None))

    def holds_rule_entity(self, span: Span, rule: Span) -> bool:
        """A property designation holds the organisation a rule read in its name (``Ekhem 3:1``, a housing
        company's shape; m-v357), and so does a block's unit with its number that a planning case or a property's
        noun names (``detaljplan för Ekhallen 1``, ``fastigheten Ekhallen 1``: a facility's shape; m-v649)."""
        return rule.label_ == "ORG" and rule.start == span.start and bool(
            _PROPERTY_RE.fullmatch(span.text) or _BLOCK_UNIT_RE.fullmatch(span.text))

    def yields_to(self, span: Span, overlapping: List[Span]) -> bool:
        """An entity reaching outside the match holds it (a longer name, but not one that starts with
        a property's noun: "Fastigheten Sjömannen", nor a person that ends in a property designation's name:
        "Exploateringsprojekt Ekby" before "Ekby 1:1"), and the model's own LOC keeps its score;
        entities inside the match are replaced."""
        designation = _PROPERTY_RE.fullmatch(span.text) is not None
        return any(((e.start < span.start and not _BLOCK_NOUN_RE.fullmatch(e[0].text)
                     and not (designation and e.label_ == "PERSON" and e.end <= span.end)) or e.end > span.end)
                   or (e.label_, e.start, e.end) == (LABEL, span.start, span.end) for e in overlapping)


@Language.factory(
    "svpol_place_names",
    assigns=["doc.ents", "doc.spans"],
    requires=["doc.ents"],
    default_config={"rules_key": DEFAULT_SPANS_KEY},
)
def make_place_names(nlp: Language, name: str, rules_key: str) -> PlaceNames:
    """Create the component with the shipped place names (see the module docstring)."""
    return PlaceNames(nlp, name, rules_key=rules_key)
