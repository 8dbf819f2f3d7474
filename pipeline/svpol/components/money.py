"""Money amounts: find them in text, parse them, and enrich MONEY entities.

``parse_money("0,6 mnkr")`` gives ``MoneyValue(amount=600000.0, currency="SEK",
unit="mnkr", amount_sek=600000.0)``. ``find_money(text)`` yields the character
spans of amounts (a number or quantity word followed by a currency or a money
unit); the rule component ``svpol.entity_rules`` uses it. The ``svpol.money``
component sets ``span._.amount_sek``, ``span._.currency`` and ``span._.unit`` on
every MONEY entity.

Amounts in other currencies keep their currency and get no ``amount_sek``:
exchange rates are not invented. Vague quantities ("flera tusen kronor") and
ranges ("2–3 miljoner kronor") have no amount but keep currency and unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterator, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..doc_cache import doc_text
from ..kb import check_entity_label, register_span_extensions, span_assigns
from ..labels import ENTITY_ATTRIBUTES, ENTITY_LABELS
from ..text import fold_case

MONEY_LABEL = "MONEY"
if MONEY_LABEL not in ENTITY_LABELS:  # pragma: no cover - guards a change of labels.py
    raise ImportError(f"svpol.labels has no {MONEY_LABEL} label")

# --------------------------------------------------------------------------- vocabulary
# Multipliers written as words or abbreviations between the number and the currency.
_MULTIPLIERS = {
    "hundra": 10**2, "tusen": 10**3,
    "miljon": 10**6, "miljoner": 10**6, "milj": 10**6, "mn": 10**6, "mio": 10**6,
    # misspellings met in real texts: "8,5 milionerna", "7 mijoner"
    "milion": 10**6, "milioner": 10**6, "mijoner": 10**6,
    "miljard": 10**9, "miljarder": 10**9, "mdr": 10**9, "md": 10**9, "mrd": 10**9,
}
# Currencies and units that carry both multiplier and currency (keys lower-case).
_UNITS = {
    "kr": ("SEK", 1), "kronor": ("SEK", 1), "kronorna": ("SEK", 1), "krona": ("SEK", 1), ":-": ("SEK", 1),
    # misspellings met in real protocols: "1,9 miljoner kornor", "5,2 miljoner konor"
    "kornor": ("SEK", 1), "konor": ("SEK", 1), "koronor": ("SEK", 1),
    # "13,5 miljarder skattekronor"; without millions the tax base of a rate ("22,50 kr per 100
    # skattekronor"), which find_money leaves out
    "skattekronor": ("SEK", 1),
    "öre": ("SEK", Decimal("0.01")),  # tax rates change by öre: "en skattehöjning på 30 öre"
    "tkr": ("SEK", 10**3), "kkr": ("SEK", 10**3), "tsek": ("SEK", 10**3), "mnkr": ("SEK", 10**6), "mkr": ("SEK", 10**6),
    # with the abbreviation's full stop: "13 m.kr", "2,8 M.kr", "450 t.kr"
    "m.kr": ("SEK", 10**6), "t.kr": ("SEK", 10**3),
    "mdkr": ("SEK", 10**9), "mdrkr": ("SEK", 10**9), "mrdkr": ("SEK", 10**9),
    "euro": ("EUR", 1), "€": ("EUR", 1),
    "dollar": ("USD", 1), "dollars": ("USD", 1), "us-dollar": ("USD", 1),
    "amerikanska dollar": ("USD", 1), "$": ("USD", 1),
    "pund": ("GBP", 1), "brittiska pund": ("GBP", 1), "£": ("GBP", 1),
    "norska kronor": ("NOK", 1), "danska kronor": ("DKK", 1),
}
# Codes matched only as written: "sek" is also short for seconds.
_CODES = {
    "SEK": ("SEK", 1), "TSEK": ("SEK", 10**3), "kSEK": ("SEK", 10**3), "MSEK": ("SEK", 10**6),
    "MnSEK": ("SEK", 10**6), "GSEK": ("SEK", 10**9), "MdSEK": ("SEK", 10**9),
    "EUR": ("EUR", 1), "USD": ("USD", 1), "GBP": ("GBP", 1), "NOK": ("NOK", 1), "DKK": ("DKK", 1),
}
_NUMBER_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
    "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100, "ett hundra": 100, "tusen": 1000,
    "en halv": Decimal("0.5"), "ett halvt": Decimal("0.5"), "halv": Decimal("0.5"),
    # a quarter, also in the genitive as speech has it: "en kvart miljard", "en kvarts miljard"
    "en kvart": Decimal("0.25"), "en kvarts": Decimal("0.25"),
}
# Quantity words: money, but no number.
_VAGUE = (
    "flera", "några", "många", "ett par", "ett antal", "hundratals", "tusentals", "tiotals",
    "miljontals", "miljardtals", "hundratusentals", "tiotusentals", "mångmiljon",
    "flera hundra", "några hundra", "ett par hundra",  # "flera hundra miljoner kronor"
)


def _alternation(words) -> str:
    """A regex alternation, longest first so that 'mnkr' wins over 'mn'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A number word and a half: "fyra och en halv miljon", "två och en halv miljarder kronor".
_WORD_NUMBER = rf"(?:{_alternation(_NUMBER_WORDS)})(?:\s+och\s+en\s+halv)?"


def _word_number(text: str) -> Decimal:
    """The value of a number written in words (``_WORD_NUMBER``)."""
    words = re.sub(r"\s+", " ", text.lower())
    if words.endswith(" och en halv"):
        return Decimal(_NUMBER_WORDS[words[:-len(" och en halv")]]) + Decimal("0.5")
    return Decimal(_NUMBER_WORDS[words])


# No sign: in "-5,3 mnkr" the minus says that a result or a change is negative; the amount of
# money is 5,3 mnkr (docs/annotation.md, convention 26).
_NUMBER = (
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"  # 1 200 000,50
    # a PDF's lost space: "2670 000 kronor"; not a year before an amount ("år 2019 500 kronor")
    r"|(?!(?:19|20)\d\d\D)\d{4}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.200.000
    # a decimal comma's lost or added space before millions ("11, 6 miljoner kronor", "142, 68 miljoner kronor";
    # m-v526; not a list's next item: "etapp 3, 39 mkr", "1991/92, 360 miljoner"), kronor and öre written with a
    # colon in tax rates ("22:25 kr")
    r"|(?:\d{1,3},[ ]\d|\d{2,3},[ ]\d{2})(?=[ \t]+(?i:milj|md|mrd|mn?kr\b))|\d{1,3}:\d{2}(?!\d)"
    r"|\d+(?:,\d+)?"  # 22,2
    r"|\d+\.\d{1,2}(?!\d)"  # 2.5 (English decimal point)
)
_CURRENCY = rf"(?-i:{_alternation(_CODES)})|" + _alternation(_UNITS).replace(r"\ ", r"\s+")
_MULT = _alternation(_MULTIPLIERS)
_QUANTITY = (
    rf"(?P<num>{_NUMBER})(?:\s*[–—-]\s*(?P<num2>{_NUMBER}))?"
    # a number in words stands apart from its unit: "Femöre" is a place, not five öre
    rf"|(?P<word>{_WORD_NUMBER})(?=\s)"
    rf"|(?P<vague>{_alternation(_VAGUE)})"
)
YEAR_RE = re.compile(r"(?:19|20)\d\d")
_YEAR_IN_TEXT_RE = re.compile(rf"(?<!\d){YEAR_RE.pattern}(?!\d)")  # a year among a text's figures
# Words between a number and its millions that say what sum it is: "16 nya miljarder", "en extra miljard".
_SUM_ADJECTIVES = ("nya", "extra", "ytterligare", "planerade", "budgeterade", "öronmärkta", "avsatta", "sparade")
MONEY_RE = re.compile(
    rf"(?<![\w.,])(?:{_QUANTITY})"
    # ... also with such a word: "åtta extra miljoner kronor" (m-v355)
    rf"(?:(?:\s+(?:{_alternation(_SUM_ADJECTIVES)})(?=\s))?\s*(?P<mult>{_MULT})\.?(?=\s))?"
    rf"\s*(?P<cur>{_CURRENCY})(?![\w$€£])"
    # currency sign before the number: "€ 10 miljoner", "$5"
    rf"|(?<![\w])(?P<pcur>[€$£])\s?(?P<pnum>{_NUMBER})(?:\s+(?P<pmult>{_MULT})(?!\w))?",
    re.IGNORECASE,
)


