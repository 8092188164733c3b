"""Attributed claims (issue 4): who states how many, about what, citing whom.

Most tests are tables of ``(document, sentence, expected claims)``: short real
sentences from the shared corpus, each put in a one-block document and run
through :func:`verbale.claims.extract_claims`. An expected claim names only
the fields it checks (see :func:`K`). Negative rows expect no claim: dates,
years, paragraph, resolution and regiment numbers, percentages, money, ages,
counts of things. The end-to-end tests at the bottom parse the seed letter.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import Any

import pytest
from conftest import CORPUS_PDF, SEED, need

from verbale.claims import (
    EventComparison,
    claims_to_rows,
    compare_claims,
    comparison_to_rows,
    extract_claims,
    extract_quotations,
)
from verbale.claims._vocab import DATA_PATH
from verbale.claims.numbers import find_amounts, parse_amount
from verbale.model import Block, Claim, Claimant, Document, Footnote, Marker, Reference, Source

AUTHOR = "Permanent Representative of Testland"


# -- factories -------------------------------------------------------------------


def _doc(*texts: str, kinds: tuple[str, ...] = (), sender: str = AUTHOR, **extra: Any) -> Document:
    """A document of one block per text (paragraphs unless ``kinds`` says otherwise)."""
    blocks = tuple(
        Block(f"b{i}", kinds[i - 1] if i <= len(kinds) else "paragraph", text, 1)
        for i, text in enumerate(texts, start=1)
    )
    return Document(Source("test", "text", "", 1, 0), sender=sender, blocks=blocks, **extra)


def K(measure: str, value: Any = None, **checks: Any) -> dict[str, Any]:
    """An expected claim: its measure, its value (an int, or (low, best, high)), and
    any other Claim field to check by name; ``claimant`` and ``kind`` check the claimant."""
    out: dict[str, Any] = {"measure": measure}
    if isinstance(value, tuple):
        out["low"], out["best"], out["high"] = value
        out["value"] = None
    elif value is not None:
        out["value"] = value
    out.update(checks)
    return out


def _actual(claim: Claim, expected: dict[str, Any]) -> dict[str, Any]:
    got = {}
    for name in expected:
        if name == "claimant":
            got[name] = claim.claimant.name
        elif name == "kind":
            got[name] = claim.claimant.kind
        else:
            got[name] = getattr(claim, name)
    return got


def _check(claims: tuple[Claim, ...], expected: list[dict[str, Any]]) -> None:
    assert [c.measure for c in claims] == [e["measure"] for e in expected], [c.text for c in claims]
    for claim, exp in zip(claims, expected):
        assert _actual(claim, exp) == exp, claim.text


# -- the table: real sentences from the shared corpus ----------------------------

CASES = [
    # A/79/797-S/2025/109, report of the Secretary-General on Afghanistan
    ("A/79/797", ("Among the six attacks, notably, ISIL-K claimed responsibility for assault on a "
     "Sufi shrine in Nahrin District, Baghlan Province, on 21 November, in which at least 11 "
     "worshippers were killed."),
     # "claimed responsibility" does not make ISIL-K the source of the figure
     [K("killed", (11, 11, None), hedge="at least", victims="worshippers", kind="author",
        place="Nahrin District", date="21 November")]),
    ("A/79/797", ("On 11 December, ISIL-K claimed responsibility for a suicide attack at a mosque "
     "inside the de facto Ministry of Refugees and Repatriation in Kabul that killed the de facto "
     "Minister and three other persons and injured another four persons."),
     [K("killed", 3, victims="persons"), K("wounded", 4, victims="persons")]),
    ("A/79/797", ("On 10 January, mortar fire and heavy clashes in Sar Kani District displaced about "
     "250 families."),
     [K("displaced", (225, 250, 275), hedge="about", victims="families", place="Sar Kani District")]),
    ("A/79/797", ("At least 81 civilians (37 men, 8 women, 18 girls and 18 boys) were killed and at "
     "least 111 others (57 men, 9 women, 15 girls and 30 boys) were wounded in such attacks."),
     [K("killed", (81, 81, None), hedge="At least", victims="civilians",
        breakdown=(("men", 37), ("women", 8), ("girls", 18), ("boys", 18))),
      K("wounded", (111, 111, None), hedge="at least", victims="others",
        breakdown=(("men", 57), ("women", 9), ("girls", 15), ("boys", 30)))]),
    ("A/79/797", ("On 24 December, in Paktika Province, air strikes by Pakistani security forces "
     "resulted in at least 45 civilians killed (30 children, 8 women and 7 men) and 8 wounded "
     "(6 children and 2 women)."),
     [K("killed", (45, 45, None), breakdown=(("children", 30), ("women", 8), ("men", 7)),
        place="Paktika Province", date="24 December"),
      K("wounded", 8, victims="civilians", breakdown=(("children", 6), ("women", 2)))]),
    ("A/79/797", ("On 28 December, in Paktiya Province, cross-border firing between de facto security "
     "forces and Pakistani security forces resulted in three men killed and six men wounded."),
     [K("killed", 3, victims="men"), K("wounded", 6, victims="men")]),
    ("A/79/797", ("Other challenges included movement restrictions (18 incidents) and violence against "
     "humanitarian workers (29 incidents), including 17 detentions in which 41 humanitarian "
     "workers were detained, physical environment (5 incidents) and ongoing military operations "
     "(1 incident)."),
     [K("detained", 41, victims="humanitarian workers")]),
    # S/2025/153, report of the Secretary-General on resolution 1701 (2006)
    ("S/2025/153", ("On 21 October, 18 people, including 4 children, were killed and 60 were injured "
     "in a strike next to Rafic Hariri University Hospital in Janah, Beirut."),
     [K("killed", 18, victims="people", breakdown=(("children", 4),), date="21 October", place="Janah"),
      K("wounded", 60, victims="people", date="21 October")]),
    ("S/2025/153", ("The Ministry of Public Health of Lebanon stated that, as at 13 February 2025, over "
     "4,244 people had been killed, including 341 children and 962 women, and 17,506 injured, "
     "due to the hostilities since 8 October 2023."),
     [K("killed", (4245, 4245, None), hedge="over", breakdown=(("children", 341), ("women", 962)),
        claimant="The Ministry of Public Health of Lebanon", kind="source",
        date="as at 13 February 2025"),
      K("wounded", 17506, claimant="The Ministry of Public Health of Lebanon", kind="source")]),
    ("S/2025/153", ("In identical letters dated 12 November 2024 addressed to the President of the "
     "Security Council and to me (S/2024/881), the Permanent Representative of Israel to the "
     "United Nations stated that “since the beginning of the war, 72 civilians and soldiers have "
     "been killed, 6 of whom were foreign civilians, and 636 have been injured”."),
     [K("killed", 72, victims="civilians and soldiers", breakdown=(("foreign civilians", 6),),
        claimant="the Permanent Representative of Israel to the United Nations", kind="source",
        quoted=True, date=None),
      K("wounded", 636, quoted=True, kind="source")]),
    ("S/2025/153", ("As at 19 February, 98,994 people remained displaced, while 950,652 people had "
     "begun returning to their areas of origin."),
     [K("displaced", 98994, date="as at 19 February"), K("returned", 950652)]),
    ("S/2025/153", ("As at 31 January, 763,707 refugees and asylum-seekers were registered with the "
     "Office of the United Nations High Commissioner for Refugees (UNHCR) in Lebanon, including "
     "752,675 Syrian refugees and 11,032 refugees and asylum-seekers of other nationalities."),
     [K("refugees", 763707, place="Lebanon", breakdown=(
         ("Syrian refugees", 752675), ("refugees and asylum-seekers", 11032)))]),
    ("S/2025/153", ("An Israeli air strike on 14 November on a civil defence centre in Duris, Biqa‘ "
     "killed 15 civil defence personnel."),
     [K("killed", 15, victims="civil defence personnel", date="14 November", place="Duris")]),
    ("S/2025/153", ("On 17 November, four soldiers were killed in an Israeli strike on a Lebanese "
     "Armed Forces position in Mari (Sector East)."),
     [K("killed", 4, victims="soldiers", date="17 November", place="Mari")]),
    # S/2025/194, report of the Secretary-General on Somalia
    ("S/2025/194", ("UNTMIS recorded 402 civilian casualties (179 killed [132 men, 26 women, 12 boys "
     "and 9 girls] and 223 injured [140 men, 44 women, 21 boys, 10 girls and 8 unspecified]) "
     "during the reporting period, a 34 per cent increase compared with the 609 civilian "
     "casualties recorded during the previous period."),
     [K("casualties", 402, claimant="UNTMIS", kind="source", date="the reporting period"),
      K("killed", 179, breakdown=(("men", 132), ("women", 26), ("boys", 12), ("girls", 9))),
      K("wounded", 223, breakdown=(("men", 140), ("women", 44), ("boys", 21), ("girls", 10),
                                    ("unspecified", 8))),
      K("casualties", 609)]),
    ("S/2025/194", ("During the reporting period, 640,000 people were internally displaced due to "
     "conflict and insecurity."),
     [K("displaced", 640000, victims="people")]),
    ("S/2025/194", ("On 3 November, a rocket attack against the Aden Adde International Airport zone "
     "in Mogadishu, which is protected by the African Union Transition Mission in Somalia "
     "(ATMIS), resulted in the deaths of two ATMIS soldiers and the injury of one non-United "
     "Nations staff member in an adjacent compound."),
     # "Mission in Somalia" belongs to a body's name: the place is Mogadishu
     [K("killed", 2, victims="ATMIS soldiers", text="the deaths of two ATMIS soldiers",
        place="Mogadishu"),
      K("wounded", 1, victims="non-United Nations staff member")]),
    # S/2025/389, report of the Secretary-General on conflict-related sexual violence
    ("S/2025/389", ("Of the estimated 6,417 Yazidis abducted by Da’esh, 1,229 women and 1,363 men "
     "remain missing."),
     [K("hostages", (5776, 6417, 7058), hedge="the estimated", victims="Yazidis"),
      K("missing", 1229, victims="women"), K("missing", 1363, victims="men")]),
    ("S/2025/389", ("In addition, reports indicate that out of 580 Shi’a Turkmen (460 girls and "
     "120 boys) abducted by Da’esh in 2014, only 26 female survivors have been rescued and "
     "returned to Iraq, including two in 2024."),
     [K("hostages", 580, victims="Shi’a Turkmen", breakdown=(("girls", 460), ("boys", 120)),
        claimant="reports", kind="source"),
      # "rescued and returned": one predicate ("and" between two participles)
      K("returned", 26, victims="female survivors", claimant="reports")]),
    ("S/2025/389", ("Over 1 million Rohingya refugees continue to reside in Cox’s Bazar, Bangladesh, "
     "amid rising attacks against Rohingya in Rakhine State, Myanmar."),
     [K("refugees", (1000001, 1000001, None), hedge="Over", victims="Rohingya refugees",
        place="Cox’s Bazar")]),
    # S/2025/460, report of the Secretary-General on resolution 1701 (2006)
    ("S/2025/460", ("Since 27 November 2024, at least 79 Lebanese civilians have been killed by "
     "Israeli military operations, including 15 women and 10 children, with no reported "
     "Israeli casualties."),
     [K("killed", (79, 79, None), victims="Lebanese civilians",
        breakdown=(("women", 15), ("children", 10)), date="since 27 November 2024")]),
    ("S/2025/460", ("That step followed armed clashes between Lebanese clans and the Syrian interim "
     "authorities’ security forces near the border between Lebanon and the Syrian Arab Republic "
     "on 16 and 17 March, in which at least 7 people were killed and 52 injured."),
     [K("killed", (7, 7, None), date="16 and 17 March"), K("wounded", 52, victims="people")]),
    ("S/2025/460", ("As at 31 May, at least 82,000 people, 51 per cent of whom are women, remain "
     "displaced."),
     [K("displaced", (82000, 82000, None), breakdown=())]),
    ("S/2025/460", ("On 20 April, the Lebanese Armed Forces stated that three of its personnel were "
     "killed and several civilians injured by ammunition exploding while being transported by the "
     "Lebanese Armed Forces in Burayqah, Nabatiyah."),
     [K("killed", 3, victims="personnel", claimant="the Lebanese Armed Forces", kind="source")]),
    # A/ES-10/1029-S/2025/210, letter from the Permanent Observer of the State of Palestine
    ("A/ES-10/1029", ("The total number of casualties in this same period has risen to 1,249 "
     "Palestinians killed and more than 3,000 wounded."),
     [K("killed", 1249, victims="Palestinians"),
      K("wounded", (3001, 3001, None), hedge="more than", victims="Palestinians")]),
    ("A/ES-10/1029", ("2 April: 15 Palestinians killed in an Israeli bombardment in Khan Yunus; 22 "
     "Palestinians, 16 of whom were children, women and elderly persons, killed in an Israeli "
     "strike on a health clinic."),
     [K("killed", 15, place="Khan Yunus", date="2 April"),
      K("killed", 22, breakdown=(("children, women and elderly persons", 16),))]),
    ("A/ES-10/1029", ("In the week since my previous letter, hundreds more Palestinian civilians have "
     "been killed and wounded by the Israeli occupying forces."),
     [K("casualties", (200, 300, 999), hedge="hundreds more", victims="Palestinian civilians")]),
    ("A/ES-10/1029", ("By now, the world has also heard the gruesome details of Israel’s massacre of "
     "15 humanitarian workers – 8 medics from the Palestine Red Crescent Society, 6 rescue "
     "workers from the Palestinian Civil Defence and 1 United Nations staff member – who were "
     "killed on 23 March while on a mission to rescue the victims of an Israeli military attack "
     "in the city of Rafah."),
     [K("killed", 15, victims="humanitarian workers", place="Rafah", date="23 March", breakdown=(
         ("medics", 8), ("rescue workers", 6), ("United Nations staff member", 1)))]),
    # A/79/801-S/2025/121, letter from the Permanent Representative of Azerbaijan
    ("A/79/801", ("On the night of 25 to 26 February 1992, the Armenian armed forces invaded the town "
     "of Khojaly in the Garabagh region of Azerbaijan, killing 613 civilians, including 106 "
     "women, 63 children and 70 elderly persons."),
     [K("killed", 613, victims="civilians", place="Khojaly", date="25-26 February 1992",
        claimant=AUTHOR, kind="author",
        breakdown=(("women", 106), ("children", 63), ("elderly persons", 70)))]),
    ("A/79/801", ("Another 1,000 residents of Khojaly were wounded, 1,275 were taken hostage, and 150 "
     "went missing."),
     [K("wounded", 1000, victims="residents", place="Khojaly"),
      K("hostages", 1275, victims="residents"), K("missing", 150, victims="residents")]),
    # A/52/826-S/1998/222, report of the Secretary-General on Afghanistan (1998)
    ("A/52/826", ("The earthquake destroyed 28 villages and resulted in the death of some 4,000 "
     "persons, with a further 20,000 rendered homeless."),
     [K("killed", (3600, 4000, 4400), hedge="some", victims="persons"), K("displaced", 20000)]),
    ("A/52/826", ("On 9 February, Taliban bombing raids hit Taloqan, the capital of Takhar Province to "
     "the east of Kunduz, killing 17 persons and damaging the airport."),
     [K("killed", 17, victims="persons", date="9 February")]),
    # A/79/846-S/2025/198, letter from the Chargé d'affaires a.i. of Ukraine
    ("A/79/846", ("In the city of Dnipro, the attack killed at least 4 civilians and injured 25 "
     "others, including a pregnant woman."),
     [K("killed", (4, 4, None), victims="civilians", place="Dnipro"),
      K("wounded", 25, victims="others", breakdown=())]),
    # S/2025/31, letter from the Permanent Representative of the Russian Federation
    ("S/2025/31", ("Mr. Miroshnik, Ambassador-at-large of the Russian Foreign Ministry on the crimes "
     "of the Kiev regime, highlighted that, since the beginning of 2024 alone, close to 5,000 "
     "civilians in Russian regions had been affected by attacks by Ukrainian militants, with 718 "
     "people killed, including 49 children."),
     [K("killed", 718, breakdown=(("children", 49),), claimant="Mr. Miroshnik", kind="source")]),
    # S/2025/472, letter from the Permanent Mission of Kenya
    ("S/2025/472", ("The second pick was on 27th January 2025, when the Viv Ansanm coalition attacked "
     "Kenscoff area, leaving an estimated 40 people dead and more than 1,660 people homeless."),
     [K("killed", (36, 40, 44), hedge="an estimated", date="27 January 2025"),
      K("displaced", (1661, 1661, None), hedge="more than")]),
    # S/2025/71/Rev.1, report of the Monitoring Team
    ("S/2025/71/Rev.1", ("Since July, ADF had conducted 120 attacks, killing 300 civilians, with a "
     "gradual decrease in deaths in recent months."),
     [K("killed", 300, victims="civilians")]),
    ("S/2025/71/Rev.1", ("In 2024, five terrorist cells were dismantled and 23 individuals arrested, "
     "successfully preventing attacks."),
     [K("detained", 23, victims="individuals", date="2024")]),
    # A/ES-10/1027-S/2025/173, letter from the Permanent Observer of the State of Palestine
    ("A/ES-10/1027", ("At the time of writing the present letter, 436 Palestinians have been murdered "
     "in these Israeli attacks and 678 wounded; the majority of the victims are children and women."),
     [K("killed", 436, victims="Palestinians"), K("wounded", 678, victims="Palestinians")]),
    # A/ES-10/1043-S/2025/529: an age, "two children" with no measure, one count of colleagues
    ("A/ES-10/1043", ("The latest victim of Israel’s war on Palestinian journalists was Anas Al-Sharif, "
     "a 28-year-old reporter, husband and father of two children, who was targeted and murdered "
     "alongside four colleagues in an Israeli strike on a tent next to Al-Shifa’ Hospital on "
     "10 August."),
     [K("killed", 4, victims="colleagues", date="10 August")]),
    # E/CN.6/2025/NGO/142, statement by a non-governmental organization
    ("E/CN.6/2025/NGO/142", ("Forced Disappearances and State Complicity: Hundreds of minority women "
     "and girls who have been kidnapped remain missing, their fate unknown."),
     [K("hostages", (200, 300, 999), hedge="Hundreds of", victims="minority women and girls")]),
    # A/80/87, note verbale: a population as a denominator
    ("A/80/87", ("Despite being a small country with a population of 1.3 million, Estonia contributes "
     "regularly to an increasing number of United Nations programmes."),
     [K("population", 1300000)]),
    # A/79/775-S/2025/11: a list of places, each with its own count
    ("A/79/775", ("1900 Israeli enemy warplanes carried out several strikes on the following areas "
     "and towns: Jibal al-Butm (on a house, killing two), Juwayya (on a house, killing two), "
     "Sir al-Gharbiyah (causing deaths and injuries), Burayqa‘ (causing deaths and injuries)."),
     [K("killed", 2, place="Jibal al-Butm", victims=None), K("killed", 2, place="Juwayya")]),
    # S/2025/122, report of the Secretary-General on Haiti: "over 1,000 more" compares two years
    ("S/2025/122", ("Gang-related violence killed at least 5,601 people in 2024, over 1,000 more than "
     "in 2023."),
     [K("killed", (5601, 5601, None), victims="people", date="2024")]),
]

# Rows added by the corpus audit of claim quality (one class of error or miss each).
CASES += [
    # ", including women and children," (no figure) sits between a count and its predicate
    ("S/2025/153", ("On 5 November, over 20 people, including women and children, were killed in "
     "Barja, Shuf district."),
     [K("killed", (21, 21, None), hedge="over", victims="people", place="Barja",
        date="5 November")]),
    # "attacked and injured": two participles, one predicate
    ("S/2025/153", ("Two peacekeepers, including the outgoing Deputy Force Commander of UNIFIL, were "
     "attacked and injured while trying to escape."),
     [K("wounded", 2, victims="peacekeepers")]),
    # the verb before a count covers the count coordinated after it; "claimed
    # responsibility for killing" reports an act, not a figure ISIL-K states
    ("A/79/797", ("On 21 January, ISIL-K claimed responsibility for killing one Chinese national and "
     "one member of the de facto security forces in Khwaja Baha ud Din District, Takhar Province."),
     [K("killed", 1, victims="Chinese national", kind="author"),
      K("killed", 1, victims="member", kind="author")]),
    ("A/79/775", ("1055 An Israeli enemy Merkava tank deployed in the town of Bayyadah fired three "
     "shells at a Lebanese army post, killing a soldier, injuring two officers and 17 other "
     "Lebanese army personnel, and completely incinerating the aforementioned post."),
     [K("wounded", 2, victims="officers"),
      K("wounded", 17, victims="Lebanese army personnel", place="Bayyadah")]),
    # "N people to flee / to evacuate their homes": displacement
    ("S/2025/29", ("We understood now first-hand the severe repercussions of this inaction by the "
     "United Nations for Israel, as over 22,000 rockets, over 1,500 anti-tank missiles and over "
     "700 drones were fired by Hezbollah at Israeli communities throughout the war, forcing over "
     "63,000 Israeli civilians to evacuate their homes for more than a year, up until today."),
     [K("displaced", (63001, 63001, None), victims="Israeli civilians")]),
    ("S/2025/389", ("In February 2024, mandatory conscription prompted thousands of people to flee "
     "Myanmar, thereby raising risks of trafficking."),
     [K("displaced", (2000, 3000, 9999), victims="people", date="February 2024")]),
    # a total: "the number of X … stands at N", "is estimated at N", "from N to M"
    ("S/2025/49", ("More than half the population has been affected by the war, while the total number "
     "of displaced persons and refugees now stands at almost 14 million persons, owing to the "
     "systematic targeting of civilians by the terrorist rebel militia."),
     [K("displaced", (12600000, 14000000, 14000000), hedge="almost", victims="persons")]),
    ("S/2025/153", ("With new registrations of Syrian refugees by UNHCR suspended by the Government of "
     "Lebanon since 2015, the actual number of refugees remains unknown, but is estimated at 1.5 "
     "million by the Government."),
     [K("refugees", 1500000)]),
    ("S/2025/492", ("• Between 2020 and 2025, the number of internally displaced persons and refugees "
     "in the Sahel region has more than doubled, from 4.5 million in 2020 to over 9.2 million in "
     "2025."),
     # the date right after a figure is its own
     [K("displaced", 4500000, date="2020"),
      K("displaced", (9200001, 9200001, None), hedge="over", date="2025")]),
    ("S/2025/122", ("Since the assassination of President Moïse, internal displacement has surged, "
     "rising from 330,000 one year ago to over 1 million at present, as Haitians continue to flee "
     "gang violence."),
     [K("displaced", 330000), K("displaced", (1000001, 1000001, None))]),
    # people an event affected: "deportation incidents … affecting N"
    ("S/2025/153", ("Since 1 January 2025, UNHCR recorded 120 deportation incidents by Lebanese "
     "authorities affecting at least 5,303 Syrian nationals."),
     [K("displaced", (5303, 5303, None), victims="Syrian nationals",
        date="since 1 January 2025")]),
    ("S/2025/460", ("As at 17 June, 141 deportation incidents following raids, arrests at checkpoints "
     "and failed onward movements by sea, involving at least 7,047 Syrians, were recorded."),
     [K("displaced", (7047, 7047, None), victims="Syrians", date="as at 17 June")]),
    ("A/80/74", ("For the twelfth consecutive year, forced displacement due to violence and conflict "
     "increased, affecting over 120 million people."),
     [K("displaced", (120000001, 120000001, None), victims="people")]),
    # heads: "-ists" nouns of persons, "terrorists"; "killings of"; "fatality"; "captured"
    ("ohchr_1", ("The International Centre for Trade Union Rights (ICTUR) was concerned about the "
     "violent killings of at least two trade unionists, and for the absence of proper "
     "investigation of these cases."),
     [K("killed", (2, 2, None), victims="trade unionists")]),
    ("S/2025/153", ("We have taken out the organization’s top leadership, we have destroyed most of "
     "their rockets and missiles, we have killed thousands of terrorists and we demolished their "
     "underground terror infrastructure abutting our border."),
     [K("killed", (2000, 3000, 9999), victims="terrorists")]),
    ("S/2025/122", ("In January 2025, gangs opened fire on identified diplomatic vehicles, causing one "
     "fatality and injuring six."),
     [K("killed", 1, date="January 2025"), K("wounded", 6)]),
    ("S/2025/71/Rev.1", ("Joint forces of the Armed Forces of the Democratic Republic of the Congo "
     "(FARDC) and the Uganda Peoples’ Defence Forces (UPDF) killed over 120 ADF fighters and "
     "captured 80."),
     [K("killed", (121, 121, None), victims="ADF fighters"),
      K("detained", 80, victims="ADF fighters")]),
    # dates: a month alone after a preposition, "early 2024", a range of months
    ("S/2025/71/Rev.1", "Notably, in August, the deputy wali of ISIL (Da’esh) in Iraq and 13 others were killed.",
     [K("killed", 13, victims="others", date="August")]),
    ("S/2025/518", ("In an uptick in violence primarily between Ngok Dinka and Nuer communities in early "
     "2024, two UNISFA peacekeepers were killed while performing their duties in protecting "
     "civilians."),
     [K("killed", 2, victims="UNISFA peacekeepers", date="early 2024")]),
    ("S/2025/194", ("From September to December, UNTMIS recorded five journalists and media workers who "
     "were arrested and detained by intelligence agencies, including three in Mogadishu and two "
     "in Jubbaland."),
     [K("detained", 5, date="September to December", claimant="UNTMIS", breakdown=())]),
    # a day in the claim's clause is more precise than a period before it
    ("S/2025/472", ("Notably, during the period under review, one MSS officer was killed during a "
     "shootout with gangs in Segur area in Artbonite Department on 23rd February 2025, and a second "
     "officer was reported missing after a rescue team was dispatched to assist an HNP team that "
     "had been stuck in a trench."),
     [K("killed", 1, victims="MSS officer", date="23 February 2025", place="Segur")]),
    # place and date of the claim's own clause
    ("A/79/797", ("A Tehrik-e Taliban Pakistan commander was reportedly killed and two other "
     "commanders were reportedly injured on 30 November in Shultan District, and four senior "
     "Tehrik-e Taliban Pakistan commanders were reportedly killed in Shigal District on "
     "3 December."),
     [K("wounded", 2, place="Shultan District", date="30 November"),
      K("killed", 4, place="Shigal District", date="3 December")]),
    ("S/2025/153", ("At least 60 people were killed by strikes on 28 and 30 October in the Biqa‘ Valley, "
     "while an evacuation order was issued by the Israel Defense Forces for the entire city of "
     "Baalbek."),
     [K("killed", (60, 60, None), place="Biqa‘ Valley", date="28 and 30 October")]),
    # a place inside a body's name is not where the event was
    ("A/ES-10/1043", ("Moreover, as of today, Israeli occupying forces have killed 360 personnel of the "
     "United Nations Relief and Works Agency for Palestine Refugees in the Near East (UNRWA), in "
     "addition to killing other United Nations staff."),
     [K("killed", 360, victims="personnel", place=None)]),
    # a listed place followed by its kind: "Rashidiyah camp (…"
    ("A/79/775", ("1130 Israeli enemy warplanes carried out several strikes on the following places and "
     "towns: Malikiyah, Burj Rahhal, Rashidiyah camp (killing eight and injuring 21), Sama‘iyah, "
     "the Buss camp (on a house, killing three and injuring one), Qana."),
     [K("killed", 8, place="Rashidiyah"), K("wounded", 21, place="Rashidiyah"),
      K("killed", 3, place="Buss"), K("wounded", 1, place="Buss")]),
    ("A/79/775", ("1950–2330 Israeli enemy warplanes carried out air strikes on the following places and "
     "towns: Qana, Ma‘rub, Jibal al-Butm, Ma‘rakah (on a house), killing four, Dib‘al (on a "
     "house, injuring two), Dayr Qanun Ra’s al-Ayn."),
     [K("killed", 4, place="Ma‘rakah"), K("wounded", 2, place="Dib‘al")]),
]

# Rows of the second audit: the source named inside the claim's clause, numbers with
# full stops between thousands, and where people who moved went. "constructed" rows
# are realistic sentences of a kind the corpus lacks.
CASES += [
    # a passive reporting verb and its agent: "estimated at N by X", "informed by X that"
    ("S/2025/153", ("With new registrations of Syrian refugees by UNHCR suspended by the Government of "
     "Lebanon since 2015, the actual number of refugees remains unknown, but is estimated at 1.5 "
     "million by the Government."),
     [K("refugees", 1500000, claimant="the Government", kind="source")]),
    ("S/2025/460", ("UNIFIL has been informed by the Lebanese authorities that an investigation has been "
     "initiated into the incident with one suspect detained and referred to the military "
     "prosecutor while efforts to identify additional suspects continue."),
     [K("detained", 1, victims="suspect", claimant="the Lebanese authorities", kind="source")]),
    ("constructed", ("The number of people killed in the attack on the market was estimated at 500 by "
     "the Ministry of Interior."),
     [K("killed", 500, claimant="the Ministry of Interior", kind="source")]),
    ("constructed", ("From January to March, 120 civilian casualties were verified by the United "
     "Nations."),
     [K("casualties", 120, claimant="the United Nations", kind="source")]),
    ("constructed", "The death toll was estimated by the Ministry of Health at 500 people.",
     [K("killed", 500, claimant="the Ministry of Health", kind="source")]),
    ("constructed", "The number of displaced persons was put by OCHA at 12,000.",
     [K("displaced", 12000, claimant="OCHA", kind="source")]),
    ("constructed", "The cost of the repairs was estimated by the Ministry at 500.", []),
    ("constructed", "Five people were confirmed dead by the Ministry of Health.",
     [K("killed", 5, claimant="the Ministry of Health", kind="source")]),
    ("constructed", "As reported by OCHA, some 30,000 people were displaced in Darfur in May.",
     [K("displaced", (27000, 30000, 33000), claimant="OCHA", kind="source", place="Darfur")]),
    ("constructed", "Some 30,000 people were displaced in Darfur in May, as reported by OCHA.",
     [K("displaced", (27000, 30000, 33000), claimant="OCHA", kind="source")]),
    ("constructed", "At least 200 civilians were killed in the city, as documented by the Mission.",
     [K("killed", (200, 200, None), claimant="the Mission", kind="source")]),
    ("constructed", ("On 3 May, 40 people were killed and 60 injured in Rafah, as reported by the de "
     "facto authorities."),
     [K("killed", 40, claimant="the de facto authorities", kind="source"),
      K("wounded", 60, claimant="the de facto authorities", kind="source")]),
    # "according to X" with or without its comma; figures named as the source
    ("constructed", "According to the Ministry of Health, 40 people were killed in the strike.",
     [K("killed", 40, claimant="the Ministry of Health", kind="source")]),
    ("constructed", "On 3 May, 40 people were killed in the strike according to the Ministry of Health.",
     [K("killed", 40, claimant="the Ministry of Health", kind="source")]),
    ("constructed", "Figures provided by UNICEF show that 120 children were killed in March.",
     [K("killed", 120, claimant="UNICEF", kind="source")]),
    ("constructed", ("According to data released by the Ministry of Health (MoH), 2,000 people were "
     "injured."),
     [K("wounded", 2000, claimant="the Ministry of Health (MoH)", kind="source")]),
    # the subject that states the figure comes before an agent that confirms it
    ("constructed", "The Mission recorded 120 civilian casualties, as confirmed by the Ministry.",
     [K("casualties", 120, claimant="The Mission", kind="source")]),
    # "by" after a verb of the event names a perpetrator, not a source
    ("S/2025/460", ("UNIFIL hosted the sixth meeting of the mechanism, on 11 March, following which "
     "UNIFIL supported the return to Lebanon of four individuals apprehended by the Israel Defense "
     "Forces in 2024."),
     [K("detained", 4, kind="author")]),
    ("constructed", "At least 300 people were detained by the police in Kabul.",
     [K("detained", (300, 300, None), kind="author")]),
    ("constructed", "Four soldiers were killed by Israeli strikes on 17 November.",
     [K("killed", 4, kind="author")]),
    ("constructed", "The deaths of 12 people were confirmed by DNA tests.",
     [K("killed", 12, kind="author")]),
    # an agent after a semicolon or a contrast covers only its own clause
    ("constructed", "40 people were killed; 60 were injured, as reported by local sources.",
     [K("killed", 40, kind="author"), K("wounded", 60, claimant="local sources", kind="source")]),
    ("constructed", ("An evacuation order was issued by the Israel Defense Forces and 60 people were "
     "killed."),
     [K("killed", 60, kind="author")]),
    # full stops between thousands: a count has no decimals
    ("ohchr_1", ("In November 2018, 60.002 detainees were \"placed\" in 45.983 spaces, with a national "
     "average of overcrowding rate of 130, 4%."),
     [K("detained", 60002, victims="detainees", date="November 2018")]),
    ("constructed", "As at 31 May, 1.234.567 refugees were registered in the country.",
     [K("refugees", 1234567, victims="refugees")]),
    ("constructed", "Some 4.5 million people were displaced and 1.250 Syrians were killed.",
     [K("displaced", (4050000, 4500000, 4950000)), K("killed", 1250, victims="Syrians")]),
    # people who moved: "from X" is where they came from; "to X" where they went
    ("S/2025/460", ("As at 15 June, at least 177,430 Syrians, including 119,873 refugees registered with "
     "the Office, had returned to the Syrian Arab Republic from Lebanon."),
     [K("returned", (177430, 177430, None), place="Syrian Arab Republic")]),
    ("S/2025/153", ("UNIFIL supported the Lebanese Red Cross and the International Committee of the Red "
     "Cross in the repatriation of seven Lebanese citizens from Israel on 22 December and the return "
     "of three Syrian nationals from Israel to Lebanon on 10 January."),
     [K("returned", 7, place=None), K("returned", 3, place="Lebanon")]),
    ("constructed", "Some 95,000 Afghans returned from Pakistan in January.",
     [K("returned", (85500, 95000, 104500), place=None)]),
    ("constructed", "In Kandahar Province, 300 families returned home from Pakistan.",
     [K("returned", 300, place="Kandahar Province")]),
    ("constructed", "2,000 refugees crossed into Chad from the Sudan.",
     [K("refugees", 2000, place="Chad")]),
    # a place after "from" stays the place of other measures: where people fled or were killed
    ("constructed", "Some 2,000 people fled from Khartoum.",
     [K("displaced", (1800, 2000, 2200), place="Khartoum")]),
]

# Rows of the third review: the rules fitted to one sentence made general.
CASES += [
    # a total with any short clause before its verb, not only "remains unknown, but"
    ("constructed", "The exact number of displaced persons is not known, but is estimated at 20,000.",
     [K("displaced", 20000)]),
    ("constructed", ("The number of people killed remains unclear, but is estimated at 300 by local "
     "sources."), [K("killed", 300, claimant="local sources", kind="source")]),
    # a listed place with a place type of the vocabulary before its brackets ...
    ("constructed", "Israeli enemy warplanes struck the Khiam town square (killing three and injuring five).",
     [K("killed", 3, place="Khiam"), K("wounded", 5, place="Khiam")]),
    ("constructed", "Strikes hit Nabatiyah city (killing 2), Tyre (injuring 4).",
     [K("killed", 2, place="Nabatiyah"), K("wounded", 4, place="Tyre")]),
    # ... but not a unit that only holds the town (admin_types): the town stays the place
    ("A/79/775", ("Israeli enemy warplanes carried out an air strike on the Sakhra neighbourhood in the "
     "town of Jun in the Shuf district (on a two-storey residential building, killing 15 and "
     "injuring 10)."), [K("killed", 15, place="Jun"), K("wounded", 10, place="Jun")]),
    # not_claim_objects: "claimed credit/victory" reports an act, not a figure the subject states
    ("constructed", "Al-Shabaab claimed credit for 12 deaths in the attack.",
     [K("killed", 12, claimant=AUTHOR, kind="author")]),
    ("constructed", "The group claimed victory after 40 soldiers were killed.",
     [K("killed", 40, claimant=AUTHOR, kind="author")]),
    ("constructed", "Al-Shabaab claimed 12 deaths in the attack.",
     [K("killed", 12, claimant="Al-Shabaab", kind="source")]),
    # a plural noun is no body's name: "in Lebanon" after "Syrian Refugees" is a place ...
    ("constructed", "A survey of Syrian Refugees in Lebanon found that 3,000 children were detained.",
     [K("detained", 3000, place="Lebanon")]),
    # ... as after a complement head alone ("Security Agency in Mogadishu") ...
    ("S/2025/194", ("Four were arrested by the members of the National Intelligence and Security "
     "Agency in Mogadishu or in Gedo region."), [K("detained", 4, place="Mogadishu")]),
    # ... but not after a head with its complement ("Agency for Palestine Refugees in ...")
    ("constructed", ("The United Nations Relief and Works Agency for Palestine Refugees in the Near East "
     "reported 12 staff killed."), [K("killed", 12, place=None)]),
    ("constructed", ("The Office of the United Nations High Commissioner for Refugees in Lebanon "
     "recorded 500 refugees."), [K("refugees", 500, place=None)]),
]

NEGATIVE = [
    # ratios (audit)
    ("A/ES-10/1043", ("As Israel escalates its assaults on Gaza, and amid reports, including even Israeli "
     "assessments, that five out of every six Palestinians killed by Israel have been civilians, "
     "amounting to over 83 per cent of casualties, there can be no more delays.")),
    ("S/2025/472", ("Expanded gang activities, coupled with the forced returns of Haitians from abroad "
     "have led to massive internal displacement of Haitians, currently estimated at 1 in every 10 "
     "Haitians.")),
    # a capacity, not a count (audit)
    ("A/79/797", ("The implementation of the New Kabul City project, designed to house 3 million "
     "residents, began in December.")),
    # the repatriation of troops or officers is a rotation, not a return (audit)
    ("S/2025/194", ("The final phase 3 drawdown of residual ATMIS troops was completed with the "
     "repatriation of 165 Kenya Defence Forces personnel from Koday through Kismaayo to Nairobi and "
     "205 Kenya Defence Forces personnel from Bur Gaabo through Kismaayo to Nairobi, on 22 October "
     "and 9 November, respectively.")),
    ("S/2025/472", "* 5 officers have been repatriated for various reasons including medical recovery."),
    # "casualty" qualifies "evacuation cases"; a change in a count of things
    ("A/79/907", ("For example, in 2024, 87 per cent of the 723 casualty evacuation cases were for "
     "Somali soldiers.")),
    # resolution number and year, a date
    ("S/2025/153", ("Intense exchanges of fire between Hizbullah and the Israel Defense Forces "
     "continued, in violation of resolution 1701 (2006), causing casualties, displacement and "
     "destruction on both sides of the Blue Line, until a cessation of hostilities came into "
     "effect on 27 November 2024.")),
    # a year, a document symbol, a paragraph number
    ("S/2025/153", ("On 9 November, Salim Ayyash, who was convicted in absentia for the 2005 "
     "assassination of the former Prime Minister of Lebanon, Rafic Hariri (see S/2020/1110, "
     "para. 69), was reportedly killed in an air strike in the Syrian Arab Republic.")),
    # a percentage
    ("S/2025/492", ("In the Niger, the funding cuts coincided with a 37 per cent increase in "
     "maternal deaths in rural areas, mainly due to the collapse of donor-funded clinics.")),
    ("S/2025/194", ("Women and children, who face risks of gender-based violence and sexual "
     "exploitation, account for more than 80 per cent of displaced persons in Somalia.")),
    # a year
    ("S/2025/301", ("The year 2024 saw the highest ever number of humanitarian workers, including "
     "United Nations personnel, killed.")),
    # money, and a count of people with no measure
    ("S/2025/153", ("The Lebanon flash appeal, calling for $425.7 million to meet the needs of "
     "1 million vulnerable people from 1 October to 31 December, was extended until March 2025, "
     "with an additional $371.4 million requested.")),
    # counts of things
    ("S/2025/153", "At least 45 water facilities were damaged, impacting nearly 500,000 people."),
    ("A/79/801", ("Since the end of the conflict in November 2020, 23 mass graves have been "
     "discovered in those territories, including Khojaly.")),
    ("S/2025/71/Rev.1", ("During the reporting period, AQAP executed over 40 attacks, targeting "
     "security forces in Abyan and Shabwah.")),
    # a regiment number (the seed letter)
    ("seed", ("The assault was carried out by Armenian armed forces, with the direct participation "
     "of servicemen of regiment No. 366 of the former Union of Soviet Socialist Republics (USSR), "
     "who remained in the area after the Soviet Union had ceased to exist.")),
    # agenda items (the seed letter)
    ("seed", ("I should be grateful if you would have the present letter circulated as a document "
     "of the General Assembly, under agenda items 34, 35, 40, 70, 72, 86 and 135, and of the "
     "Security Council.")),
    # an age and a recommendation number
    ("A/HRC/38/12", ("26.101 Abolish death sentences for persons under 18 years of age and commute "
     "all existing sentences for offenders on death row who had committed a crime while under "
     "the age of 18 years.")),
    # a warrant is not an arrest
    ("S/2025/389", ("In May 2024, the Prosecutor of the International Criminal Court submitted "
     "applications for warrants for the arrest of three political and military commanders of "
     "Hamas.")),
    # a year span and a number that counts years
    ("seed", ("Twenty-nine years ago, the largest massacre during the conflict between Armenia and "
     "Azerbaijan was committed against the civilians and defenders of the town of Khojaly.")),
    # the number of a recommendation, not "26,141 detainees" (second audit)
    ("A/HRC/43/12", ("26.141 Immediately demonstrate that all detainees in prison are neither tortured "
     "nor subject to cruel or inhuman treatment or punishment (United Kingdom of Great Britain and "
     "Northern Ireland);")),
    # "multiple casualties": no number
    ("seed", ("The armed forces of Armenia have repeatedly used prohibited cluster munitions and "
     "white phosphorus projectiles in their attacks against the densely populated areas, causing "
     "multiple casualties among Azerbaijani civilians, including women and children.")),
]


@pytest.mark.parametrize("source, sentence, expected", CASES, ids=[f"{c[0]}:{c[1][:30]}" for c in CASES])
def test_claims_table(source, sentence, expected):
    _check(extract_claims(_doc(sentence)), expected)


@pytest.mark.parametrize("source, sentence", NEGATIVE, ids=[f"{c[0]}:{c[1][:30]}" for c in NEGATIVE])
def test_not_claims(source, sentence):
    assert extract_claims(_doc(sentence)) == ()


def test_table_covers_the_corpus():
    """The issue asks for at least 40 claims from at least 8 documents."""
    assert sum(len(c[2]) for c in CASES) >= 40
    assert len({c[0] for c in CASES}) >= 8


# -- amounts ------------------------------------------------------------------------

AMOUNTS = [
    ("613", (613, None, None, None, None)),
    ("1,275", (1275, None, None, None, None)),
    ("two hundred", (200, None, None, None, None)),
    ("Twenty-nine", (29, None, None, None, None)),
    ("at least 2,130", (None, 2130, 2130, None, "at least")),
    ("more than 100", (None, 101, 101, None, "more than")),
    ("some 200", (None, 180, 200, 220, "some")),
    ("about 250", (None, 225, 250, 275, "about")),
    ("approximately 20", (None, 18, 20, 22, "approximately")),
    ("nearly 200", (None, 180, 200, 200, "nearly")),
    ("up to 300", (None, None, 300, 300, "up to")),
    ("fewer than 10", (None, None, 9, 9, "fewer than")),
    ("scores of", (None, 40, 60, 99, "scores of")),
    ("dozens of", (None, 24, 36, 99, "dozens of")),
    ("hundreds", (None, 200, 300, 999, "hundreds")),
    ("tens of thousands of", (None, 20000, 30000, 99999, "tens of thousands of")),
    ("2,000 to 3,000", (None, 2000, None, 3000, None)),
    ("between 10 and 15", (None, 10, None, 15, None)),
    ("1.5 million", (1500000, None, None, None, None)),
    ("200 or more", (None, 200, 200, None, "or more")),
    # a full stop between thousands (second audit); a decimal point before a scale word
    ("60.002", (60002, None, None, None, None)),
    ("1.234.567", (1234567, None, None, None, None)),
    ("4.500 million", (4500000, None, None, None, None)),
]


@pytest.mark.parametrize("text, expected", AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_amounts(text, expected):
    a = parse_amount(text)
    assert a is not None
    assert (a.value, a.low, a.best, a.high, a.hedge) == expected


NOT_AMOUNTS = [
    "on 25–26 February 1992",
    "in 2024",
    "resolution 1701 (2006)",
    "regiment No. 366",
    "para. 87",
    "pp. 75–83",
    "article 6",
    "51 per cent",
    "37%",
    "US$ 157 million",
    "$425.7 million",
    "a 15-year-old girl",
    "aged 14",
    "A/74/676-S/2020/90",
    "ES-10",
    "the early 1990s",
    "a 24-hour ceasefire",
    "no one",
    "4.5 km",
    "0200 hours",
    "five out of every six",
    "1 in every 10",
    "3.2",
    "26.101 Abolish death sentences",
    "(Australia); 26.109 Ensure that",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text):
    assert find_amounts(text) == []


# -- the data file ----------------------------------------------------------------------

DATA = json.loads(DATA_PATH.read_text(encoding="utf-8"))


def test_data_file_is_well_formed():
    roles = {"id", "after", "before", "nouns", "modifiers", "events", "not_victims", "examples",
             "weak", "movement"}
    ids = [m["id"] for m in DATA["measures"]]
    assert len(ids) == len(set(ids))
    assert {"killed", "wounded", "missing", "hostages", "detained", "displaced", "refugees",
            "population"} <= set(ids)
    for m in DATA["measures"]:
        assert set(m) <= roles and {"id", "after", "examples"} <= set(m), m["id"]
        assert m["examples"], f"{m['id']} has no examples"
    kinds = {"min", "min_strict", "approx", "approx_below", "max", "max_strict"}
    for h in DATA["hedges"]["entries"] + DATA["hedges"]["suffixes"]:
        assert h["kind"] in kinds, h
    for v in DATA["vague"]["entries"]:
        assert v["low"] <= v["best"] <= v["high"], v


EXAMPLES = [(m["id"], ex) for m in DATA["measures"] for ex in m["examples"]]


@pytest.mark.parametrize("measure, example", EXAMPLES, ids=[f"{m}:{e['text'][:30]}" for m, e in EXAMPLES])
def test_data_examples(measure, example):
    """Every example of the data file gives a claim of its measure, with its value."""
    claims = extract_claims(_doc(example["text"]))
    assert claims, example["text"]
    c = claims[-1] if measure == "killed" and "claim" in example["text"] else claims[0]
    expected = {k: example[k] for k in ("value", "low", "best", "high", "victims") if k in example}
    assert c.measure == measure
    assert {k: getattr(c, k) for k in expected} == expected


# -- quotations and claimants -------------------------------------------------------------


def _with_note(text: str, note: str, kind: str = "paragraph", **extra: Any) -> Block:
    """A block whose text ends with the indicator of footnote ``note``."""
    return Block("bq", kind, text, 1, markers=(Marker(note[2:], len(text), 1, note),), **extra)


def test_block_quotation_takes_its_source_from_the_block_before():
    intro = Block("b1", "paragraph", "Jill Smolowe of Time magazine in her article “Massacre in "
                  "Khojaly” reported as follows:", 1)
    words = ("So far, some 200 dead Azerbaijanis, many of them mutilated, have been transported "
             "out of the town.")
    quote = Block("b2", "quotation", words, 1, markers=(Marker("5", len(words), 1, "fn5"),))
    doc = _doc(sender=AUTHOR).__class__(
        Source("test", "text", "", 1, 0), sender=AUTHOR, blocks=(intro, quote),
        footnotes=(Footnote("fn5", "5", "Time, 16 March 1992.", 1),),
        references=(Reference("r5", "press", "Time, 16 March 1992.", footnote="fn5"),),
    )
    quotations = extract_quotations(doc)
    assert [(q.kind, q.source, q.reference) for q in quotations] == [
        ("block", "Jill Smolowe of Time magazine", "r5")]  # the title is not a quotation
    c = extract_claims(doc)[0]
    assert (c.claimant, c.quoted, c.reference) == (
        Claimant("Jill Smolowe of Time magazine", "source", "r5"), True, "r5")


def test_inline_quotations_sources_and_notes():
    text = ("Thus, referring to a report by a Reuters correspondent, The Independent communicated "
            "that “Azeris were burying scores of people who died. ‘We are dying and you are just "
            "watching’, one mourner shouted at a group of journalists”.")
    doc = Document(Source("t", "text", "", 1, 0), blocks=(_with_note(text, "fn2"),))
    quotations = extract_quotations(doc)
    assert [(q.source, q.reference) for q in quotations] == [
        ("The Independent", "fn2"), ("one mourner", "fn2")]
    c = extract_claims(doc)[0]
    assert (c.measure, c.claimant.name, c.claimant.reference, c.quoted) == (
        "killed", "The Independent", "fn2", True)


def test_pronoun_and_anaphor_resolve_to_the_named_source():
    doc = _doc(
        "According to the Memorial Human Rights Centre, “there was mass violence upon the "
        "civilians”. The Centre concludes by stating that “the actions are a gross violation”.",
        "Human Rights Watch/Helsinki has stated that the forces “deliberately disregarded” the "
        "prohibition. It has further stated that:",
        "The attackers indiscriminately directed their fire at all fleeing persons.",
        kinds=("paragraph", "paragraph", "quotation"),
    )
    assert [q.source for q in extract_quotations(doc)] == [
        "the Memorial Human Rights Centre", "the Memorial Human Rights Centre",
        "Human Rights Watch/Helsinki", "Human Rights Watch/Helsinki"]


def test_attribution_inside_a_quotation():
    """"the Azerbaijanis claim 1,324 …" inside Time's words: the Azerbaijanis are the claimant."""
    doc = _doc("Jill Smolowe of Time magazine reported as follows:",
               "The total number of deaths – the Azerbaijanis claim 1,324 civilians have been "
               "slaughtered, most of them women and children – is unknown.",
               kinds=("paragraph", "quotation"))
    c = extract_claims(doc)[0]
    assert (c.value, c.claimant.name, c.claimant.kind, c.quoted) == (
        1324, "the Azerbaijanis", "source", True)
    assert claims_to_rows(replace(doc, claims=(c,)))[0]["via"] == "Jill Smolowe of Time magazine"


