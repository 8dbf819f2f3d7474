"""Money: parsing amounts, finding them in text, the svpol_money enricher."""

import pytest
import spacy

from svpol.components.money import _CODES, _UNITS, MONEY_RE, NO_MONEY, MoneyEnricher, _may_hold_money, find_money, parse_money


@pytest.mark.parametrize(
    "text,amount_sek,currency,unit",
    [
        ("0,6 mnkr", 600000.0, "SEK", "mnkr"),
        ("22,2 mnkr", 22200000.0, "SEK", "mnkr"),
        ("2,5 miljarder kronor", 2.5e9, "SEK", "miljarder kronor"),
        ("3 miljarder kronor", 3e9, "SEK", "miljarder kronor"),
        ("1 200 kr", 1200.0, "SEK", "kr"),
        ("1\u00a0200\u00a0000 kronor", 1.2e6, "SEK", "kronor"),
        ("1 234 567,50 kronor", 1234567.5, "SEK", "kronor"),
        ("500 tkr", 500000.0, "SEK", "tkr"),
        ("140 tsek", 140000.0, "SEK", "tsek"),
        ("2,8 M.kr", 2.8e6, "SEK", "M.kr"),
        ("450 t.kr", 450000.0, "SEK", "t.kr"),
        ("12 MSEK", 12e6, "SEK", "MSEK"),
        ("4 mdkr", 4e9, "SEK", "mdkr"),
        ("7,5 mkr", 7.5e6, "SEK", "mkr"),
        ("12 milj. kr", 12e6, "SEK", "milj. kr"),
        ("5 miljoner kronor", 5e6, "SEK", "miljoner kronor"),
        ("en miljon kronor", 1e6, "SEK", "miljon kronor"),
        ("noll kronor", 0.0, "SEK", "kronor"),
        ("en halv miljard kronor", 5e8, "SEK", "miljard kronor"),
        ("1.200.000 kr", 1.2e6, "SEK", "kr"),
        ("100:-", 100.0, "SEK", ":-"),
        ("−0,6 mnkr", 600000.0, "SEK", "mnkr"),
        ("flera tusen kronor", None, "SEK", "tusen kronor"),
        ("några hundra kronor", None, "SEK", "kronor"),  # a vague quantity: no amount
        ("flera hundra miljoner kronor", None, "SEK", "miljoner kronor"),
        ("två och en halv miljoner kronor", 2.5e6, "SEK", "miljoner kronor"),
        ("30 miljarder skattekronor", 3e10, "SEK", "miljarder skattekronor"),
        ("fem hundra kronor", 500.0, "SEK", "hundra kronor"),
        ("hundra kronor", 100.0, "SEK", "kronor"),
        ("hundratals miljoner kronor", None, "SEK", "miljoner kronor"),
        ("2–3 miljoner kronor", None, "SEK", "miljoner kronor"),
        ("10 miljoner euro", None, "EUR", "miljoner euro"),
        ("5 miljoner dollar", None, "USD", "miljoner dollar"),
        ("10 norska kronor", None, "NOK", "norska kronor"),
        # a word between the number and its millions; a decimal comma's stray space before "mkr"
        ("åtta extra miljoner kronor", 8e6, "SEK", "miljoner kronor"),
        ("13, 9 mkr", 1.39e7, "SEK", "mkr"),
    ],
)
def test_parse_money(text, amount_sek, currency, unit):
    value = parse_money(text)
    assert (value.amount_sek, value.currency, value.unit) == (amount_sek, currency, unit)


def test_foreign_amount_keeps_its_own_amount():
    value = parse_money("10 miljoner euro")
    assert value.amount == 1e7 and value.amount_sek is None  # no invented exchange rate


@pytest.mark.parametrize(
    "text",
    ["20 miljoner etiopier", "20 %", "20 procent", "3 miljoner", "1 200", "år 2019", "10 sek", "kr 500", "budgeten"],
)
def test_not_money(text):
    assert parse_money(text) == NO_MONEY
    assert list(find_money(text)) == []


def test_find_money_in_municipal_text():
    text = ("Nämnden redovisar ett underskott om 22,2 mnkr (föregående år 0,6 mnkr). "
            "År 2019 500 tkr gick till 20 miljoner etiopier? Nej, 1 200 kr per invånare, 15 % mer.")
    found = [text[s:e] for s, e, _ in find_money(text)]
    assert found == ["22,2 mnkr", "0,6 mnkr", "500 tkr", "1 200 kr"]


def test_cheap_test_before_the_search_never_drops_an_amount():
    # Every unit in any case, across line breaks, every code as written, the signs in front.
    texts = [f"Nämnden ger 5 {unit.replace(' ', chr(10))} till skolan." for unit in _UNITS]
    texts += [t.upper() for t in texts] + [t.title() for t in texts]
    texts += [f"Totalt 3,5 {code}." for code in _CODES] + ["Kostnad: € 10 miljoner", "Priset $5"]
    for text in texts:
        assert MONEY_RE.search(text), text
        assert _may_hold_money(text), text
    assert not _may_hold_money("Skolan behöver 20 lärare och 5 procent mer.")
    assert list(find_money("Skolan behöver 20 lärare och 5 procent mer.")) == []