# Every amount holds a currency code as written, a currency sign, or a unit whose last
# word is among these in any case (multi-word units are matched across any whitespace).
def _shortest(markers) -> Tuple[str, ...]:
    """The markers that hold no other marker (finding "kr" is enough for "kronor")."""
    return tuple(sorted(m for m in set(markers) if not any(o != m and o in m for o in markers)))


_CODE_MARKERS = _shortest([*_CODES, "€", "$", "£"])
_UNIT_MARKERS = _shortest([unit.split()[-1] for unit in _UNITS])


def _may_hold_money(text: str) -> bool:
    """False when ``MONEY_RE`` cannot match ``text`` (no currency in it): a cheap test before the search."""
    if any(marker in text for marker in _CODE_MARKERS):
        return True
    lower = text.lower()
    return any(marker in lower for marker in _UNIT_MARKERS)


# ... and where there are units, a match ends in one before a character that is no word's: in lower case a unit's
# last word is found there without the slow case-insensitive search (most unit markers are parts of other words:
# "krav", "större").
_UNIT_END_RE = re.compile(rf"(?:{_alternation(sorted({unit.split()[-1].lower() for unit in _UNITS}))})(?![\w$€£])")


def _may_match_money_re(text: str) -> bool:
    """False when ``MONEY_RE`` cannot match ``text``: no currency code or sign in it, and no unit at a word's end
    (a text with İ, ı or ſ, which the pattern reads as i or s, is always searched)."""
    if any(marker in text for marker in _CODE_MARKERS):
        return True
    folded = fold_case(text)
    return folded is None or bool(_UNIT_END_RE.search(folded))


@dataclass(frozen=True)
class MoneyValue:
    """A parsed amount.

    Attributes:
        amount: the amount in its own currency, None for vague quantities and ranges.
        currency: ISO code ("SEK", "EUR", "USD", "GBP", "NOK", "DKK") or None.
        unit: the unit as written ("mnkr", "miljarder kronor", "kr").
        amount_sek: the amount in kronor for SEK amounts, else None.
    """

    amount: Optional[float]
    currency: Optional[str]
    unit: Optional[str]

    @property
    def amount_sek(self) -> Optional[float]:
        """The amount in kronor; None for another currency or no amount."""
        return self.amount if self.currency == "SEK" else None


NO_MONEY = MoneyValue(None, None, None)


_ORE = Decimal("0.01")


def _parse_number(text: str) -> Optional[Decimal]:
    text = re.sub(r"[ \u00a0\u202f]", "", text).replace(":", ",")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "")
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _unit(text: str) -> Tuple[str, int]:
    """Currency code and multiplier of a unit as written."""
    return _CODES.get(text) or _UNITS[re.sub(r"\s+", " ", text.lower())]


def _scale(base, mult_text: Optional[str]) -> Decimal:
    """A unit's size in its currency (``base``) times the multiplier written before it, if any."""
    return Decimal(base) * (_MULTIPLIERS[mult_text.lower()] if mult_text else 1)


def _written_unit(match: "re.Match[str]") -> Tuple[str, Decimal, str]:
    """Currency, scale and the unit as written, multiplier to currency, of a match with the groups
    ``mult`` (optional) and ``cur``."""
    currency, base = _unit(match.group("cur"))
    mult_text = match.group("mult")
    first = "mult" if mult_text else "cur"
    return currency, _scale(base, mult_text), re.sub(r"\s+", " ", match.string[match.start(first):match.end("cur")])


def _value(match: "re.Match[str]") -> MoneyValue:
    number: Optional[Decimal] = None
    if match.group("pcur"):
        currency, base = _unit(match.group("pcur"))
        mult_text = match.group("pmult")
        scale = _scale(base, mult_text)
        # The unit as written: the currency sign and multiplier.
        unit = " ".join(filter(None, (match.group("pcur"), mult_text)))
        number = _parse_number(match.group("pnum"))
    else:
        currency, scale, unit = _written_unit(match)
        if match.group("num") and not match.group("num2"):
            number = _parse_number(match.group("num"))
            if ":" in match.group("num") and scale == _ORE:
                # "21:12 öre per skattekrona" is a tax rate in kronor:öre, 21.12 kronor
                scale = Decimal(1)
        elif match.group("word"):
            number = _word_number(match.group("word"))
    amount = float(number * scale) if number is not None else None
    return MoneyValue(amount, currency, unit)


# A tax rate written in öre per skattekrona with a decimal comma is kronor, as one written with a colon is ("11,48
# öre per skattekrona" is 11.48 kronor; m-v552): a municipality's or region's rate is 5 to 40 kronor.
_PER_TAX_KRONA_RE = re.compile(r"[ \t]+per[ \t]+skattekrona\b", re.IGNORECASE)


def _as_tax_rate(text: str, start: int, end: int, value: MoneyValue) -> MoneyValue:
    """``value`` (of ``text[start:end]``), read as kronor where it is a rate's öre with decimals followed by "per
    skattekrona"; whole öre are a change of the rate ("höjs med 30 öre per skattekrona" is 0.30 kronor)."""
    if (value.unit == "öre" and value.amount is not None and 0.05 <= value.amount < 0.4 and "," in text[start:end]
            and _PER_TAX_KRONA_RE.match(text, end)):
        return MoneyValue(round(value.amount * 100, 2), value.currency, value.unit)
    return value


# An amount in millions or billions without a currency word ("anslaget höjs med 3 miljarder",
# "de återstående 200 miljonerna") is money where the sentence speaks of money. It must end the
# clause or be followed by a function word: "20 miljoner invånare" is a count.
_BARE_MULTIPLIERS = {**{w: _MULTIPLIERS[w] for w in ("miljon", "miljoner", "milj", "miljard", "miljarder", "mdr", "mrd",
                                                     "milioner", "mijoner")},
                     "miljonerna": 10**6, "miljarderna": 10**9, "milionerna": 10**6,
                     # the genitive before what the sum is ("100 miljoners förstärkning till äldrevården")
                     "miljoners": 10**6, "miljarders": 10**9,
                     # an extra sum in one word ("två extramiljoner"), a billion as thousands of millions
                     "extramiljon": 10**6, "extramiljoner": 10**6, "tusen miljoner": 10**9}