def test_author_falls_back_to_the_signature():
    from verbale.model import Signature

    doc = _doc("To this day, 150 people from Khojaly remain missing.", sender=None,
               signatures=(Signature("Yashar Aliyev", "Ambassador, Permanent Representative"),))
    assert extract_claims(doc)[0].claimant == Claimant(
        "Permanent Representative (Yashar Aliyev)", "author")


def test_footnote_closing_an_author_sentence_backs_the_claim():
    text = "At least 160 health workers were killed while on duty."
    doc = Document(Source("t", "text", "", 1, 0), sender=AUTHOR, blocks=(_with_note(text, "fn3"),))
    c = extract_claims(doc)[0]
    assert (c.claimant.kind, c.reference) == ("author", "fn3")


# -- place, date and source beyond the sentence (audit) -------------------------------------


def test_chronology_rows_date_the_entries_after_them():
    """A/79/775: a table of incidents whose row opens with the day; the undated entries
    after it are of that day."""
    doc = _doc("28 November 0800 Two Israeli enemy drones circled over the Tyre district.",
               "Israeli enemy warplanes violated Lebanese airspace over the South.",
               "1000 An Israeli enemy drone carried out an air strike on a car in the town of "
               "Markaba, injuring three.",
               kinds=("numbered_paragraph", "paragraph", "paragraph"))
    (c,) = extract_claims(doc)
    assert (c.measure, c.value, c.place, c.date) == ("wounded", 3, "Markaba", "28 November")