def test_money_enricher_on_blank():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_money")
    doc = nlp.make_doc("Regeringen satsar 2,5 miljarder kronor och 10 miljoner euro.")
    doc.ents = [doc.char_span(18, 38, label="MONEY"), doc.char_span(43, 59, label="MONEY")]
    doc = nlp.get_pipe("svpol_money")(doc)
    sek, eur = doc.ents
    assert (sek._.amount_sek, sek._.currency, sek._.unit) == (2.5e9, "SEK", "miljarder kronor")
    assert (eur._.amount_sek, eur._.currency, eur._.unit) == (None, "EUR", "miljoner euro")
    # a tax rate's öre with decimals per skattekrona, read in its context (m-v552)
    text = "Skattesatsen är 11,48 öre per skattekrona."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index("11"), text.index(" per"), label="MONEY")]
    assert nlp.get_pipe("svpol_money")(doc).ents[0]._.amount_sek == 11.48


def test_money_enricher_checks_label():
    with pytest.raises(ValueError, match="not an svpol entity label"):
        MoneyEnricher(label="MONEYS")


def test_round_trip(tmp_path):
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_entity_rules", config={"labels": ["MONEY"]})
    nlp.add_pipe("svpol_money")
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    (ent,) = loaded("Underskottet är 22,2 mnkr i år.").ents
    assert (ent.text, ent._.amount_sek, ent._.currency, ent._.unit) == ("22,2 mnkr", 22200000.0, "SEK", "mnkr")


@pytest.mark.parametrize(
    "text, found, amount_sek",
    [
        ("Anslaget höjs med 3 miljarder till kommunerna.", "3 miljarder", 3e9),
        ("Statsinkomsterna ökade med enbart 1,3 miljarder.", "1,3 miljarder", 1.3e9),
        ("Hur vill statsrådet fördela de återstående 20 miljoner kronorna?", "20 miljoner kronorna", 2e7),
        ("Kostnaden för de 200 miljonerna är okänd.", "200 miljonerna", 2e8),
        # Number words, and a financial result as the money word.
        ("Budgetramen för nämndens administration minskas med två miljoner.", "två miljoner", 2e6),
        ("Vi vill lägga en halv miljon på invigningskostnaderna.", "en halv miljon", 5e5),
        ("Partiet yrkade att 1,4 miljoner ska tas från resultatet.", "1,4 miljoner", 1.4e6),
        # The money word in the sentence before; "istället", "nästa" after the amount.
        ("Nämnden redovisar ett underskott. Det handlar om 17 miljoner istället för 9.", "17 miljoner", 1.7e7),
        ("Besparingarna fortsätter. Åtstramningen blir 40 miljoner nästa år.", "40 miljoner", 4e7),
        ("Av pengarna ska 9 miljoner gå till försörjningsstöd.", "9 miljoner", 9e6),
        # A comparative or a year after the amount.
        ("Utfallet är 12,5 miljoner sämre än budget.", "12,5 miljoner", 1.25e7),
        ("Biljettintäkterna minskar: 125 miljoner 2021.", "125 miljoner", 1.25e8),
        # a word between the number and its millions that says what sum it is
        ("Regeringen ger vägarna 16 nya miljarder i budgeten.", "16 nya miljarder", 1.6e10),
        ("Budgeten ger äldreomsorgen två extramiljoner i år.", "två extramiljoner", 2e6),
        # more millions decided on ("ytterligare"), without a money word in the sentence
        ("Styrelsen tog i maj beslut om ytterligare 3 miljoner till Ekbyskolan.", "3 miljoner", 3e6),
        # halves and thousands of millions written as words
        ("Budgeten överskrids med drygt fyra och en halv miljon.", "fyra och en halv miljon", 4.5e6),
        ("Kostnaden blir till slut sju tusen miljoner alltså.", "sju tusen miljoner", 7e9),
        # a quarter, also in the genitive as speech has it
        ("En ny simhall är en investering på cirka en kvarts miljard.", "en kvarts miljard", 2.5e8),
        # a price at a heading's end
        ("Kommunen köper istider i Husum för två miljoner\n\nBristen på ishallar är stor.", "två miljoner", 2e6),
        # a result on the plus side says money in the next sentence
        ("Borträknat de tio miljoner det handlar om hamnar nämnden ändå på plussidan.", "tio miljoner", 1e7),
        # a passive verb or a participle after the amount, where its sentence speaks of money
        ("Jag yrkade på att 15 miljoner överförs till socialnämnden.", "15 miljoner", 1.5e7),
        ("Nämndens budget är 23 miljoner fördelat på tre verksamheter.", "23 miljoner", 2.3e7),
        ("Det fanns 8 miljoner avsatt till det i budgeten.", "8 miljoner", 8e6),
        # a bracket, a dash or a preposition after it; a price after "för"; an extra sum
        ("Ramen sänks från tidigare 1810,5 miljoner (2023).", "1810,5 miljoner", 1.8105e9),
        ("Nämnden omsätter drygt 1 miljard – men någonstans ska det sparas.", "1 miljard", 1e9),
        ("Banan rustas samtidigt upp för 700 miljoner, bland annat för godset.", "700 miljoner", 7e8),
        ("Ministern har lovat flera miljarder extra till sjukvården.", "flera miljarder", None),
        # millions received, or given "till" something, also in a heading without a money word (v5.31)
        ("Ekby fick 4 miljoner mer i år.", "4 miljoner", 4e6),
        ("Norrby har erhållit 2,5 miljoner i byggbonus.", "2,5 miljoner", 2.5e6),
        ("Tolv miljoner till ny sporthall i Norrby", "Tolv miljoner", 1.2e7),
        # room in a budget, its millions abbreviated (m-v517)
        ("Det finns ett ekonomiskt utrymme med ca 2,2 milj för ny verksamhet.", "2,2 milj", 2.2e6),
        # a range has no one amount
        ("Besparingen beräknas till 12–15 miljoner i år.", "12–15 miljoner", None),
    ],
)
def test_amount_without_currency_word_in_money_context(text, found, amount_sek):
    (start, end, value), = find_money(text)
    assert (text[start:end], value.amount_sek) == (found, amount_sek)