_BARE_FOLLOWERS = (
    "till", "för", "per", "om", "år", "under", "varav", "och", "i", "på", "från", "av", "mer", "mindre",
    "extra", "över", "samt", "som", "vilket", "men", "ska", "skall", "har", "kommer", "mellan", "inom",
    "årligen", "totalt", "netto", "jämfört", "eller", "medan", "när", "då", "kvar", "är", "var", "blir", "blev",
    "istället", "nästa", "mot", "plus", "minus", "gå", "går", "gick", "läggas", "används", "användas", "fördelas",
    "satsas", "tillförs", "sämre", "bättre", "högre", "lägre", "dyrare", "billigare", "större",
    "tillbaka", "står",  # "får 36 miljoner tillbaka", "av överdraget på 44,4 miljoner står ökade kostnader för"
    "ur",  # "ta 90 miljoner ur kommunens reserver"
    "förra", "handlar",  # "gick back med 13 miljoner förra året", "6,7 miljoner handlar om äldreomsorgen"
    # passive verbs of budgets: "19 miljoner förs över", "10 miljoner avsätts", "2 miljoner plockas bort"
    "förs", "avsätts", "avsättas", "plockas", "sparas", "läggs", "tas", "flyttas", "omfördelas", "beviljas",
    "budgeteras", "investeras", "återstår", "saknas", "räcker", "motsvarar", "betyder",
    # the amount as the object of the next clause: "de sex miljoner vi ville satsa"
    "vi", "ni", "man",
    # a deficit: "Kommunen ligger över 50 miljoner back"
    "back",
    # adverbs and modal verbs after the sum: "sätter av 120 miljoner nu", "en miljon behöver lämnas"
    "nu", "utan", "behöver", "kan", "måste", "skulle", "också", "även", "redan", "ytterligare", "vardera",
    "inklusive", "exklusive",
    # the clause goes on ("på dryga 500 miljoner så upptar de"), or the writer restates ("sju tusen miljoner alltså")
    "så", "alltså",
    "efter", "vid", "fram", "före", "inför", "enligt", "respektive", "vill", "ville", "ges", "gavs", "ovanpå",
    # the period the sum is for: "28 miljoner varje år", "nästan tre miljarder de kommande tre åren", "sedan 2014"
    "varje", "de", "den", "det", "sedan",
    # a comparison: "1,9 miljarder mer än", "3 miljarder än förra året"
    "än",
    # a budget's size and a sum decided on: "den sex miljarder stora budgeten", "19 miljoner ha klubbats",
    # "40 miljoner helt gripet ur luften"
    "stor", "stora", "ha", "helt",
    # a sum on top of another: "finansieras med 33 miljoner utöver Alliansens budget"
    "utöver",
    # what the sum is for, and a sum said to be enough alone: "finns 51 miljoner att investera", "spara 10-15
    # miljoner bara i socialtjänsten" (m-v442, m-v380)
    "att", "bara",
    # how the sum is saved or spent: "försvaga budgeten med 1,5 milj genom att behålla skolan" (m-v546)
    "genom",
    # a sum in all, and what it held: "får 4,5 miljoner sammanlagt", "ett överskott på 123 miljoner där 65 ..."
    "sammanlagt", "där",
)
BARE_MONEY_RE = re.compile(
    # not the decimals of "10, 5 miljoner" (a lost comma's space, or a list of numbers)
    # a range ("12–15 miljoner") has no amount; a year before a dash is a list item's, not a range's start
    rf"(?<![\w.,])(?<!\d,\s)(?:(?P<num>{_NUMBER})(?:(?<!19\d\d)(?<!20\d\d)\s*[–-]\s*(?P<num2>{_NUMBER}))?"
    rf"|(?i:(?P<word>{_WORD_NUMBER}))"
    rf"|(?i:(?P<vague>{_alternation(_VAGUE)})))\s+"
    rf"(?i:(?:{_alternation(_SUM_ADJECTIVES)})\s+)?"
    rf"(?P<mult>(?i:{_alternation(_BARE_MULTIPLIERS)}))"
    rf"(?=\s*(?:[.,;:!?)]|$)|[ \t]*\n|\s+(?:{_alternation(_BARE_FOLLOWERS)})\b|\s+(?:19|20)\d\d(?!\d)|\s+\(|\s+[–—]\s"
    # the line's end, as a heading's ("köper istider för två miljoner\n"),
    # the next sentence or a heading's end ("behöver spara 3,7 miljoner Vid nämndens möte"), the
    # definite form, which names sums already spoken of ("de här 20 miljonerna klara"), and the genitive
    # before its noun
    r"|\s+[A-ZÅÄÖ]|(?<=rna)|(?<=ers)(?=\s+[a-zåäö])"
    # a verb in the passive or a participle ("15 miljoner överförs", "23 miljoner fördelat"), not a
    # genitive of what is counted ("miljoner människors", "invånares", "års"). Such verbs also count
    # people and things ("4 miljoner drivits på flykt"): find_money asks for a money word in the
    # amount's own sentence.
    r"|(?P<verb>\s+[a-zåäö]{2,}s\b(?<![aeo]rs)(?<!års)(?<!es)|\s+[a-zåäö]{3,}(?:ade|at|ad|tt)\b))"
)
_MONEY_CONTEXT_RE = re.compile(
    r"kron|\bkr\b|anslag|budget|bonus|kostn|kosta|pengar|medel|bidrag|satsning|satsa|skatt|intäkt|finansi|"
    r"investera|investering|ramförslag|ersättning|avgift|stöd|spar|underskott|överskott|inkomst|utgift|\blån(?!g)|skuld|betala|"
    r"fond|lön|vinst|förlust|omsättning|tillskott|resurs|miljonbelopp|euro|dollar|resultat|neddragning|nedskär|"
    r"köpeskilling|\bköp|\bsåld|\bsälj|borgen|\bpris|\bhyr|belopp|kalkyl|tilldela|"
    # room in a budget: "ett ekonomiskt utrymme med ca 2,2 milj för ny verksamhet" (m-v517)
    r"ekonomiskt[ \t]+utrymme|"
    # a sum that strengthens a service: "förstärker miljötillsynen med 5 miljoner"
    r"stärk|tillför|"
    # a building's renovation: "3 miljoner för renovering av gymnasiet" (m-v551)
    r"renover|"
    # a forecast of a board's result: "Prognos 2007: Eksjö - totalt minus 6,5 miljoner", "pengen" (per pupil),
    # a result on the plus side: "Borträknat de tio miljoner hamnar nämnden ändå på plussidan"
    r"prognos|äska|förbruk|\bminus\b|pengen|föreslå|plussida|minussida|"
    # a sum set aside or granted, a budget's frame: "avsätta 14.5 miljoner", "en pott på 21 miljoner"
    r"avsätt|avsatt|anslå|överför|\bpott|\bram(?:en|ar|arna|ens)?\b|"
    # a loss, the subject may come between: "gick HVB Skogsgläntan back med 1,6 miljoner"
    r"\b(?:gick|går|gå)\b[^.!?]{0,40}\bback\b|"
    # a board's frame in a budget's list: "Socialnämnden – 209,6 miljoner, ökning med 9 miljoner"
    r"nämnden[ \t]+[–-][ \t]|fullmäktige[ \t]+[–-][ \t]|\bökning[ \t]+med\b",
    re.IGNORECASE,
)
_CONTEXT_CHARS = 200  # how far around a bare amount its sentence is searched for money words
# A bare amount near an amount with its currency is money too ("får 8 miljoner mer" after
# "33 miljoner kronor"): this far apart, in characters.
_NEAR_AMOUNT_CHARS = 400
# Millions bought or received are money whatever the sentence's words: "rustas upp för 700 miljoner",
# "kommunen fick 8 miljoner mer", "flera miljarder extra till sjukvården"; so are millions opening a line
# "till" something, as a heading gives them ("10 miljoner till utvecklingsprojekt").
_PRICE_BEFORE_RE = re.compile(r"\b(?:för|får|fick|erhåll(?:er|it)|erhöll|tilldelas|tilldelades)\s+$", re.IGNORECASE)
_EXTRA_AFTER_RE = re.compile(r"\s+extra\b", re.IGNORECASE)
_MORE_BEFORE_RE = re.compile(r"\bytterligare\s+$", re.IGNORECASE)  # "beslut om ytterligare 3 miljoner till"
_GIVEN_TO_AFTER_RE = re.compile(r"[ \t]+till[ \t]+(?-i:[a-zåäö]{2,})", re.IGNORECASE)
# Thousands without a unit ("man får 370 000 från kommunen") are money only after a word that gives
# or costs and next to a currency word: counts of people and things are written the same way
# ("77 800 invånare", "antalet sysselsatta har nått 20 000").
_GIVING_WORDS = ("får", "fick", "med", "om", "föreslog", "föreslår", "beviljas", "beviljades", "beviljat", "ges",
                 "gavs", "kostar", "kostade", "betalar", "betalade", "sökt", "sökte", "ytterligare", "lägst",
                 "högst", "beloppet", "avsatta", "avsatt",
                 # an approximate sum or a part of one: "kostnaden, ca 950 000", "1,8 miljoner, varav 945 000"
                 "ca", "cirka", "ungefär", "drygt", "knappt", "varav")