def test_a_row_date_needs_the_date_to_open_its_block():
    doc = _doc("On 28 November, two drones circled over the Tyre district.",
               "Warplanes violated the airspace over the South.",
               "An air strike on a car in the town of Markaba injured three people.")
    assert extract_claims(doc)[0].date is None


def test_year_comes_from_an_earlier_mention_or_a_recent_one():
    """S/2025/153 (dated 2025): "22 December" is not completed by a later "22 December
    2021" (another event); "13 February" is, by "13 February 2025"."""
    doc = _doc("UNIFIL supported the Lebanese Red Cross in the repatriation of seven Lebanese "
               "citizens from Israel on 22 December.",
               "As at 13 February, Israeli authorities reported 30 Israel Defense Forces "
               "fatalities.",
               "The next trial hearing on the attack of 22 December 2021 was postponed.",
               "The Ministry stated that, as at 13 February 2025, the figures were unchanged.",
               date="2025-03-12")
    assert [c.date for c in extract_claims(doc)] == ["22 December", "as at 13 February 2025"]


def test_rules_of_the_review_are_data():
    """The words and names the rules use come from the data file, not the code."""
    from verbale.claims._vocab import vocabulary
    from verbale.claims.context import IN_NAME, find_places

    voc = vocabulary()
    assert "Refugees" not in DATA["place"]["name_heads"]
    assert {"responsibility", "credit"} <= set(DATA["attribution"]["not_claim_objects"])
    assert {"town square", "camp"} <= set(DATA["place"]["types"])
    assert set(DATA["place"]["admin_types"]) <= set(DATA["place"]["types"])
    assert voc.body_name_end_re.search("the Agency for Palestine Refugees ")
    assert not voc.body_name_end_re.search("Syrian Refugees ")
    assert not voc.body_name_end_re.search("Security Agency ")
    ranks = {p.name: p.rank for p in find_places("a report on Syrian Refugees in Lebanon")}
    assert ranks["Lebanon"] != IN_NAME
    ranks = {p.name: p.rank for p in find_places("the Transition Mission in Somalia")}
    assert ranks["Somalia"] == IN_NAME


