#!/usr/bin/env python3
"""Writes synthetic events in the `welcome-kit import-events` format.

    bench/gen_events.py [--count 10000] [--city prague] [--seed 20261123] [--out FILE]

Deterministic for a seed. About 60 % weekly series, 10 % daily, 10 %
monthly (nth weekday), 20 % one-offs in the next four months; series start
within the last year, some end (UNTIL or COUNT). Slugs are `bench-e-00001`...
Only the Python 3.11 standard library is used.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random

CATEGORIES = ["conversation_club", "language_course", "city_walk", "community_lunch", "festival",
              "open_day", "talk", "culture", "sport", "support"]
LANGS = ["cs", "en", "uk", "ru", "vi", "ar", "mn"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--city", default="prague")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    today = dt.date.today()
    out = []
    for i in range(1, a.count + 1):
        kind = rnd.random()
        start_day = today - dt.timedelta(days=rnd.randint(0, 365))
        hour = rnd.choice([9, 10, 14, 16, 17, 18, 19])
        e = {
            "slug": f"bench-e-{i:05d}",
            "city": a.city,
            "organiser": f"Bench organiser {rnd.randint(1, 300)}",
            "category": rnd.choice(CATEGORIES),
            "title": f"Setkání {i}",
            "title_en": f"Meeting {i}",
            "address": f"Testovací {rnd.randint(1, 300)}, Praha {rnd.randint(1, 22)}",
            "district": f"Praha {rnd.randint(1, 22)}",
            "minutes": rnd.choice([60, 90, 120, 180]),
            "languages": rnd.sample(LANGS, rnd.randint(1, 3)),
            "no_czech": rnd.random() < 0.5,
            "free": rnd.random() < 0.8,
            "description": {"en": f"A synthetic event number {i} for the benchmark."},
        }
        if kind < 0.6:
            days = rnd.sample(DAYS[:5], rnd.randint(1, 2))
            rule = "FREQ=WEEKLY;BYDAY=" + ",".join(days)
            if rnd.random() < 0.3:
                rule += f";COUNT={rnd.randint(10, 80)}"
        elif kind < 0.7:
            rule = "FREQ=DAILY"
            if rnd.random() < 0.5:
                until = today + dt.timedelta(days=rnd.randint(30, 3650))
                rule += f";UNTIL={until:%Y%m%d}T230000Z"
        elif kind < 0.8:
            rule = f"FREQ=MONTHLY;BYDAY={rnd.randint(1, 4)}{rnd.choice(DAYS)}"
        else:
            rule = None
            start_day = today + dt.timedelta(days=rnd.randint(0, 120))
        e["starts"] = f"{start_day:%Y-%m-%d}T{hour:02d}:00"
        if rule:
            e["rrule"] = rule
        out.append(e)
    text = json.dumps(out, ensure_ascii=False)
    if a.out == "-":
        print(text)
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