# ... or after a sum's noun and "på" ("startbidraget på 400.000", "en kostnad på 850 000") or a cost's verb
# ("kostade ungefär 60 000"), which say it is money without an amount with its currency elsewhere in the text;
# thousands grouped by spaces or full stops.
_SUM_NOUN_ON = (r"[a-zåäö]*(?:bidrag|stöd|anslag|kostnad|ersättning|avgift|belopp|summa)[a-zåäö]*[ \t]+på"
                # ... and what something costs: "kursen kostar ungefär 200 000"
                r"|kosta(?:r|de|t)(?:[ \t]+(?:ungefär|cirka|ca|drygt|knappt|runt|omkring))?")
BARE_THOUSANDS_RE = re.compile(
    rf"(?<![\w-])(?:(?P<noun>(?i:{_SUM_NOUN_ON}))|(?i:{_alternation(_GIVING_WORDS)}))[ \t]+"
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,3}(?:\.\d{3})+)(?!\d|[,.]\d|[ \u00a0\u202f]\d)"
    rf"(?=\s*(?:[.;:!?)]|,\s|$)|\s+(?:{_alternation(_BARE_FOLLOWERS)})\b)"
)
_GROUPED_THOUSANDS_RE = re.compile(r"\d[ .\u00a0\u202f]\d{3}")  # a cheap test before BARE_THOUSANDS_RE


def _at_line_start(text: str, position: int) -> bool:
    """Whether only spaces stand between ``position`` and the start of its line in ``text``."""
    # back over spaces only, as org_names' _at_sentence_start does (no copy of a long line's start)
    while position > 0 and text[position - 1] != "\n" and text[position - 1].isspace():
        position -= 1
    return position == 0 or text[position - 1] == "\n"


def _bare_value(match: "re.Match[str]") -> MoneyValue:
    if match.group("vague") or match.group("num2"):  # "flera miljoner", "12–15 miljoner": money, no one number
        return MoneyValue(None, "SEK", match.group("mult"))
    if match.group("word"):  # "två miljoner", "en halv miljon"
        number = _word_number(match.group("word"))
    else:
        number = _parse_number(match.group("num"))
    mult = _BARE_MULTIPLIERS[match.group("mult").lower()]
    return MoneyValue(float(number * mult) if number is not None else None, "SEK", match.group("mult"))


def _sentence_around(text: str, start: int, end: int, with_previous: bool = True, with_next: bool = False) -> str:
    """The text of the sentence holding ``text[start:end]`` and, ``with_previous``, of the sentence before
    it (which often names the money: "Underskottet växer. Nu handlar det om 21 miljoner."), and, ``with_next``,
    of the sentence after it ("Vi skjuter till 25 miljoner till nämnderna. Dels för att täcka underskottet."),
    at most ``_CONTEXT_CHARS`` each side."""
    left = text[max(0, start - _CONTEXT_CHARS):start]
    right = text[end:end + _CONTEXT_CHARS]
    left = "".join(re.split(r"([.!?]\s)", left)[-3 if with_previous else -1:])
    right = "".join(re.split(r"([.!?](?:\s|$))", right)[:3 if with_next else 1])
    return left + text[start:end] + right


# A number coordinated with an amount shares its unit: "+9 respektive +7,4 miljoner kr",
# "mellan 8 och 12 mnkr", "med 15, 20 och 25 miljoner kronor" (docs/annotation.md, convention 31).
# Years are not amounts.
_COORDINATED_RE = re.compile(
    rf"(?<![\w.,])(?!(?:19|20)\d\d\b)(?P<num>{_NUMBER})"
    r"(?P<sep>\s+(?:respektive|resp\.|och|eller|till|och\s+upp\s+till)\s+|,\s+)[+-]?$")
_COORDINATION_CHARS = 40  # enough for a number and the conjunction or comma before the next


def _in_unit_of(value: MoneyValue, own: Decimal, number: Decimal) -> MoneyValue:
    """The value of ``number`` written in the unit of ``value``, an amount whose own number is ``own``."""
    return MoneyValue(float(number * Decimal(str(value.amount)) / own), value.currency, value.unit)


def _coordinated(text: str, start: int, own: Optional[Decimal], value: MoneyValue) -> List[Tuple[int, int, MoneyValue]]:
    """The numbers before the amount at ``start`` (its own number ``own``) that share
    its unit, with their values, in text order."""
    if value.amount is None or not own:
        return []
    found, end = [], start
    while True:
        start = max(0, end - _COORDINATION_CHARS)
        before = _COORDINATED_RE.search(text[start:end])
        first = _parse_number(before.group("num")) if before else None
        # A conjunction joins the last number to the amount and commas the ones before it:
        # "15, 20 och 25 miljoner", not "Riksväg 61, 14,5 miljoner" nor "3 och 15 och 25".
        # (the separator's comma, not a decimal comma: "12,0 och 88,4 miljoner kronor")
        if first is None or (found and "," not in before.group("sep")) or (not found and "," in before.group("sep")):
            return found[::-1]
        found.append((start + before.start("num"), start + before.end("num"), _in_unit_of(value, own, first)))
        end = start + before.start("num")


# A financial report's comparison figure in brackets (last year's, or an earlier forecast's) shares the
# unit of the amount it stands beside: "312 (1 140) miljoner kronor" gives 312 and 1 140 million,
# "31,4 miljoner kronor (47)" and "+21,5 mnkr (+18,6 i prognos 1)" give 47 and 18,6 million
# (docs/annotation.md, convention 40). A year in brackets is no figure.
_FIGURES_BEFORE_UNIT_RE = re.compile(
    rf"(?<![\w.,])[+-]?(?P<a>{_NUMBER})[ \t]*\([ \t]*[+-]?(?P<b>{_NUMBER})[ \t]*\)[ \t]+"
    rf"(?:(?P<mult>{_MULT})\.?\s+)?(?P<cur>{_CURRENCY})(?![\w$€£])",
    re.IGNORECASE)
_FIGURE_AFTER_RE = re.compile(rf"[ \t]*\([ \t]*[+-]?(?P<num>{_NUMBER})(?=[ \t]*\)|[ \t]+i[ \t])")
# A figure compared with the amount shares its unit where the clause ends or a function word follows it:
# "85 miljoner mot Alliansens 71,4", "90 miljoner jämfört med 76 i fjol" (not "mot 12 procent").
_COMPARED_RE = re.compile(
    rf"[ \t]+(?:mot|jämfört[ \t]+med)[ \t]+(?:[A-ZÅÄÖ][\w-]*s[ \t]+)?(?P<num>{_NUMBER})(?![\d,.:]\d)"
    r"(?=\s*(?:[.,;:!?)]|$)|[ \t]+(?:i|för|förra|under|och|efter|år|året)\b)")