def test_place_comes_from_the_sentence_or_before_it_not_after():
    """S/2025/122: the place of a later sentence (Pont-Sondé) is another event's."""
    doc = _doc("Gang-related violence killed at least 5,601 people in 2024, over 1,000 more than in "
               "2023. In December, a gang reportedly executed at least 207 people over several "
               "days, burning or dismembering bodies to destroy evidence. A massacre in "
               "Pont-Sondé, Artibonite, where 100 people were killed in a gang attack on 3 "
               "October, illustrates the scale of gang expansion outside the capital.")
    assert [(c.value or c.best, c.place, c.date) for c in extract_claims(doc)] == [
        (5601, None, "2024"), (207, None, "December"), (100, "Pont-Sondé", "3 October")]


def test_it_refers_to_the_subject_that_opens_the_sentence_before():
    """UPR stakeholder summary (ohchr_1): "JS9 noted …. It reported that …"."""
    doc = _doc("GIEACPC reported that corporal punishment remained lawful in the home.",
               "JS9 noted the difficulty to gauge the true number of unaccompanied foreign minors "
               "within Italy. It reported that as of January 2019, 4,492 minors previously "
               "registered at reception centres were reported missing.")
    c = extract_claims(doc)[0]
    assert (c.measure, c.value, c.claimant.name, c.claimant.kind) == ("missing", 4492, "JS9", "source")