@pytest.mark.parametrize("text", ["Sverige har 10 miljoner invånare.", "Det bor 7 miljarder människor på jorden.",
                                  "Det finns 3 miljoner träd i parken.",
                                  "Staden har två miljoner invånare.", "En miljon människor såg resultatet.",
                                  # "till" before a place, or a count's growth "från ... till"
                                  "Det flyttade 2 miljoner till Norrland.",
                                  "Folkmängden växte från 8 miljoner till drygt 10 miljoner."])
def test_counts_are_not_money(text):
    assert list(find_money(text)) == []


def test_a_sign_in_front_stays_outside_the_amount():
    text = "Prognosen pekar mot -4,2 mnkr och förra året +1,5 Mkr."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("4,2 mnkr", 4.2e6), ("1,5 Mkr", 1.5e6)]


def test_enricher_gives_a_coordinated_number_the_shared_unit():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_money")
    text = "Utfallet blev 9 respektive 7,4 miljoner kr i år."
    doc = nlp.make_doc(text)
    start = text.index("7,4")
    doc.ents = [doc.char_span(14, 15, label="MONEY"), doc.char_span(start, start + 15, label="MONEY")]
    assert [(e.text, e._.amount_sek, e._.unit) for e in nlp.get_pipe("svpol_money")(doc).ents] == [
        ("9", 9e6, "miljoner kr"), ("7,4 miljoner kr", 7.4e6, "miljoner kr")]


def test_enricher_reads_an_amount_without_currency_as_kronor():
    from svpol.components.money import parse_money_entity

    assert parse_money_entity("3 miljarder").amount_sek == 3e9
    assert parse_money_entity("0,6 mnkr").amount_sek == 6e5
    assert parse_money_entity("budgeten") == NO_MONEY


def test_amounts_in_ore_have_their_value_in_kronor():
    text = "Skatten höjs med 35 öre, och en sopsäck kostar 12 kr och 50 öre."
    # kronor and öre written together are one amount (docs/annotation.md, convention 35)
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("35 öre", 0.35), ("12 kr och 50 öre", 12.5)]
    assert list(find_money("Före 2010 var det större.")) == []
    # a rate's öre with decimals per skattekrona is kronor, as the colon's (m-v552); whole öre change the rate
    text = "Skattesatsen är 11,48 öre per skattekrona och höjs med 30 öre per skattekrona."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [("11,48 öre", 11.48), ("30 öre", 0.3)]


def test_a_number_coordinated_with_an_amount_shares_its_unit():
    text = "Nämnderna visar +4 respektive +2,5 miljoner kr, ramen ligger mellan 8 och 12 mnkr."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("4", 4e6), ("2,5 miljoner kr", 2.5e6), ("8", 8e6), ("12 mnkr", 1.2e7)]
    text = "Psykiatrin får 15, 20 och 25 miljoner kronor; Riksväg 61, 14,5 miljoner kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("15", 1.5e7), ("20", 2e7), ("25 miljoner kronor", 2.5e7), ("14,5 miljoner kronor", 1.45e7)]
    # A year is not an amount, and a range is one amount.
    text = "Under 2023 och 400 kronor senare blev det 5-10 mnkr."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["400 kronor", "5-10 mnkr"]


