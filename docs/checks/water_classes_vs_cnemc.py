#!/usr/bin/env python3
"""Compares the class ecostream gave each CNEMC automatic water reading with the one the platform published.

Usage: water_classes_vs_cnemc.py CLASSES.csv shandong_water_auto.csv.gz
where CLASSES.csv is `ecostream replay --format cnemc-water shandong_water_auto.csv.gz --report classes`.
Prints the agreement, then every kind of disagreement (published -> ecostream) with its count, the items
that made ecostream's class, and an example reading.
"""
import collections
import csv
import gzip
import sys

ORDER = ["I", "II", "III", "IV", "V", "劣V"]
ITEMS = ["ph", "do", "codmn", "nh3n", "tp", "tn"]


def main(classes_path, cnemc_path):
    ours = {}
    with open(classes_path, encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            ours[(row["station_id"], row["observed_at"])] = row["class"]
    counts = collections.Counter()
    examples = {}
    with gzip.open(cnemc_path, "rt", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            key = (row["station_id"], row["observed_at"])
            published, mine = row["published_class"], ours.get(key)
            if mine is None:
                kind = ("not replayed", published)
            elif published == mine:
                kind = ("equal",)
            elif not published:
                kind = ("no published class", mine or "none")
            elif not mine:
                kind = ("no ecostream class", published)
            else:
                step = ORDER.index(mine) - ORDER.index(published)
                kind = ("differs", published, mine, f"{step:+d}")
            counts[kind] += 1
            examples.setdefault(kind, (key, row["water_type"], {i: row[i] for i in ITEMS}, row["status"]))
    total = sum(counts.values())
    for kind, n in counts.most_common():
        print(f"{n:7d} {100 * n / total:6.2f} %  {' / '.join(kind)}   e.g. {examples[kind]}")
    print(f"{total:7d} readings")


if __name__ == "__main__":
    main(*sys.argv[1:3])