def test_returnees_are_placed_where_they_went_not_where_they_came_from():
    """A/79/797, paragraph 63: "from Pakistan" in one sentence is the origin of the
    returns counted there and after it, not their place."""
    doc = _doc("63. Between 22 October 2024 and 7 January 2025, 356,329 Afghans are estimated to "
               "have returned to Afghanistan, excluding passport holders with valid visas. That "
               "figure includes 59,217 from Pakistan and 297,112 from the Islamic Republic of Iran, "
               "with 173,506 of those individuals having been deported. During this period, "
               "humanitarian partners assisted more than 120,700 undocumented Afghan returnees from "
               "the Islamic Republic of Iran and Pakistan in International Organization for "
               "Migration reception centres. From 1 January to 31 December 2024, the Office of the "
               "United Nations High Commissioner for Refugees (UNHCR) assisted 54,720 registered "
               "refugees and refugee-like returnees with protection support.")
    assert [(c.measure, c.value or c.best, c.place) for c in extract_claims(doc)] == [
        ("returned", 356329, "Afghanistan"),
        ("displaced", 173506, "Pakistan"),  # deported from Pakistan: where it happened
        ("returned", 120701, None),
        ("refugees", 54720, None),
    ]


DATES = [
    ("In August, the deputy wali was killed", ["August"]),
    ("From September to December, UNTMIS recorded", ["September to December"]),
    ("in early 2024, two peacekeepers", ["early 2024"]),
    ("since mid-October", ["since mid-October"]),
    ("In December 2024 gangs attacked", ["December 2024"]),
    ("He may go; March was cold", []),
]