def test_bare_millions_before_a_budget_verb_or_after_a_loss():
    text = "Budgeten krymper: 19 miljoner förs över och 2 miljoner plockas bort. Boendet gick back med 1,6 miljoner."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [
        ("19 miljoner", 19e6), ("2 miljoner", 2e6), ("1,6 miljoner", 1.6e6)]
    # a count is still no money
    assert list(find_money("Budgeten räcker för 10 miljoner invånare.")) == []
    # money back, what part of an overrun stands for, a budget larger than last year's
    text = "Kommunen får 36 miljoner tillbaka. Av budgetens 44 miljoner står socialbidrag för mest, och budgeten är 1,2 miljarder större."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [
        ("36 miljoner", 36e6), ("44 miljoner", 44e6), ("1,2 miljarder", 1.2e9)]
    text = "För budgeten tar vi drygt 90 miljoner ur kommunens reserver. Hemtjänsten gick back med 13 miljoner förra året."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [("90 miljoner", 90e6), ("13 miljoner", 13e6)]
    text = "Underskottet är stort. 6,7 miljoner handlar om vård av äldre."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [("6,7 miljoner", 6.7e6)]
    # what the sum is for, a sum enough alone; not a count with no money word in its sentence
    text = "I år finns 51 miljoner att investera. Vi vill spara 10 miljoner bara i förvaltningen."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [("51 miljoner", 51e6), ("10 miljoner", 10e6)]
    assert list(find_money("Staden har 2 miljoner att välja mellan.")) == []
    # how a sum is saved, a renovation's sum (m-v546, m-v551); not a count moving through a place
    text = "Budgeten försvagas med 1,5 milj genom att behålla skolan. 3 miljoner för renovering av Ekbyskolan"
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [("1,5 milj", 1.5e6), ("3 miljoner", 3e6)]
    assert list(find_money("Över 2 miljoner resor genom länet.")) == []
    # a sum in all, and what a surplus held
    text = "Nämnden får 4,5 miljoner sammanlagt. Ett överskott på 123 miljoner där 65 miljoner var reavinster."
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [
        ("4,5 miljoner", 4.5e6), ("123 miljoner", 123e6), ("65 miljoner", 65e6)]


def test_bare_millions_of_a_boards_frame_in_a_budgets_list():
    text = "Kommunfullmäktige – 8,4 miljoner\nSocialnämnden – 209,6 miljoner, ökning med 9 miljoner"
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [
        ("8,4 miljoner", 8.4e6), ("209,6 miljoner", 209.6e6), ("9 miljoner", 9e6)]
    # a board that counts people is no frame: the count's noun follows
    assert list(find_money("Socialnämnden – 2 miljoner besökare per år.")) == []


def test_bare_millions_of_a_budgets_size_a_cut_or_with_the_money_in_the_next_sentence():
    text = ("Det finns utrymme i den sex miljarder stora budgeten. Nedskärningen på 42 miljoner inom vården ska "
            "återställas. Vi skjuter till 25 miljoner till nämnderna. Dels för att täcka underskottet.")
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [
        ("sex miljarder", 6e9), ("42 miljoner", 42e6), ("25 miljoner", 25e6)]
    # a count with no money word before, in or after its sentence is no money
    assert list(find_money("Staden har 2 miljoner till besökare. De kommer på sommaren. Alla trivs.")) == []


def test_bare_millions_before_the_period_they_are_for():
    text = ("Investeringar på nästan tre miljarder de kommande åren. I budgeten avsätts 28 miljoner varje år. "
            "Underskottet har ökat med 1,2 miljarder sedan 2014. Vården får 0,9 miljarder än i år i anslag.")
    assert [(text[s:e], v.amount) for s, e, v in find_money(text)] == [
        ("tre miljarder", 3e9), ("28 miljoner", 28e6), ("1,2 miljarder", 1.2e9), ("0,9 miljarder", 0.9e9)]
    # without a money word in the sentence the millions are a count
    assert list(find_money("Sverige fick 2 miljoner nya invånare de senaste åren.")) == []


def test_bare_amounts_take_their_unit_from_a_range_a_deal_or_an_amount_nearby():
    # a range shares its unit; a sale, a guarantee or a loss is money talk
    text = "Borgen höjs från 450 till 600 miljoner. Köpeskillingen var närmare sex miljoner."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("450", 4.5e8), ("600 miljoner", 6e8), ("sex miljoner", 6e6)]
    text = "Boendet gick under året back med 1,6 miljoner."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("1,6 miljoner", 1.6e6)]
    # an amount with its currency nearby makes a bare one money, a count stays a count
    text = "Nämnden får 33 miljoner kronor. Omsorgen får 8 miljoner mer nästa år, i en region med 2 miljoner invånare."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["33 miljoner kronor", "8 miljoner"]
    assert list(find_money("Han tror att 8 miljoner mer kommer att se matchen.")) == []


