#!/usr/bin/env python3
"""Writes synthetic places in the `welcome-kit import-places` format.

    bench/gen_places.py [--count 1000] [--city prague] [--seed 20261001] [--out FILE]

The output is deterministic for a given seed (Python's `random.Random`), so
two benchmark runs load the same data. Slugs are `bench-0001` ... so they
never collide with the demo places and re-importing updates, not duplicates.
Only the Python 3.11 standard library is used.
"""
from __future__ import annotations

import argparse
import json
import random
import sys

CATEGORIES = [
    "foreigners_office",
    "integration_centre",
    "ngo",
    "language_school",
    "embassy_consulate",
    "community_club",
    "library_community_centre",
    "health",
    "city_hall",
]

# (Czech name prefix, English name prefix) per category.
KINDS = {
    "foreigners_office": [("Pracoviště OAMP", "OAMP office")],
    "integration_centre": [("Integrační centrum", "Integration Centre"),
                           ("Poradna pro cizince", "Advice Centre for Foreigners")],
    "ngo": [("Spolek Sousedé", "Neighbours Association"),
            ("Nadační fond Přístav", "Harbour Foundation"),
            ("Občanská poradna", "Citizens' Advice Bureau")],
    "language_school": [("Jazyková škola", "Language School"),
                        ("Kurzy češtiny", "Czech Courses")],
    "embassy_consulate": [("Konzulát", "Consulate"),
                          ("Honorární konzulát", "Honorary Consulate")],
    "community_club": [("Komunitní klub", "Community Club"),
                       ("Klub matek", "Mothers' Club"),
                       ("Sousedský spolek", "Neighbourhood Club")],
    "library_community_centre": [("Městská knihovna – pobočka", "City Library branch"),
                                 ("Komunitní centrum", "Community Centre")],
    "health": [("Zdravotní středisko", "Health Centre"),
               ("Poliklinika", "Polyclinic"),
               ("Lékařská pohotovost", "Emergency Medical Service")],
    "city_hall": [("Úřad městské části", "Municipal District Office"),
                  ("Kontaktní místo Czech POINT", "Czech POINT contact office")],
}

NEIGHBOURHOODS = [
    "Žižkov", "Vršovice", "Střešovice", "Řepy", "Košíře", "Smíchov", "Libeň",
    "Břevnov", "Hloubětín", "Nusle", "Dejvice", "Holešovice", "Karlín",
    "Vinohrady", "Krč", "Háje", "Chodov", "Modřany", "Ďáblice", "Čimice",
    "Bohnice", "Kobylisy", "Letňany", "Strašnice", "Záběhlice", "Michle",
    "Podolí", "Braník", "Hostivař", "Malešice", "Vysočany", "Prosek", "Troja",
    "Bubeneč", "Hradčany", "Malá Strana", "Staré Město", "Nové Město",
    "Vyšehrad", "Jinonice", "Radlice", "Hlubočepy", "Zbraslav", "Třebonice",
]

PATRONS = [
    "Boženy Němcové", "Karla Čapka", "Antonína Dvořáka", "Bedřicha Smetany",
    "sv. Ludmily", "sv. Václava", "Jana Žižky", "Františka Křižíka",
    "Emy Destinnové", "Václava Havla", "Jiřího z Poděbrad", "Milady Horákové",
]

STREETS = [
    "Řípská", "Křižíkova", "Sokolovská", "Vinohradská", "Táborská",
    "Štefánikova", "náměstí Míru", "Jugoslávských partyzánů", "Českomoravská",
    "Bělehradská", "Žitná", "Ječná", "Korunní", "Újezd", "Nádražní",
    "Čajkovského", "Šlikova", "Dukelských hrdinů", "Milady Horákové",
    "Plzeňská", "Seifertova", "Husitská", "Koněvova", "Jindřišská",
    "Školská", "Vodičkova", "Na Poříčí", "Těšnov", "U Průhonu", "Kubelíkova",
]

HOURS = [
    "Mo-Fr 09:00-17:00; PH off",
    "Mo-Th 08:30-16:00; Fr 08:30-14:00; PH off",
    "Mo,We 08:00-17:00; Tu,Th 08:00-15:00; Fr 08:00-12:00; PH off",
    "Mo,We 07:30-12:00,13:00-18:00; Tu,Th 07:30-12:00,13:00-15:00; PH off",
    "Mo-Fr 08:00-12:00,13:00-16:30; PH off",
    "Tu,Th 10:00-18:00; PH off",
    "Mo-Sa 09:00-20:00; Su 10:00-18:00",
    "Mo-Fr 10:00-19:00; Sa 09:00-13:00; PH off",
    "Mo,Th 10:00-16:00; PH off",
    "Mo-Su 00:00-24:00",
    "We 14:00-18:00; Sa 10:00-12:00",
    "Mo-Fr 07:00-15:30",
]