@pytest.mark.parametrize("text, expected", DATES, ids=[d[0] for d in DATES])
def test_dates_of_a_month_alone_and_qualified(text, expected):
    from verbale.claims.context import find_dates

    assert [d.text for d in find_dates(text)] == expected


# -- comparison ---------------------------------------------------------------------------


def _letter(symbol: str, sender: str, *texts: str) -> Document:
    doc = _doc(*texts, sender=sender, symbols=(symbol,))
    return replace(doc, claims=extract_claims(doc))


def test_compare_claims_groups_by_event_and_never_averages():
    a = _letter("A/1", "Permanent Representative of Azerbaijan",
                "Over the night of 25–26 February 1992, the town of Khojaly was overrun.",
                "As a result, 613 civilians were killed in the town of Khojaly.")
    b = _letter("A/2", "Permanent Representative of Azerbaijan",
                "On the night of 25 to 26 February 1992, the armed forces invaded the town of "
                "Khojaly, killing 613 civilians.")
    c = _letter("B/3", "Some Observer",
                "On 25–26 February, about 200 civilians were killed in the town of Khojaly.")
    events = compare_claims([a, b, c])
    assert len(events) == 1
    event = events[0]
    assert isinstance(event, EventComparison)
    assert (event.place, event.date, event.documents) == ("Khojaly", "25-26 February 1992", ("A/1", "A/2", "B/3"))
    killed = {m.measure: m for m in event.measures}["killed"]
    assert [(f.document, f.value, f.best, f.claimant) for f in killed.figures] == [
        ("A/1", 613, None, "Permanent Representative of Azerbaijan"),
        ("A/2", 613, None, "Permanent Representative of Azerbaijan"),
        ("B/3", None, 200, "Some Observer")]
    assert killed.spread == (180, 613)
    assert not any("mean" in f.name or "average" in f.name for f in fields(killed))
    rows = comparison_to_rows(events)
    assert len(rows) == 3 and {r["spread_min"] for r in rows} == {180}
    assert compare_claims([a, b, c], min_documents=4) == []