# One sum written in billions and millions: "1 miljard och 200 miljoner kronor" is 1,200 million kronor.
_BILLIONS_AND_MILLIONS_RE = re.compile(
    r"(?<![\d,.])(?P<billions>\d{1,3}(?:,\d+)?)[ \t\u00a0]+miljard(?:er)?[ \t]+och[ \t]+"
    r"(?P<millions>\d{1,3}(?:,\d+)?)[ \t\u00a0]+miljon(?:er)?[ \t]+(?:kronor|kr)(?![\wåäö])")


def _billions_and_millions(text: str) -> List[Tuple[int, int, MoneyValue]]:
    """The sums of ``text`` written in billions and millions ("1 miljard och 200 miljoner kronor"), one amount each."""
    sums = []
    if "miljard" not in text:
        return sums  # no sum to search for
    for m in _BILLIONS_AND_MILLIONS_RE.finditer(text):
        amount = _parse_number(m.group("billions")) * 10 ** 9 + _parse_number(m.group("millions")) * 10 ** 6
        sums.append((m.start(), m.end(), MoneyValue(float(amount), "SEK", "kronor")))
    return sums


def _comparison_figures(text: str) -> List[Tuple[int, int, MoneyValue]]:
    """The amounts of ``text`` written as two figures in brackets before their unit ("312 (1 140) miljoner kronor")."""
    figures = []
    for m in _FIGURES_BEFORE_UNIT_RE.finditer(text):
        currency, scale, unit_text = _written_unit(m)
        for group in ("a", "b"):
            number = _parse_number(m.group(group))
            if number is not None and not YEAR_RE.fullmatch(m.group(group)):
                figures.append((m.start(group), m.end(group), MoneyValue(float(number * scale), currency, unit_text)))
    return figures


def _figure_after(text: str, end: int, own: Optional[Decimal], value: MoneyValue
                  ) -> Optional[Tuple[int, int, MoneyValue]]:
    """The comparison figure right after the amount ending at ``end`` (its own number ``own``), in the
    amount's unit: in brackets ("47 mnkr (52)") or after "mot" or "jämfört med" ("85 miljoner mot
    Alliansens 71,4"); None if there is none."""
    m = _FIGURE_AFTER_RE.match(text, end) or _COMPARED_RE.match(text, end)
    if m is None or value.amount is None or YEAR_RE.fullmatch(m.group("num")):
        return None
    return _match_in_unit_of(m, value, own)


def _match_in_unit_of(m: "re.Match[str]", value: MoneyValue, own: Optional[Decimal]
                      ) -> Optional[Tuple[int, int, MoneyValue]]:
    """(start, end, value) of the number ``m`` found (its ``num`` group), written in the unit of ``value``, an
    amount whose own number is ``own``; None if either number is missing."""
    other = _parse_number(m.group("num"))
    if not own or other is None:
        return None
    return m.start("num"), m.end("num"), _in_unit_of(value, own, other)


# "från 12,7 miljoner till 26,7": the second number of a change from one amount to another shares its unit,
# where the clause ends or goes on with a function word after it (not "till 26,7 procent").
_RANGE_END_RE = re.compile(
    rf"[ \t]+till[ \t]+(?P<num>{_NUMBER})(?![\d,.:]\d)(?=\s*(?:[.,;:!?)]|$)|[ \t]+(?:från|år|under|i|och|efter|sedan)\b)")
_FROM_BEFORE_RE = re.compile(r"\bfrån[ \t]+$", re.IGNORECASE)


def _range_end(text: str, start: int, end: int, own: Optional[Decimal], value: MoneyValue
               ) -> Optional[Tuple[int, int, MoneyValue]]:
    """The number after ``till`` when the amount at ``start:end`` (its own number ``own``) follows
    ``från``, in the amount's unit; None if there is none."""
    if value.amount is None or not own or not _FROM_BEFORE_RE.search(text, max(0, start - 10), start):
        return None
    m = _RANGE_END_RE.match(text, end)
    if m is None or YEAR_RE.fullmatch(m.group("num")):
        return None
    return _match_in_unit_of(m, value, own)


# A municipal tax rate in kronor and öre without "kr" ("skattesatsen fastställdes till 21:41 per
# skattekrona") is money where its sentence names the tax (docs/annotation.md, convention 42); a time
# ("kl. 13:55") or a document's number ("2025/26:74", "cirkulär 16:51") is not. Written with a decimal comma
# ("skattesats på 22,46") annotators of m-v42 and m-v53 left it untagged, one of m-v70 tagged it: not taken.
_TAX_RATE_RE = re.compile(r"(?<![\d:/.,])(?P<kronor>[1-4]\d):(?P<ore>\d\d)"
                          r"(?![\d:]|[,.]\d|[ \t]*[–-][ \t]*\d|[ \t]*(?:%|procent))")
_TIME_BEFORE_RE = re.compile(r"(?:\bkl\.?|\bklockan|[–-])[ \t]*$", re.IGNORECASE)
_TAX_WORDS_RE = re.compile(r"skattesats|utdebitering|skattekron|kommunalskatt|skattehöjning|skattesänkning",
                           re.IGNORECASE)


def _tax_rates(text: str) -> List[Tuple[int, int, MoneyValue]]:
    """The tax rates of ``text`` written in kronor and öre without a currency word."""
    if ":" not in text or not any(w in text for w in ("katt", "KATT", "tdebitering", "TDEBITERING")) \
            or not _TAX_WORDS_RE.search(text):
        return []  # most texts: the substring checks are cheaper than the search
    return [(m.start(), m.end(), MoneyValue(int(m.group("kronor")) + int(m.group("ore")) / 100, "SEK", None))
            for m in _TAX_RATE_RE.finditer(text)
            if not _TIME_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
            and _TAX_WORDS_RE.search(_sentence_around(text, m.start(), m.end()))]


# A table whose unit stands on a line of its own ("Tusental kronor", "Mnkr") gives its bare figures that
# unit: "1:1 Kommunalekonomisk utjämning | 174 096 852 |" is 174 billion kronor (docs/annotation.md,
# convention 44). Figures stand alone in a cell (between "|" or the line's ends); the table ends at a blank
# line, a line of running text or the figure after its "Summa" row (a page number may follow).
# (also the units a flattened table declares in words, DECLARED_UNIT_RE: "Anges i tusen kronor")
_TABLE_UNITS = {"tusental kronor": 10**3, "tusen kronor": 10**3, "tkr": 10**3, "miljoner kronor": 10**6,
                "mnkr": 10**6, "mkr": 10**6, "kronor": 1}
_TABLE_UNIT_RE = re.compile(r"(?im)^[ \t|]*(?P<unit>tusental kronor|tkr|miljoner kronor|mnkr|mkr)[ \t|]*$")
_TABLE_FIGURE_RE = re.compile(
    r"(?m)(?:(?<=\|)|^)[ \t]*(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d{3,})[ \t]*(?=\||$)")
_TABLE_END_RE = re.compile(r"\n[ \t]*\n|\n[^|\n]{100,}(?:\n|$)")