def test_bare_thousands_are_money_only_beside_a_currency_word():
    text = "Föreningen sökte 900 000 kronor. Den får 370 000 från kommunen och Operan med 500 000."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("900 000 kronor", 9e5), ("370 000", 3.7e5), ("500 000", 5e5)]
    # counts and page numbers are written the same way
    text = "Bidraget är 200 kronor per barn. Kommunen har 77 800 invånare och 1 200 svar kom in."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["200 kronor"]
    assert list(find_money("Sammanlagt 12 208 Ansökan om bidrag, 14 000.")) == []
    text = "Omsättningen var 6 miljarder kronor och antalet sysselsatta har nått 20 000."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["6 miljarder kronor"]


def test_vague_millions_and_an_amount_before_the_next_clause():
    text = "Vården har fått flera miljoner för lite i ersättning. De sex miljoner vi ville satsa på försvinner."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("flera miljoner", None), ("sex miljoner", 6e6)]
    assert list(find_money("Landet har flera miljoner invånare.")) == []


def test_amounts_as_real_protocols_write_them():
    # a lost space after four digits, a misspelt currency; a year before an amount stays a year
    text = "Anslaget för 2013 är 2670 000 kronor och ytterligare 1,9 miljoner kornor. Priset år 2019 500 kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("2670 000 kronor", 2.67e6), ("1,9 miljoner kornor", 1.9e6), ("500 kronor", 500.0)]
    # a heading ends without a stop; a deficit; the definite form names sums already spoken of
    text = "Nämnden behöver spara 3,7 miljoner Vid förra mötet låg kommunen 50 miljoner back i budgeten."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["3,7 miljoner", "50 miljoner"]
    text = "Budgeten fick ett tillskott. Så vi har de här 20 miljonerna klara."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("20 miljonerna", 2e7)]
    assert list(find_money("Sverige har 10 miljoner Invånare enligt folkräkningen.")) == []


def test_a_forecast_list_of_board_results():
    # "Milj" capitalised, results after "minus"; "10, 5 miljoner" is 10,5 millions with a stray space
    text = "Prognos 2007: Barn och utbildning - minus 5,2 Milj Äldreomsorg - minus 10, 5 miljoner Social omsorg minus 2,3 miljoner"
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("5,2 Milj", 5.2e6), ("10, 5 miljoner", 1.05e7), ("2,3 miljoner", 2.3e6)]
    # tax rates in kronor and öre with a colon
    text = "Skattesatsen höjs från 21:75 kr till 22:25 kr; ett minus på 11, 6 miljoner kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("21:75 kr", 21.75), ("22:25 kr", 22.25), ("11, 6 miljoner kronor", 1.16e7)]
    # two decimals after the stray space (m-v526), not a list's next item
    text = "Ramen blir 142, 68 miljoner kronor. Objekt: etapp 3, 39 mkr, och 1991/92, 360 miljoner kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("142, 68 miljoner kronor", 1.4268e8), ("39 mkr", 3.9e7), ("360 miljoner kronor", 3.6e8)]
    # the colon says kronor:öre even where the unit written is öre; a plain öre amount stays öre
    text = "Skatten fastställs till 20:87 öre per skattekrona, en höjning med 35 öre."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("20:87 öre", 20.87), ("35 öre", 0.35)]
    text = "Nämnden fick 300 000 kronor för 2019 utöver de redan avsatta 400 000 i budgeten."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["300 000 kronor", "400 000"]


def test_a_year_and_a_dash_before_an_amount_is_no_range():
    # a plan's years with their amounts; a range of two numbers rising stays one vague amount
    text = "Ramen är: • 2024 – 769 miljoner kronor • 2025 – 775,2 miljoner kronor. Priset 2000–2500 kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("769 miljoner kronor", 7.69e8), ("775,2 miljoner kronor", 7.752e8), ("2000–2500 kronor", None)]


def test_comparison_figures_in_brackets_share_the_unit_of_their_amount():
    text = "Resultatet är 312 (1 140) miljoner kronor och 12 (8,5) mnkr för bolagen."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("312", 3.12e8), ("1 140", 1.14e9), ("12", 1.2e7), ("8,5", 8.5e6)]
    text = "Överskottet är 31,4 miljoner kronor (47) och eget kapital +21,5 mnkr (+18,6 i prognos 1)."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("31,4 miljoner kronor", 3.14e7), ("47", 4.7e7), ("21,5 mnkr", 2.15e7), ("18,6", 1.86e7)]
    # a year, a percentage or a note in brackets is no figure
    text = "Avgiften är 500 kronor (2019), 3 mnkr (2 %) och 12 mnkr (se bilaga)."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["500 kronor", "3 mnkr", "12 mnkr"]


def test_a_decimal_number_coordinated_with_an_amount_and_a_list_of_bare_sums():
    text = "Planerna visar resultat på 12,0 och 88,4 miljoner kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("12,0", 1.2e7), ("88,4 miljoner kronor", 8.84e7)]
    text = "• Hamnen utvecklas 2 miljoner. • Resecentrum 3 miljoner. • 1400 miljoner till investeringar."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("2 miljoner", 2e6), ("3 miljoner", 3e6), ("1400 miljoner", 1.4e9)]
    # adverbs and modal verbs after the sum; a count of people stays a count
    text = "Partiet sätter av 120 miljoner nu. Om det kostar 3 miljoner måste det vara värt det."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["120 miljoner", "3 miljoner"]
    assert list(find_money("Över 100 miljoner människor bor där och 20 miljoner kan rösta.")) == []