def test_claims_to_rows_are_flat():
    doc = _letter("A/2", AUTHOR, "613 civilians were killed, including 106 women, 63 children "
                  "and 70 elderly people.")
    (row,) = claims_to_rows(doc)
    assert row["breakdown"] == "106 women; 63 children; 70 elderly people"
    assert all(not isinstance(v, (dict, list, tuple)) for v in row.values())


# -- end to end: the seed letter ------------------------------------------------------------

_SEED_AUTHOR = ("author", "Permanent Representative (Yashar Aliyev)", None)
_KHOJALY = ("Khojaly", "25-26 February 1992")
# One row per claim of the seed letter, in reading order. value: an int, or
# (low, best, high) for a range; claimant: (kind, name, footnote of its reference);
# footnote: the footnote behind the claim's reference.
SEED_FIELDS = (
    "measure", "value", "hedge", "breakdown", "claimant", "footnote", "quoted", "place", "date"
)
SEED_CLAIMS = [
    ("population", 7000, None, (), _SEED_AUTHOR, None, False, *_KHOJALY),
    ("killed", 613, None, (("women", 106), ("children", 63), ("elderly people", 70)),
     _SEED_AUTHOR, None, False, *_KHOJALY),
    ("wounded", 1000, None, (), _SEED_AUTHOR, None, False, *_KHOJALY),
    ("hostages", 1275, None, (), _SEED_AUTHOR, None, False, *_KHOJALY),
    ("missing", 150, None, (), _SEED_AUTHOR, None, False, *_KHOJALY),
    ("killed", (40, 60, 99), "scores of", (), ("source", "The Independent", "fn2"),
     "fn2", True, *_KHOJALY),
    ("killed", (24, 36, 99), "dozens of", (),
     ("source", "Pascal Privat and Steve Le Vine of Newsweek", "fn4"), "fn4", True, *_KHOJALY),
    ("killed", (180, 200, 220), "some", (), ("source", "Jill Smolowe of Time magazine", "fn5"),
     "fn5", True, *_KHOJALY),
    ("killed", 1324, None, (), ("source", "the Azerbaijanis", "fn5"), "fn5", True, *_KHOJALY),
]