def _table_figures(text: str) -> List[Tuple[int, int, MoneyValue]]:
    """The bare figures of the tables in ``text`` whose unit of money heads them on a line of its own."""
    if "|" not in text:
        return []
    figures = []
    for unit in _TABLE_UNIT_RE.finditer(text):
        scale = _TABLE_UNITS[unit.group("unit").lower()]
        end = _TABLE_END_RE.search(text, unit.end())
        stop = end.start() if end else len(text)
        summa = text.find("Summa", unit.end(), stop)
        for m in _TABLE_FIGURE_RE.finditer(text, unit.end(), stop):
            number = m.group("num")
            if not YEAR_RE.fullmatch(number):
                figures.append((m.start("num"), m.end("num"), MoneyValue(float(_parse_number(number) * scale), "SEK", None)))
            if summa >= 0 and m.start() > summa:
                break  # the sum's figure closes the table
    return figures


# The units a flattened table names in words, declared in words below and in a header's bracket (_HEADER_UNIT_RE).
_TABLE_UNIT_WORDS = r"tusen(?:tal)?[ \t]+kronor|tkr|miljoner[ \t]+kronor|mnkr|mkr"
# A table flattened into running text, as a PDF's text layer gives it, declares its unit in words before its rows
# ("Anges i tusen kronor Budget 2025 Plan 2026 Fritidsnämnden 4 150 3 920 ..."): the figures written with a
# thousands' space after it, up to the line's or the sentence's end, are amounts of that unit (convention 44 for a
# table without cells; convention 60): a whole document's text layer may hold no blank line, and its prose's
# counts are no money ("12 500 invånare"). The declaration's unit itself is no amount (svpol_not_entities).
# (A web page's table may give the declaration's words cells of their own: "Anges i\n\ntusen kronor"; m-v916.)
DECLARED_UNIT_RE = re.compile(
    r"(?i)\b(?:anges|angivna|redovisas|redovisade|belopp(?:en)?|siffror(?:na)?)[ \t]+i\s+"
    rf"(?P<unit>{_TABLE_UNIT_WORDS})\b")
_DECLARING_WORDS = ("anges", "angivna", "redovisa", "belopp", "siffror")  # a cheap test before the search
_GROUPED_FIGURE_RE = re.compile(r"\d(?<![\d,.]\d)\d{0,2}(?:[ \u00a0]\d{3})+(?![\d]|[,.]\d)")
_TABLE_LINE_END_RE = re.compile(r"\n|[.!?](?=[ \t]+[A-ZÅÄÖ]|[ \t]*$)")


def _table_scale(unit: str) -> int:
    """The factor of a table's unit as written in words (``_TABLE_UNIT_WORDS``): "Tusen  kronor" is 1000."""
    return _TABLE_UNITS[" ".join(unit.lower().split())]


# A declaration on a line of its own may head a table whose text layer gives each cell a line ("Siffror anges i
# miljoner kronor\nVerksamhet\nBudget\nFörskola\n279,3\nGrundskola\n460", m-v486): a line that is one figure is an
# amount of that unit (a year is a column's header, a "-" cell no amount), up to a blank line or a line of running
# text.
_CELL_FIGURE_LINE_RE = re.compile(r"[ \t]*(?P<num>\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?|\d+(?:,\d+)?)[ \t]*")
_CELL_LINE_MAX = 60  # characters: a longer line is running text after the table
# up to three words may open the declaration's line ("Siffror anges i", "Samtliga belopp redovisas i", "(Belopp i")
_DECLARATION_LINE_START_RE = re.compile(r"[ \t(]*(?:[^\W\d_]+[ \t]+){0,3}")


def _declared_table_figures(text: str, declarations: Sequence["re.Match[str]"]) -> List[Tuple[int, int, MoneyValue]]:
    """The figures with a thousands' space after each declaration of their unit in words (``DECLARED_UNIT_RE``'s
    matches in ``text``), on its line and in its sentence, and the one-figure lines of the table such a declaration
    on a line of its own heads."""
    figures = []
    for unit in declarations:
        scale = _table_scale(unit.group("unit"))
        end = _TABLE_LINE_END_RE.search(text, unit.end())
        for m in _GROUPED_FIGURE_RE.finditer(text, unit.end(), end.start() if end else len(text)):
            figures.append((m.start(), m.end(), MoneyValue(float(_parse_number(m.group()) * scale), "SEK", None)))
        line_start = text.rfind("\n", 0, unit.start()) + 1
        line_end = text.find("\n", unit.end())
        if line_end < 0 or text[unit.end():line_end].strip(" \t.:)"):
            continue  # the declaration goes on: no table under it
        if not _DECLARATION_LINE_START_RE.fullmatch(text, line_start, unit.start()):
            # a sentence's line ends in it: a bracket's declaration heads rows of one figure each
            if text.rfind("(", line_start, unit.start()) >= 0:
                figures.extend(_table_rows(text, line_end + 1, 0, scale))
            continue
        position = line_end + 1
        # a web page's table parts its cells by blank lines, right from the declaration on (m-v916): a blank line
        # ends no such table
        blank_parted = text.startswith("\n", position)
        while position < len(text):
            next_end = text.find("\n", position)
            next_end = len(text) if next_end < 0 else next_end
            line = text[position:next_end]
            if blank_parted and not line.strip():
                position = next_end + 1
                continue
            if not line.strip() or len(line) > _CELL_LINE_MAX:
                break
            cell = _CELL_FIGURE_LINE_RE.fullmatch(line)
            if cell is not None and not YEAR_RE.fullmatch(cell.group("num")):
                value = float(_parse_number(cell.group("num")) * scale)
                figures.append((position + cell.start("num"), position + cell.end("num"), MoneyValue(value, "SEK", None)))
            position = next_end + 1
    return figures


# A table flattened into lines whose header names its unit in brackets in a cell ("Beslutad ram (tkr) Bokslut 2021
# Budget 2022 Plan 2023", "Nämnd Budget 2022 (miljoner kronor)"; convention 64, as convention 44 for a unit on a
# line of its own): each following line's figures after its label are amounts of that unit, up to a blank line or a
# line without figures (but a row's label wrapped onto a line of its own). A PDF's text layer runs the columns'
# figures together with single spaces ("Intäkter 177 213 150 000 135 635"): the header's year columns tell how many
# figures a row holds, and a row is read only where its groups of digits divide into that many equal figures (a sign
# or a decimal comma opens a figure of its own). The sign stays outside the amount (convention 26). (Figures the
# tokenizer keeps in one token, as it keeps "3 000 000", give no entity: only those between signs or decimals do.)
# A header may also name its unit after a comma before its year columns ("Resultatbudget, mnkr 2022 2023 2024",
# m-v458), with no figure before it (a sentence's "45 mnkr 2023" is an amount and a year, not a header).
_HEADER_UNIT_RE = re.compile(
    rf"(?im)^(?P<header>[^\n]*?\([ \t]*(?P<unit>{_TABLE_UNIT_WORDS})[ \t]*\)[^\n]*"
    rf"|[^\d\n]*?,[ \t]*(?P<comma_unit>{_TABLE_UNIT_WORDS})[ \t]+(?:19|20)\d\d\b[^\n]*"
    # ... or as the header's first cell, the columns' words and years after it ("Mnkr Bokslut 2014 Budget 2015";
    # m-v517)
    rf"|(?P<lead_unit>{_TABLE_UNIT_WORDS})(?=[^\n]*(?:19|20)\d\d)(?:[ \t]+(?:[^\W\d]+|(?:19|20)\d\d))+[ \t]*"
    # ... or as a statistic's one column, last on the header ("Kommun Kronor per invånare"; m-v766)
    r"|[^\d\n]*?[ \t](?P<per_unit>[Kk]ronor)[ \t]+per[ \t]+[a-zåäö]+[ \t]*)$")