def test_teens_and_tens_written_as_words():
    text = "Nämnden gick back med fjorton miljoner kronor och fick sjuttio tusen kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("fjorton miljoner kronor", 1.4e7), ("sjuttio tusen kronor", 7e4)]


def test_millions_in_the_genitive_and_before_a_clause_that_goes_on():
    text = "Budgeten ger en 100 miljoners förstärkning, och nämndens budget på 500 miljoner så räcker det."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("100 miljoners", 1e8), ("500 miljoner", 5e8)]
    assert list(find_money("Landet har en 20 miljoners befolkning.")) == []


def test_the_second_number_of_a_change_shares_the_first_amounts_unit():
    text = "Kostnaden har stigit från 12,7 miljoner till 26,7 från 2014 till 2017."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("12,7 miljoner", 1.27e7), ("26,7", 2.67e7)]
    # a percentage, a year or a count is no amount; without "från" the number stays bare
    text = "Anslaget gick från 3 miljoner till 26,7 procent av ramen, från 5 miljoner till 2019."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["3 miljoner", "5 miljoner"]
    text = "Anslaget är 4 miljoner till 30 skolor."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["4 miljoner"]


def test_a_tax_rate_without_a_currency_word_where_the_sentence_names_the_tax():
    text = "Skattesatsen för 2017 fastställdes till 21:41 per skattekrona. Mötet började kl. 13:55."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("21:41", 21.41)]
    # with a decimal comma it is left alone (annotators disagree)
    assert list(find_money("Fastställa skattesatsen till 20,33 för 2015, men inte till 32,50 procent.")) == []
    # times and document numbers next to tax words are not rates
    text = "Skattesatsen behandlades kl 14:00, klockan 15:30 och 13:00–18:00; se cirkulär 2025/26:74."
    assert list(find_money(text)) == []
    assert list(find_money("Cirkulär 16:51 beskriver budgetförutsättningarna.")) == []


@pytest.mark.parametrize("text", [
    # people counted with a passive verb or in the genitive, where no money word is in the sentence
    "Sedan dess har omkring 4 miljoner drivits på flykt, enligt FN.",
    "Långt över en miljard räknas till jordens fattiga.",
    "Reformen rör 1,8 miljoner individers ersättningar.",
])
def test_counts_before_a_verb_or_a_genitive_are_not_money(text):
    assert list(find_money(text)) == []


def test_investments_are_a_money_context():
    text = "På skolan investeras 3,5 miljoner i husen. I Ekbyholm där 2,7 miljoner investeras under 2019."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("3,5 miljoner", 3.5e6), ("2,7 miljoner", 2.7e6)]


def test_a_tables_bare_figures_take_the_unit_that_heads_it():
    text = ("Tabell 1.1 | Anslagsbelopp | |\nTusental kronor | ||\nAnslag | ||\n1:1 Ekbybidraget | 174 096 852 | |\n"
            "1:2 Utjämning för |\n6 364 352 | |\n1:3 Bidrag | 2025 | 8 650 | |\nSumma anslag | 180 723 354 | |\n| 3 | Prop. 1")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("174 096 852", 1.74096852e11), ("6 364 352", 6.364352e9), ("8 650", 8.65e6), ("180 723 354", 1.80723354e11)]
    # without the unit's line the figures are bare numbers
    assert list(find_money("Anslag | 174 096 852 |\nSumma | 180 723 354 |")) == []


def test_a_flattened_tables_figures_take_the_unit_it_declares_in_words():
    text = ("Anges i tusen kronor Budget 2025 Plan 2026 Fritidsnämnden 4 150 3 920 Tekniska nämnden 2 300 11 640\n\n"
            "Kommunen har 12 000 invånare.")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("4 150", 4.15e6), ("3 920", 3.92e6), ("2 300", 2.3e6), ("11 640", 1.164e7)]
    text = "Belopp i mnkr: intäkter 1 234"
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("1 234", 1.234e9)]
    # without the declaration they are counts, and so are those of the prose after the table's line or sentence
    assert list(find_money("Fritidsnämnden 4 150 3 920 Tekniska nämnden 2 300")) == []
    text = "Belopp i tkr Intäkter 1 234\nKommunen har 12 500 invånare. Belopp i tkr. Ekby har 12 500 invånare."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["1 234"]


