#!/usr/bin/env python3
"""Compares ecostream's station-hourly figures of a cnemc-city replay with what the CNEMC platform published.

Usage: realtime_vs_cnemc.py STATION_HOURLY.jsonl CNEMC_CITY_FILE.csv.gz...
where STATION_HOURLY.jsonl is `ecostream tail air.station-hourly --from-beginning --idle-timeout 15s`
after `ecostream replay --format cnemc-city CNEMC_CITY_FILE.csv.gz... --wait`. Each CNEMC city is replayed
as one station, and CNEMC's hour h (the hour ending at h:00) is ecostream's hour h-1 (hour-beginning).
Counts are of the latest figure per key (a late hour re-publishes its successors).
"""
import collections
import csv
import datetime
import gzip
import json
import sys

TYPES = ("PM2.5_24h", "PM10_24h", "O3_8h", "AQI")


def published(paths):
    values = {}
    for path in paths:
        read_into(values, path)
    return values


def read_into(values, path):
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        reader = csv.reader(rows)
        next(reader)
        for date, hour, kind, city, _, value in reader:
            if kind in TYPES:
                start = datetime.datetime.fromisoformat(date) + datetime.timedelta(hours=int(hour) - 1)
                values[(city.lower(), start.strftime("%Y-%m-%dT%H"), kind)] = float(value)


def latest(path):
    figures = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            figures[record["key"]] = record["value"]
    return figures


def clamp(d, limit=3):
    return int(max(-limit, min(limit, d)))


def main(hourly, *cnemc):
    pub = published(cnemc)
    moving = {"PM2.5_24h": ("pm25Moving24h", collections.Counter()),
              "PM10_24h": ("pm10Moving24h", collections.Counter())}
    aqi1h, aqi = collections.Counter(), collections.Counter()
    for key, figure in latest(hourly).items():
        at = (figure["cityId"], key.split("@")[1])
        for kind, (field, counts) in moving.items():
            p = pub.get(at + (kind,))
            if p is not None and figure[field] is not None:
                # GB/T 8170 rounds half to even, as Python's round does
                counts[clamp(round(figure[field]) - p)] += 1
        p = pub.get(at + ("AQI",))
        if p is not None and figure["aqi1h"] is not None:
            aqi1h[clamp(figure["aqi1h"] - p)] += 1
        if p is not None and figure["aqi"] is not None:
            aqi[clamp(figure["aqi"] - p, 1)] += 1
    for kind, (field, counts) in moving.items():
        report(f"{field} (rounded) - published {kind}", counts)
    report("aqi1h - published AQI", aqi1h)
    report("aqi (HJ 633-2012: nine indicators) - published AQI", aqi, limit=1)


def report(what, counts, limit=3):
    total = sum(counts.values())

    def label(d):
        return f"{'>=' if d == limit else '<=' if d == -limit else ''}{d:+d}"

    shares = ", ".join(f"{label(d)}: {n} ({100 * n / total:.1f} %)" for d, n in sorted(counts.items()))
    print(f"{what}: {total} hours; {shares}")


if __name__ == "__main__":
    main(*sys.argv[1:])