# (a row may end in a comment in brackets: "- Ekby skola 2 460 (ny asfalt)"; m-v907)
_ROW_RE = re.compile(r"(?m)^(?P<label>[^\d\n]*[^\W\d][^\d\n]*?)[ \t]+(?P<figures>[-−–]?\d[\d \t,−–-]*?)[ \t]*"
                     r"(?:\([^\d\n()]*\)[ \t]*)?$")
# A header without year columns heads rows of one figure each ("Årets resultat (tkr)" / "Årsbudget 48 250"; m-v910),
# and so does a declaration in brackets that ends a sentence's line ("... prioriteras (summorna anges i tkr):" / "-
# Ekby skola 2 460"; m-v907): such a figure is read only in one or two groups of digits (under a million of the
# unit), as a longer run may be several columns run together.
_ONE_COLUMN_MAX_GROUPS = 2
_WRAPPED_LABEL = 60  # characters: a longer line without figures is text after the table
_HEADER_CELL_LINE_RE = re.compile(r"[ \t]*(?P<cell>(?:19|20)\d\d|[A-ZÅÄÖ][a-zåäö]{2,14})[ \t]*(?=\n)")
_ROW_FIGURE_RE = re.compile(r"(?P<sign>[-−–])?(?P<digits>\d+)(?P<decimals>,\d+)?")


def _header_unit_table_figures(text: str) -> List[Tuple[int, int, MoneyValue]]:
    """The figures of the rows under each header that names a unit of money in brackets or after a comma, first
    with the columns' years, or as a statistic's one column (``_HEADER_UNIT_RE``)."""
    figures = []
    for header in _HEADER_UNIT_RE.finditer(text):
        columns = 1 if header.group("per_unit") else len(_YEAR_IN_TEXT_RE.findall(header.group("header")))
        scale = _table_scale(header.group("unit") or header.group("comma_unit") or header.group("lead_unit")
                             or header.group("per_unit"))
        position = header.end() + 1
        # the header's cells may go on one to a line ("(mnkr) Bokslut" / "2018" / "Budget" / "2019"; m-v509)
        cell = _HEADER_CELL_LINE_RE.match(text, position)
        while cell is not None:
            columns += bool(YEAR_RE.fullmatch(cell.group("cell")))
            position = cell.end() + 1
            cell = _HEADER_CELL_LINE_RE.match(text, position)
        figures.extend(_table_rows(text, position, columns, scale))
    return figures


def _table_rows(text: str, position: int, columns: int, scale: int) -> List[Tuple[int, int, MoneyValue]]:
    """The figures of the table rows from ``position`` on, ``columns`` to a row (none: one figure of at most
    ``_ONE_COLUMN_MAX_GROUPS`` groups), in the unit of factor ``scale``, up to a blank line or a line without
    figures (but a row's label wrapped onto a line of its own)."""
    figures = []
    while position < len(text):
        row = _ROW_RE.match(text, position)
        if row is None:  # a label wrapped onto a line of its own goes on with its figures on the next line
            line_end = text.find("\n", position)
            row = _ROW_RE.match(text, line_end + 1) if 0 <= line_end - position <= _WRAPPED_LABEL else None
        if row is None:
            break
        cells = _row_figures(text, row.start("figures"), row.end("figures"), columns or 1)
        if columns or (len(cells) == 1 and len(text[cells[0][0]:cells[0][1]].split()) <= _ONE_COLUMN_MAX_GROUPS):
            figures.extend((start, end, MoneyValue(float(_parse_number(text[start:end]) * scale), "SEK", None))
                           for start, end in cells)
        position = row.end() + 1
    return figures