def test_a_declared_unit_on_its_own_line_gives_the_one_figure_lines_under_it_that_unit():
    text = ("Siffror anges i miljoner kronor\nVerksamhet\nBudget\nFörskola\n279,3\nGrundskola\n460\nNattis\n-\n"
            "Ekbyskolan\n2025\n0,14\nUnder året har nämnden arbetat med sina mål och har nu 12 förskolor i drift.\n7")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("279,3", 2.793e8), ("460", 4.6e8), ("0,14", 1.4e5)]
    # a declaration that shares its line with other words heads no such table
    text = "Nämnden har 12 anställda; beloppen anges i tkr nedan\n12\n14"
    assert list(find_money(text)) == []


def test_a_flattened_tables_figures_take_the_unit_its_header_names_in_brackets():
    text = ("Ram (tkr) Bokslut 2024 Budget 2025 Plan 2026\nIntäkter 17 213 15 000 13 635\n"
            "Kostnader -80 075 -78 917 -76 619\nNetto (mnkr) 2025 2026\nEkbynämnden 12,5 -3,1\n\nHär bor 12 000 personer.")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("17 213", 1.7213e7), ("15 000", 1.5e7), ("13 635", 1.3635e7), ("80 075", 8.0075e7), ("78 917", 7.8917e7),
        ("76 619", 7.6619e7), ("12,5", 1.25e7), ("3,1", 3.1e6)]
    # a row's label wrapped onto a line of its own
    text = "Nämnd Budget 2025 (miljoner kronor)\nEkbynämnden 182,3\nTekniska nämnden\n(inkl kost) 170,2\nSumma: 2 752,3"
    assert [text[s:e] for s, e, _ in find_money(text)] == ["182,3", "170,2", "2 752,3"]
    # the unit after a comma before the header's years (no figure before it: a sentence's amount is no header)
    text = "Resultatbudget, mnkr 2025 2026\nIntäkter 162,4 168,2\nKostnader -1 023,2 -1 055,9"
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("162,4", 1.624e8), ("168,2", 1.682e8), ("1 023,2", 1.0232e9), ("1 055,9", 1.0559e9)]
    assert [text[s:e] for s, e, _ in find_money("Budgeten är 45, mnkr 2025 2026\nIntäkter 162,4 168,2")] == []
    # a row whose digits do not divide into the header's years is not read, nor is a header without years
    assert list(find_money("Ram (tkr) 2025 2026\nIntäkter 17 213 15 000 13 635")) == []
    assert list(find_money("Ram (tkr) Budget Utfall\nIntäkter 17 213 15 000")) == []
    # the header's cells one to a line, as a PDF's text layer may give them (m-v509)
    text = "(mnkr) Bokslut\n2024\nBudget\n2025\nIntäkter 0,6 0,3\nKostnader 12,5 11,7"
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("0,6", 6e5), ("0,3", 3e5), ("12,5", 1.25e7), ("11,7", 1.17e7)]
    assert list(find_money("(mnkr) Bokslut\nUtfall\nIntäkter 0,6 0,3")) == []  # no year: no columns
    # the unit as the header's first cell, without brackets (m-v517)
    text = "Mnkr Bokslut 2024 Budget 2025\nIntäkter 0,0 0,4\nKostnader 13,0 13,2"
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("0,0", 0.0), ("0,4", 4e5), ("13,0", 1.3e7), ("13,2", 1.32e7)]
    # a statistic's one column of kronor per head (m-v766); a count per head is none
    text = "Kommun Kronor per invånare\nEkby 38 994\nNorrby län 1 250\n\nKälla: Ekby"
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("38 994", 38994.0), ("1 250", 1250.0)]
    assert list(find_money("Kommun Elever per lärare\nEkby 12\nNorrby 14")) == []


def test_a_header_or_a_bracketed_declaration_without_years_heads_rows_of_one_figure():
    # m-v910: a header with its unit and no year columns
    text = "Årets resultat (tkr)\n\nÅrsbudget 48 250\nLokalkostnader 7 415\n\nÖverskottet var stort i år."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("48 250", 4.825e7), ("7 415", 7.415e6)]
    # m-v907: a declaration in brackets ending a sentence's line, its rows' comments in brackets
    text = ("Följande investeringar prioriteras (summorna anges i tkr):\n  - Ekby skola 2 460 (ny asfalt)\n"
            "  - Gatljus 320\nKommunen har 12 000 invånare.")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("2 460", 2.46e6), ("320", 3.2e5)]
    # a row of more than two groups may be columns run together: not read
    assert list(find_money("Årets resultat (tkr)\nIntäkter 17 213 150 000")) == []


def test_a_number_in_words_stands_apart_from_its_unit():
    text = "Köpet av Femöre Rökeri AB godkänns; det kostar fem öre."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["fem öre"]


def test_the_tax_base_of_a_rate_is_not_an_amount():
    text = "Skattesatsen är oförändrad med 22,50 kr per 100 skattekronor. Stödet var 2 miljarder skattekronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("22,50 kr", 22.5), ("2 miljarder skattekronor", 2e9)]


