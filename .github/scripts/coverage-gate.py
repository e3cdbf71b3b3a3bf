#!/usr/bin/env python3
"""Coverage gate: fails when a JaCoCo XML report is below the minimum line coverage.

Usage: coverage-gate.py <jacoco.xml> [<jacoco.xml> ...] --min 80 [--counter LINE]
Prints a Markdown table (also appended to $GITHUB_STEP_SUMMARY) and exits 1 below the minimum.
"""
import argparse
import os
import sys
import xml.etree.ElementTree as ET


def totals(path):
    root = ET.parse(path).getroot()
    # The report-level counters are the direct <counter> children of <report>.
    return {
        c.get("type"): (int(c.get("covered")), int(c.get("missed")))
        for c in root.findall("counter")
    }, root.get("name", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", nargs="+")
    parser.add_argument("--min", type=float, default=80.0)
    parser.add_argument("--counter", default="LINE")
    args = parser.parse_args()

    lines = [
        f"### Coverage gate: {args.counter} >= {args.min:.0f} %",
        "",
        "| report | line | branch | instruction | verdict |",
        "|---|---:|---:|---:|---|",
    ]
    failed = False
    for path in args.reports:
        if not os.path.exists(path):
            lines.append(f"| {path} | - | - | - | :x: report missing |")
            failed = True
            continue
        counters, name = totals(path)

        def pct(kind):
            covered, missed = counters.get(kind, (0, 0))
            total = covered + missed
            return 100.0 * covered / total if total else 0.0

        value = pct(args.counter)
        ok = value >= args.min
        failed |= not ok
        lines.append(
            f"| {name} | {pct('LINE'):.1f} % | {pct('BRANCH'):.1f} % | {pct('INSTRUCTION'):.1f} % | "
            f"{':white_check_mark:' if ok else ':x: below ' + format(args.min, '.0f') + ' %'} |"
        )

    text = "\n".join(lines) + "\n"
    print(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