def _row_figures(text: str, start: int, end: int, columns: int) -> List[Tuple[int, int]]:
    """(start, end) of the figures of one table row in ``text[start:end]``, ``columns`` of them; none where its
    digits do not divide into that many figures."""
    # runs of digit groups that may be one figure: a sign, a decimal comma or a group of other than three digits
    # opens a new run
    runs: List[List["re.Match[str]"]] = []
    for m in _ROW_FIGURE_RE.finditer(text, start, end):
        if runs and not m.group("sign") and len(m.group("digits")) == 3 and not runs[-1][-1].group("decimals"):
            runs[-1].append(m)
        else:
            runs.append([m])
    for size in range(1, 5):  # the digit groups of each figure
        if all(len(run) % size == 0 for run in runs) and sum(len(run) // size for run in runs) == columns:
            return [(run[i].start("digits"), run[i + size - 1].end()) for run in runs for i in range(0, len(run), size)]
    return []


def _own_number(match: "re.Match[str]") -> Optional[Decimal]:
    """The number of an amount found by ``MONEY_RE`` or ``BARE_MONEY_RE``, in figures or words ("sju miljoner
    kronor"); None for a range or a vague quantity."""
    if match.group("num") and not match.group("num2"):
        return _parse_number(match.group("num"))
    return _word_number(match.group("word")) if match.group("word") else None


def _is_year_before_amount(first: str, second: str) -> bool:
    """Whether the "range" ``first``–``second`` is a year and a smaller number: a list item's year and its amount."""
    return bool(YEAR_RE.fullmatch(first)) and _parse_number(first) > _parse_number(second)


def _overlaps(found: List[Tuple[int, int, MoneyValue]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps an amount already ``found``."""
    return any(s < end and start < e for s, e, _ in found)


# Sums given to several receivers in one sentence share the currency of the first: "30 000 kronor till föreningen
# Ekby, 51 000 till Ekby musikklubb och 150 000 till Norrby hembygdsförening", "400 000 kronor och Ekby museum
# 100 000 för ..." (9 such figures in the real sets m-v592 … m-v691, all tagged): a figure in thousands after a
# list's comma, "och" or the receiver's name, before "till" or "för", where its sentence names a sum in whole kronor
# before it.
_LISTED_SUM_RE = re.compile(
    r"(?:,|\boch|[A-ZÅÄÖ][\wåäö-]+)[ \t]+(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+)(?![\d,])"
    r"[ \t]+(?:går[ \t]+)?(?:till|för)[ \t]")
_WHOLE_KRONOR_RE = re.compile(r"(?<![\d,])\d{1,3}(?:[ \u00a0]\d{3})+[ \t]+(?:kronor|kr)(?![\wåäö])")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")


def _listed_sums(text: str) -> Iterator[Tuple[int, int, MoneyValue]]:
    """The figures of a list of sums that share the currency of the sum in whole kronor before them (see
    ``_LISTED_SUM_RE``)."""
    for m in _LISTED_SUM_RE.finditer(text):
        sentence_start = max((end.end() for end in _SENTENCE_END_RE.finditer(text, 0, m.start())), default=0)
        if _WHOLE_KRONOR_RE.search(text, sentence_start, m.start()):
            yield m.start("num"), m.end("num"), MoneyValue(float(_parse_number(m.group("num"))), "SEK", None)


def find_money(text: str) -> Iterator[Tuple[int, int, MoneyValue]]:
    """Yield (start, end, value) for every money amount in ``text``.

    A bare number, a percentage or a number followed by anything but a currency or a
    money unit ("20 miljoner etiopier") is not money; millions and billions without a
    currency word are, where their sentence speaks of money ("anslaget höjs med 3 miljarder"),
    and so is a number coordinated with an amount ("9 respektive 7,4 miljoner kr").
    """
    found: List[Tuple[int, int, MoneyValue]] = []

    def add_with_coordinated(match: "re.Match[str]", value: MoneyValue) -> None:
        own = _own_number(match)
        found.extend(shared for shared in _coordinated(text, match.start(), own, value)
                     if not _overlaps(found, *shared[:2]))
        found.append((match.start(), match.end(), value))
        for shared in (_figure_after(text, match.end(), own, value),
                       _range_end(text, match.start(), match.end(), own, value)):
            if shared is not None and not _overlaps(found, *shared[:2]):
                found.append(shared)

    if _may_hold_money(text):
        found.extend(_billions_and_millions(text))
        if "(" in text:
            found.extend(_comparison_figures(text))
        for m in (MONEY_RE.finditer(text) if _may_match_money_re(text) else ()):
            if _overlaps(found, m.start(), m.end()):
                continue
            if not m.group("mult") and (m.group("cur") or "").lower() == "skattekronor":
                continue
            if m.group("num2") and _is_year_before_amount(m.group("num"), m.group("num2")):
                # "2024 – 769 miljoner kronor": a year, a dash, then the year's amount (no range)
                m = MONEY_RE.match(text, m.start("num2"))
                if m is None:
                    continue
            if m.group("pcur") or m.group("num2"):
                found.append((m.start(), m.end(), _value(m)))
            else:
                add_with_coordinated(m, _as_tax_rate(text, m.start(), m.end(), _value(m)))
    explicit = [start for start, _, _ in found]
    lower = text.lower()
    if "milj" in lower or "md" in lower or "mrd" in lower or "milion" in lower or "mijon" in lower:
        waiting = []
        for m in BARE_MONEY_RE.finditer(text):
            if _overlaps(found, m.start(), m.end()):
                continue
            if m.group("verb") is not None:
                if _MONEY_CONTEXT_RE.search(_sentence_around(text, m.start(), m.end(), with_previous=False)):
                    add_with_coordinated(m, _bare_value(m))
            elif (_MONEY_CONTEXT_RE.search(_sentence_around(text, m.start(), m.end(), with_next=True))
                    or _PRICE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
                    or _EXTRA_AFTER_RE.match(text, m.end())
                    or _MORE_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
                    or (_at_line_start(text, m.start()) and _GIVEN_TO_AFTER_RE.match(text, m.end()))
                    or any(abs(start - m.start()) <= _NEAR_AMOUNT_CHARS for start in explicit)):
                add_with_coordinated(m, _bare_value(m))
            else:
                waiting.append(m)
        # a list of sums, one of them said to be money ("hamnen utvecklas 2 miljoner. Resecentrum 3 miljoner.
        # 1400 miljoner till investeringar"): the others near it are money too
        bare = [start for start, _, _ in found if start not in explicit]
        for m in waiting:
            if not _overlaps(found, m.start(), m.end()) and any(abs(start - m.start()) <= _NEAR_AMOUNT_CHARS
                                                                for start in bare):
                add_with_coordinated(m, _bare_value(m))
    if explicit or _GROUPED_THOUSANDS_RE.search(text):
        for m in BARE_THOUSANDS_RE.finditer(text):
            if (explicit or m.group("noun")) and not _overlaps(found, m.start("num"), m.end("num")) and \
                    _MONEY_CONTEXT_RE.search(_sentence_around(text, m.start("num"), m.end("num"))):
                amount = float(_parse_number(m.group("num")))
                found.append((m.start("num"), m.end("num"), MoneyValue(amount, "SEK", None)))
    if explicit:
        found.extend(listed for listed in _listed_sums(text) if not _overlaps(found, *listed[:2]))
    found.extend(rate for rate in _tax_rates(text) if not _overlaps(found, *rate[:2]))
    found.extend(figure for figure in _table_figures(text) if not _overlaps(found, *figure[:2]))
    if "kr" in lower:  # every unit a header may name holds it ("tkr", "mnkr", "tusen kronor")
        found.extend(figure for figure in _header_unit_table_figures(text) if not _overlaps(found, *figure[:2]))
    declarations = list(DECLARED_UNIT_RE.finditer(text)) if any(word in lower for word in _DECLARING_WORDS) else []
    if declarations:
        units = {m.span("unit") for m in declarations}
        found = [f for f in found if f[:2] not in units]  # "Anges i tusen kronor" declares, it is no amount
        found.extend(figure for figure in _declared_table_figures(text, declarations)
                     if not _overlaps(found, *figure[:2]))
    found.sort(key=lambda f: f[0])
    yield from _with_ore_joined(text, found)


def _with_ore_joined(text: str, found: List[Tuple[int, int, MoneyValue]]) -> List[Tuple[int, int, MoneyValue]]:
    """``found`` with kronor and öre written together made one amount: a tax rate of "20 kronor och 15 öre"
    is 20.15 kronor."""
    joined: List[Tuple[int, int, MoneyValue]] = []
    for start, end, value in found:
        if joined:
            first_start, first_end, first = joined[-1]
            if ((first.unit or "").lower() in ("kronor", "kr") and value.unit == "öre" and first.amount is not None
                    and value.amount_sek is not None and re.fullmatch(r"\s+och\s+", text[first_end:start])):
                joined[-1] = (first_start, end, MoneyValue(first.amount + value.amount_sek, "SEK", "kronor"))
                continue
        joined.append((start, end, value))
    return joined


def parse_money(text: str) -> MoneyValue:
    """Parse the first amount in ``text``; ``NO_MONEY`` (all None) when there is none."""
    match = MONEY_RE.search(text)
    return _value(match) if match else NO_MONEY


def parse_money_entity(text: str) -> MoneyValue:
    """The value of a MONEY entity's text: as :func:`parse_money`, and an amount without a
    currency word ("3 miljarder", money by its context) read as kronor, and kronor and öre together
    ("20 kronor och 15 öre") or billions and millions ("1 miljard och 200 miljoner kronor") as one amount."""
    sums = _billions_and_millions(text)
    if len(sums) == 1 and sums[0][:2] == (0, len(text)):
        return sums[0][2]
    amounts = _with_ore_joined(text, [(m.start(), m.end(), _value(m)) for m in MONEY_RE.finditer(text)])
    if len(amounts) == 1 and amounts[0][:2] == (0, len(text)):
        return amounts[0][2]
    value = parse_money(text)
    if value is NO_MONEY:
        bare = BARE_MONEY_RE.search(text)
        if bare:
            return _bare_value(bare)
    return value


# --------------------------------------------------------------------------- component
MONEY_ATTRIBUTES = ENTITY_ATTRIBUTES[MONEY_LABEL]
register_span_extensions(MONEY_ATTRIBUTES)


class MoneyEnricher:
    """Sets ``amount_sek``, ``currency`` and ``unit`` on MONEY entities."""

    def __init__(self, name: str = "money", label: str = MONEY_LABEL) -> None:
        self.name = name
        self.label = check_entity_label(label)

    def __call__(self, doc: Doc) -> Doc:
        in_text: Optional[dict] = None
        for ent in doc.ents:
            if ent.label_ == self.label:
                value = parse_money_entity(ent.text)
                if value is NO_MONEY:
                    # A number whose unit is in its context ("9 respektive 7,4 miljoner kr"): the
                    # value find_money gives it there (the text is scanned only for such spans).
                    if in_text is None:
                        in_text = {(s, e): v for s, e, v in find_money(doc_text(doc))}
                    value = in_text.get((ent.start_char, ent.end_char), NO_MONEY)
                elif value.unit == "öre":
                    value = _as_tax_rate(doc_text(doc), ent.start_char, ent.end_char, value)
                ent._.amount_sek = value.amount_sek
                ent._.currency = value.currency
                ent._.unit = value.unit
        return doc


@Language.factory(
    "svpol_money",
    assigns=span_assigns(MONEY_ATTRIBUTES),
    requires=["doc.ents"],
    default_config={"label": MONEY_LABEL},
)
def make_money(nlp: Language, name: str, label: str) -> MoneyEnricher:
    """Create the money enricher (stateless: nothing to serialize)."""
    return MoneyEnricher(name, label)