def test_a_sum_in_billions_and_millions_is_one_amount():
    from svpol.components.money import parse_money_entity

    text = "Investeringar på totalt 1 miljard och 112 miljoner kronor, sedan 2,5 miljarder och 40 miljoner kr."
    found = [(text[start:end], value.amount_sek) for start, end, value in find_money(text)]
    assert found == [("1 miljard och 112 miljoner kronor", 1_112_000_000.0),
                     ("2,5 miljarder och 40 miljoner kr", 2_540_000_000.0)]
    assert parse_money_entity("1 miljard och 112 miljoner kronor").amount_sek == 1_112_000_000.0


def test_a_figure_compared_with_an_amount_shares_its_unit():
    text = "Skolan får 85 miljoner mot Alliansens 71,4. Överskottet blir 90 miljoner jämfört med 76 i fjol."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("85 miljoner", 8.5e7), ("71,4", 7.14e7), ("90 miljoner", 9e7), ("76", 7.6e7)]
    # a percentage or a year compared is no amount
    text = "Kostnaden är 3 miljoner kronor mot 12 procent av ramen och 5 miljoner kronor jämfört med 2019."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["3 miljoner kronor", "5 miljoner kronor"]


def test_numbers_before_an_amount_in_words_or_joined_by_resp_share_its_unit():
    text = "Anslaget sänks från 12 till sju miljoner kronor, ramarna med 21 resp. 4 miljoner."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("12", 1.2e7), ("sju miljoner kronor", 7e6), ("21", 2.1e7), ("4 miljoner", 4e6)]
    text = "Rabatterna är på mellan 300 och upp till 550 miljoner kronor."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("300", 3e8), ("550 miljoner kronor", 5.5e8)]


def test_bare_sums_on_top_of_a_budget_approximate_or_misspelt():
    text = "Det finansieras med 33 miljoner utöver budgeten. Vi förstärker tillsynen med 5 miljoner."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("33 miljoner", 3.3e7), ("5 miljoner", 5e6)]
    # thousands after "ca" or "varav" where the sentence speaks of money and an amount has its currency
    text = "Avgiften är 200 kronor. Den totala kostnaden blir ca 400 000 om året, varav 150 000, enligt förslaget."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("200 kronor", 200.0), ("400 000", 4e5), ("150 000", 1.5e5)]
    assert [text[s:e] for s, e, _ in find_money("Avgiften är 200 kronor. Länet har ca 400 000 invånare.")] == ["200 kronor"]
    text = "Överskottet är 30 miljoner koronor, dygnskostnaden tiotusentals kronor och anslaget 7 milioner i år."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("30 miljoner koronor", 3e7), ("tiotusentals kronor", None), ("7 milioner", 7e6)]


def test_thousands_after_a_sums_noun_and_pa_are_money_without_another_amount():
    text = "Frågan gällde startbidraget på 400.000 som nämnden gav, och en kostnad på 850 000."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("400.000", 4e5), ("850 000", 8.5e5)]
    # counted things after the number, or no sum's noun before "på", stay numbers
    assert list(find_money("Ett stöd på 20 000 invånare. Området på 20.000 kvadratmeter.")) == []


def test_what_something_costs_and_sums_added_are_money_without_a_currency_word():
    text = "Resan kostade ungefär 60 000 inklusive hotell. Kursen kostar 200 000, sa hon."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("60 000", 6e4), ("200 000", 2e5)]
    text = "Ramen höjdes med 650 miljoner. Sedan dess har vi tillfört ytterligare fyra miljarder."
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("650 miljoner", 6.5e8), ("fyra miljarder", 4e9)]


def test_sums_given_to_several_receivers_share_the_currency_of_the_first():
    text = ("Nämnden ger 30 000 kronor till föreningen Ekhem, 51 000 till Ekby musikklubb och 150 000 till Norrby "
            "hembygdsförening. Ekby museum får 400 000 kronor och Ekbynoden 100 000 för att utvecklas.")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [
        ("30 000 kronor", 3e4), ("51 000", 5.1e4), ("150 000", 1.5e5), ("400 000 kronor", 4e5), ("100 000", 1e5)]
    # not without a sum in whole kronor before them in the sentence
    text = "Kostnaden blev 20 000 kronor. Befolkningen ökade, 10 000 till 12 000 invånare."
    assert [text[s:e] for s, e, _ in find_money(text)] == ["20 000 kronor"]



def test_a_web_pages_table_parts_its_declaration_and_cells_by_blank_lines():
    # m-v916: "Anges i\n\ntusen kronor\n\nBudget\n\n2024 ..."
    text = ("Sammanställning:\n\nAnges i\n\ntusen kronor\n\nBudget\n\n2025\n\nKommunstyrelsen\n\n4 125\n\n"
            "Socialnämnden\n\n2 740\n\nDärefter följer en lång text om nämndernas arbete under året som gått.\n\n12")
    assert [(text[s:e], v.amount_sek) for s, e, v in find_money(text)] == [("4 125", 4.125e6), ("2 740", 2.74e6)]