@pytest.fixture(scope="module")
def seed_with_claims():
    from verbale import parse

    doc = parse(need(SEED))
    try:
        from verbale.references import extract_references

        references, cited = extract_references(doc)
        doc = replace(doc, references=references, cited_symbols=cited)
    except ImportError:  # the reference layer is optional here
        pass
    doc = replace(doc, quotations=extract_quotations(doc))
    return replace(doc, claims=extract_claims(doc))


def _seed_fields(claim: Claim, notes: dict[str, str | None]) -> dict[str, Any]:
    """The fields of SEED_FIELDS as the parser gave them, in the table's terms."""

    def footnote(ref: str | None) -> str | None:
        return notes.get(ref, ref) if ref else None

    ranged = (claim.low, claim.best, claim.high)
    if claim.value is not None and ranged == (None, None, None):
        value: Any = claim.value
    elif claim.value is None:
        value = ranged
    else:  # both a value and a range: matches no row of the table
        value = (claim.value, ranged)
    return {
        "measure": claim.measure,
        "value": value,
        "hedge": claim.hedge,
        "breakdown": claim.breakdown,
        "claimant": (
            claim.claimant.kind, claim.claimant.name, footnote(claim.claimant.reference)
        ),
        "footnote": footnote(claim.reference),
        "quoted": claim.quoted,
        "place": claim.place,
        "date": claim.date,
    }


def test_seed_claims_exactly(seed_with_claims):
    doc = seed_with_claims
    notes = {r.id: r.footnote for r in doc.references}
    assert len(doc.claims) == len(SEED_CLAIMS), [c.text for c in doc.claims]
    for n, (claim, row) in enumerate(zip(doc.claims, SEED_CLAIMS), start=1):
        assert len(row) == len(SEED_FIELDS)
        expected = dict(zip(SEED_FIELDS, row))
        got = _seed_fields(claim, notes)
        for name in SEED_FIELDS:
            assert got[name] == expected[name], (
                f"claim {n} ({claim.text!r}): {name} is {got[name]!r}, "
                f"expected {expected[name]!r}"
            )


def test_seed_claims_context(seed_with_claims):
    claims = seed_with_claims.claims
    killed = claims[1]
    assert killed.breakdown == (("women", 106), ("children", 63), ("elderly people", 70))
    assert killed.victims == "civilians"
    for c in claims[1:5]:  # the author's figures about the massacre
        assert (c.place, c.date) == ("Khojaly", "25-26 February 1992"), c.text
    assert claims[0].place == "Khojaly"  # "7,000 people had lived in this town"
    assert [c.hedge for c in claims[5:8]] == ["scores of", "dozens of", "some"]
    assert claims[7].victims == "Azerbaijanis"
    for c in claims:
        block = seed_with_claims.block(c.block)
        assert block.text[c.span[0] : c.span[1]] == c.text


def test_seed_quotations(seed_with_claims):
    blocks = [q for q in seed_with_claims.quotations if q.kind == "block"]
    assert [q.source for q in blocks] == [
        "Pascal Privat and Steve Le Vine of Newsweek", "Jill Smolowe of Time magazine",
        "Human Rights Watch/Helsinki"]
    sources = {q.source for q in seed_with_claims.quotations}
    assert {"The Independent", "one mourner", "the Memorial Human Rights Centre"} <= sources


def test_seed_compared_with_a_later_letter(seed_with_claims):
    from verbale import parse

    later = parse(need(CORPUS_PDF / "A_79_801.en.pdf"))
    later = replace(later, claims=extract_claims(later))
    events = compare_claims([seed_with_claims, later], min_documents=2)
    assert [(e.place, e.date) for e in events] == [("Khojaly", "25-26 February 1992")]
    killed = {m.measure: m for m in events[0].measures}["killed"]
    assert killed.spread == (24, 1324)
    assert {f.document for f in killed.figures} == {"000_0fcf8cb0ed771c80.txt", "A/79/801"}

# Speed is measured in bench/bench_stages.py, not here.


def test_according_to_the_figures_of_a_body_the_body_is_the_source():
    import doctest

    from conftest import SAMPLES

    from verbale.claims import attribution
    from verbale.pipeline import process

    doc = process(SAMPLES / "letter.txt")  # "According to the provisional figures of the … Agency, at least 120 …"
    assert {c.claimant.name for c in doc.claims if c.claimant.kind == "source"} == {
        "the National Civil Protection Agency"}
    assert doctest.testmod(attribution).failed == 0
