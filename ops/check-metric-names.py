#!/usr/bin/env python3
"""Checks that every metric the alert rules and the Grafana dashboard use is in a scrape of /metrics.

    curl -s localhost:9464/metrics > scrape.txt     # while ./ecostream demo runs
    python3 ops/check-metric-names.py scrape.txt

The labelled ecostream_* counters (dead letters, alerts) appear at their first count: scrape a run
that had some. Needs PyYAML. Exit status 1 when a name is missing.
"""
import json
import pathlib
import re
import sys

import yaml

OPS = pathlib.Path(__file__).resolve().parent
# Series that Prometheus makes itself, never in a scrape.
PROMETHEUS_OWN = {"up", "ALERTS"}
# Words of PromQL and the label names used in by (...) clauses.
PROMQL = {"sum", "by", "rate", "increase", "delta", "histogram_quantile", "le", "figure", "topic",
          "reason", "type", "status", "city", "id"}


def expressions():
    for group in yaml.safe_load((OPS / "prometheus/alerts.yml").read_text())["groups"]:
        for rule in group["rules"]:
            yield "alerts.yml " + rule["alert"], rule["expr"]
    for panel in json.loads((OPS / "grafana/dashboards/ecostream.json").read_text())["panels"]:
        for target in panel["targets"]:
            yield "dashboard: " + panel["title"], target["expr"]


def metrics(expr):
    bare = re.sub(r"\{[^}]*\}", "{}", re.sub(r'"[^"]*"', '""', expr))
    tokens = re.findall(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?=\{|\[|\)|>|==|$)", bare)
    return {t for t in tokens if t not in PROMQL}


def main(scrape_file):
    scraped = {line.split("{")[0].split(" ")[0]
               for line in pathlib.Path(scrape_file).read_text().splitlines()
               if line and not line.startswith("#")}
    missing = 0
    for where, expr in expressions():
        for name in sorted(metrics(expr)):
            found = name in scraped or name in PROMETHEUS_OWN
            missing += not found
            print("ok     " if found else "MISSING", name, "<-", where)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