LANGS = ["cs", "en", "uk", "ru", "vi", "sk", "de", "ar", "zh", "es", "fr", "mn"]

SERVICES_EN = [
    "free social and legal counselling",
    "help with residence permit applications",
    "Czech lessons for beginners and advanced learners",
    "interpreting on request",
    "a children's club on Saturdays",
    "job search workshops",
    "help with health insurance",
    "community evenings and language exchange",
    "assistance with school enrolment",
    "consultations by phone and e-mail",
]
SERVICES_CS = [
    "bezplatné sociální a právní poradenství",
    "pomoc s žádostmi o pobytové oprávnění",
    "kurzy češtiny pro začátečníky i pokročilé",
    "tlumočení na vyžádání",
    "dětský klub o sobotách",
    "workshopy k hledání práce",
    "pomoc se zdravotním pojištěním",
    "komunitní večery a jazykové tandemy",
    "pomoc se zápisem do školy",
    "konzultace po telefonu a e-mailem",
]
SERVICES_UK = [
    "безкоштовні соціальні та юридичні консультації",
    "допомога із заявами на дозвіл на проживання",
    "курси чеської мови",
    "усний переклад на запит",
    "дитячий клуб по суботах",
]


def slugify_host(text: str) -> str:
    table = str.maketrans("áčďéěíňóřšťúůýž", "acdeeinorstuuyz")
    out = "".join(c if c.isalnum() else "-" for c in text.lower().translate(table))
    return "-".join(p for p in out.split("-") if p)


def place(rng: random.Random, i: int, city: str) -> dict:
    category = CATEGORIES[i % len(CATEGORIES)] if i < len(CATEGORIES) else rng.choice(CATEGORIES)
    cs_kind, en_kind = rng.choice(KINDS[category])
    hood = rng.choice(NEIGHBOURHOODS)
    if rng.random() < 0.3:
        patron = rng.choice(PATRONS)
        name = f"{cs_kind} {patron} ({hood})"
        name_en = f"{en_kind} {patron} ({hood})"
    else:
        name = f"{cs_kind} {hood}"
        name_en = f"{en_kind} {hood}"
    district_no = rng.randint(1, 10)
    street = rng.choice(STREETS)
    address = f"{street} {rng.randint(100, 3999)}/{rng.randint(1, 120)}, Praha {district_no}"
    k = rng.randint(2, 4)
    picks = rng.sample(range(len(SERVICES_EN)), k)
    description = {
        "en": f"{name_en}, {street}, Prague {district_no}. It offers "
              + ", ".join(SERVICES_EN[j] for j in picks)
              + ". Synthetic benchmark record; the details are invented.",
        "cs": f"{name} na adrese {address}. Nabízí "
              + ", ".join(SERVICES_CS[j] for j in picks)
              + ". Syntetický záznam pro měření výkonu; údaje jsou smyšlené.",
    }
    if rng.random() < 0.33:
        description["uk"] = (f"{name_en}: "
                             + ", ".join(rng.sample(SERVICES_UK, 2))
                             + ". Синтетичний запис для тестування.")
    host = slugify_host(hood) + f"-{i + 1:04d}.example.org"
    languages = ["cs"] + sorted(rng.sample(LANGS[1:], rng.randint(0, 4)))
    return {
        "slug": f"bench-{i + 1:04d}",
        "city": city,
        "category": category,
        "name": name,
        "name_en": name_en,
        "description": description,
        "address": address,
        "district": f"Praha {district_no}",
        "lat": round(rng.uniform(50.00, 50.15), 7),
        "lon": round(rng.uniform(14.30, 14.60), 7),
        "coord_precision": "address",
        "coord_source": "synthetic (bench/gen_places.py)",
        "phone": f"+420 2{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
                 if rng.random() < 0.8 else None,
        "email": f"info@{host}" if rng.random() < 0.6 else None,
        "website": f"https://{host}/" if rng.random() < 0.7 else None,
        "opening_hours": rng.choice(HOURS) if rng.random() < 0.9 else None,
        "hours_text": None,
        "languages": languages,
        "wheelchair": rng.choice(["yes", "no", "limited", None]),
        "sources": [f"https://{host}/kontakt"],
        "source_date": None,
        "last_verified": "2026-10-01",
        "status": "published",
        "status_note": None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate synthetic places for the benchmark.")
    ap.add_argument("--count", type=int, default=1000, help="number of places (default 1000)")
    ap.add_argument("--city", default="prague", help="city slug (default prague)")
    ap.add_argument("--seed", type=int, default=20261001, help="random seed (default 20261001)")
    ap.add_argument("--out", default="-", help="output file (default: stdout)")
    args = ap.parse_args(argv)
    if not 1 <= args.count <= 9999:
        ap.error("--count must be between 1 and 9999")
    rng = random.Random(args.seed)
    places = [place(rng, i, args.city) for i in range(args.count)]
    text = json.dumps(places, ensure_ascii=False, indent=1) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
