#!/usr/bin/env python3
"""Inputs and the report of Scripts/bench.

    bench_data.py corpus SOURCE.jsonl OUT.jsonl --min-mb 100
    bench_data.py prefix CORPUS.jsonl OUT.jsonl --mb 20
    bench_data.py synth-gazetteer OUT_DIR --names 100000 --seed 20240601
    bench_data.py stats FILE.jsonl
    bench_data.py report MEASUREMENTS.tsv [--counts COUNTS.tsv] ...

`corpus` repeats SOURCE's documents, round after round, with fresh ids
`r<round>/<id>` (all other members kept), until the output holds at least
--min-mb MB (10^6 bytes). An existing OUT of exactly the size this would give
is reused.

`prefix` copies whole lines from the start of CORPUS up to --mb MB.

`synth-gazetteer` writes a deterministic gazetteer of random Cyrillic names:
people (first name and surname), three-word organisations and one-word places.

`report` turns the measurements Scripts/bench records into Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
from collections import defaultdict

MB = 1_000_000
MIB = 1024 * 1024


# --------------------------------------------------------------------------- corpus


def read_source(path: str) -> list[dict]:
    documents = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                sys.exit(f"{path}:{number}: expected an object with a string 'text'")
            documents.append(record)
    if not documents:
        sys.exit(f"{path}: no documents")
    return documents


def round_lines(documents: list[dict], round_number: int) -> list[bytes]:
    lines = []
    for index, record in enumerate(documents):
        fresh = dict(record)
        fresh["id"] = f"r{round_number}/{record.get('id', index + 1)}"
        if "id" not in record:  # keep the id first, as in the source
            fresh = {"id": fresh.pop("id"), **fresh}
        lines.append((json.dumps(fresh, ensure_ascii=False) + "\n").encode("utf-8"))
    return lines


def command_corpus(arguments: argparse.Namespace) -> None:
    documents = read_source(arguments.source)
    target = int(arguments.min_mb * MB)
    # The size is known before writing: round r adds the base size plus len("r<r>/") a line.
    base = sum(len(line) for line in round_lines(documents, 0)) - len(documents) * len("r0/")
    size, rounds = 0, 0
    while size < target:
        size += base + len(documents) * len(f"r{rounds}/")
        rounds += 1
    if os.path.exists(arguments.output) and os.path.getsize(arguments.output) == size:
        print(f"reused {arguments.output}: {size / MB:.1f} MB, {rounds} rounds", file=sys.stderr)
        return
    temporary = arguments.output + ".part"
    with open(temporary, "wb") as out:
        for round_number in range(rounds):
            out.writelines(round_lines(documents, round_number))
    written = os.path.getsize(temporary)
    if written != size:
        os.remove(temporary)
        sys.exit(f"bench_data.py: wrote {written} bytes, expected {size}")
    os.replace(temporary, arguments.output)
    print(
        f"wrote {arguments.output}: {size / MB:.1f} MB, {rounds} rounds of "
        f"{len(documents)} documents",
        file=sys.stderr,
    )


def command_prefix(arguments: argparse.Namespace) -> None:
    limit = int(arguments.mb * MB)
    size = 0
    with open(arguments.corpus, "rb") as handle, open(arguments.output + ".part", "wb") as out:
        for line in handle:
            if size + len(line) > limit and size > 0:
                break
            out.write(line)
            size += len(line)
    os.replace(arguments.output + ".part", arguments.output)


def command_stats(arguments: argparse.Namespace) -> None:
    """Bytes and lines of a file, tab-separated."""
    lines = 0
    with open(arguments.file, "rb") as handle:
        while chunk := handle.read(1 << 24):
            lines += chunk.count(b"\n")
    print(f"{os.path.getsize(arguments.file)}\t{lines}")


# --------------------------------------------------------------------------- synthetic gazetteer

CONSONANTS = "бвгджзклмнпрстфхцчшщ"
VOWELS = "аеиоуъя"
SURNAME_ENDINGS = ["ов", "ев", "ова", "ева", "ски", "ска", "ин", "ина"]
ORG_WORDS_2 = ["съюз", "съвет", "банк", "институт", "фонд", "агенция", "компания", "център"]


def syllables(rng: random.Random, low: int, high: int) -> str:
    return "".join(
        rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(low, high))
    )


def word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return syllables(rng, low, high).capitalize()


def command_synth_gazetteer(arguments: argparse.Namespace) -> None:
    rng = random.Random(arguments.seed)
    os.makedirs(arguments.output, exist_ok=True)
    seen: set[str] = set()
    rows = []
    for number in range(arguments.names):
        draw = rng.random()  # 40 % people, 30 % organisations, 30 % places
        if draw < 0.4:
            label, prefix = "PERSON", "person"
        elif draw < 0.7:
            label, prefix = "ORGANIZATION", "org"
        else:
            label, prefix = "LOCATION", "location"
        while True:
            if label == "PERSON":
                name = f"{word(rng)} {word(rng)}{rng.choice(SURNAME_ENDINGS)}"
            elif label == "ORGANIZATION":
                name = f"{word(rng)} {rng.choice(ORG_WORDS_2)} {word(rng, 2, 3)}"
            else:
                name = word(rng, 3, 4)
            if name.lower() not in seen:
                seen.add(name.lower())
                break
        rows.append(f"{prefix}/synthetic-{number:06d}\t{label}\t{name}\n")
    path = os.path.join(arguments.output, "synthetic.tsv")
    with open(path + ".part", "w", encoding="utf-8") as out:
        out.write(f"# {arguments.names} synthetic names, seed {arguments.seed} (Scripts/bench)\n")
        out.write("id\tlabel\tname\n")
        out.writelines(rows)
    os.replace(path + ".part", path)


# --------------------------------------------------------------------------- report


def read_measurements(path: str) -> dict[str, list[dict]]:
    """label -> rows of {bytes, docs, wall, precise, rss_kb}."""
    runs: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            label, _round, size, docs, wall, precise, rss = line.rstrip("\n").split("\t")
            runs[label].append(
                {
                    "bytes": int(size),
                    "docs": int(docs),
                    "wall": float(wall),
                    "precise": float(precise),
                    "rss_kb": int(rss),
                }
            )
    return runs


def median(values: list[float]) -> float:
    return statistics.median(values)


def throughput(rows: list[dict]) -> dict:
    """Medians over rounds; wall is /usr/bin/time's %e (10 ms), floored at 10 ms."""
    walls = [max(row["wall"], 0.01) for row in rows]
    rates = [row["bytes"] / MB / wall for row, wall in zip(rows, walls)]
    return {
        "rounds": len(rows),
        "bytes": rows[0]["bytes"],
        "docs": rows[0]["docs"],
        "wall": median(walls),
        "mbps": median(rates),
        "mbps_low": min(rates),
        "mbps_high": max(rates),
        "docsps": median([row["docs"] / wall for row, wall in zip(rows, walls)]),
        "rss": median([row["rss_kb"] * 1024 / MIB for row in rows]),
        "rss_high": max(row["rss_kb"] * 1024 / MIB for row in rows),
    }


def number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio(value: float) -> str:
    return f"{value:.1f}×" if value >= 10 else f"{value:.2f}×"


def command_report(arguments: argparse.Namespace) -> None:
    runs = read_measurements(arguments.measurements)
    counts = {}
    if arguments.counts and os.path.exists(arguments.counts):
        with open(arguments.counts, encoding="utf-8") as handle:
            for line in handle:
                tool, docs, entities = line.rstrip("\n").split("\t")[:3]
                counts[tool] = (int(docs), int(entities))
    names = dict(item.split("=", 1) for item in arguments.name)
    inputs = dict(item.split("=", 1) for item in arguments.input)
    out = []

    throughput_rows = [
        ("tp:newstag-j1", "newstag `--jobs 1`"),
        ("tp:newstag-j2", "newstag `--jobs 2`"),
        ("tp:spacy", names.get("spacy", "spaCy")),
        ("tp:aho", names.get("aho", "pyahocorasick")),
    ]
    results = {label: throughput(runs[label]) for label, _ in throughput_rows if runs.get(label)}
    reference = results.get("tp:newstag-j1")
    out.append("### Throughput (whole process, start-up included)\n")
    out.append(
        "| tool | input | rounds | wall s | MB/s (min–max) | docs/s | peak RSS MiB "
        "| ratio | entities on bg-dev |"
    )
    out.append("|---|---|---:|---:|---:|---:|---:|---|---:|")
    for label, title in throughput_rows:
        result = results.get(label)
        if result is None:
            continue
        if label == "tp:newstag-j1":
            relation = "reference"
        elif label == "tp:newstag-j2":
            relation = f"jobs 2 / jobs 1 = {ratio(result['mbps'] / reference['mbps'])}"
        else:
            relation = f"newstag (jobs 1) / this = **{ratio(reference['mbps'] / result['mbps'])}**"
        tool = label.split(":", 1)[1].removesuffix("-j1").removesuffix("-j2")
        found = counts.get(tool)
        out.append(
            f"| {title} | {inputs.get(label.split(':', 1)[1], '')} "
            f"({result['bytes'] / MB:.1f} MB, {result['docs']:,} docs) | {result['rounds']} "
            f"| {number(result['wall'])} "
            f"| **{number(result['mbps'])}** ({number(result['mbps_low'])}–"
            f"{number(result['mbps_high'])}) "
            f"| {number(result['docsps'])} | {number(result['rss'])} | {relation} "
            f"| {f'{found[1]:,}' if found else '–'} |"
        )
    out.append("")

    startup_rows = [
        ("start-cold:newstag", "newstag, default gazetteers, cold cache"),
        ("start-warm:newstag", "newstag, default gazetteers, warm cache"),
        ("start-cold:newstag-large", "newstag + 100k-name gazetteer, cold cache"),
        ("start-warm:newstag-large", "newstag + 100k-name gazetteer, warm cache"),
        ("start:spacy", names.get("spacy", "spaCy") + " (import, build ruler)"),
        ("start:aho", names.get("aho", "pyahocorasick") + " (import, build automaton)"),
    ]
    if any(runs.get(label) for label, _ in startup_rows):
        out.append("### Start-up (one-line input)\n")
        out.append("| what | runs | wall ms (median, min–max) | peak RSS MiB |")
        out.append("|---|---:|---:|---:|")
        for label, title in startup_rows:
            rows = runs.get(label)
            if not rows:
                continue
            walls = [row["precise"] * 1000 for row in rows]
            rss = median([row["rss_kb"] * 1024 / MIB for row in rows])
            out.append(
                f"| {title} | {len(rows)} | **{number(median(walls))}** "
                f"({number(min(walls))}–{number(max(walls))}) | {number(rss)} |"
            )
        out.append("")

    large = runs.get("tp:newstag-large-j1")
    if large:
        result = throughput(large)
        out.append("### 100,000-name gazetteer (`--gazetteers` on top of the defaults)\n")
        out.append("| tool | input | rounds | MB/s (min–max) | docs/s | peak RSS MiB | vs defaults |")
        out.append("|---|---|---:|---:|---:|---:|---|")
        relation = (
            f"{ratio(result['mbps'] / reference['mbps'])} the speed, "
            f"{number(result['rss'] - reference['rss'])} MiB more"
            if reference
            else ""
        )
        out.append(
            f"| newstag `--jobs 1` | {inputs.get('newstag-large-j1', '')} "
            f"({result['bytes'] / MB:.1f} MB) | {result['rounds']} "
            f"| **{number(result['mbps'])}** ({number(result['mbps_low'])}–"
            f"{number(result['mbps_high'])}) | {number(result['docsps'])} "
            f"| {number(result['rss'])} | {relation} |"
        )
        out.append("")

    memory_rows = [
        ("tp:newstag-j1", "mem:newstag-j1", "newstag `--jobs 1`"),
        ("tp:newstag-j2", "mem:newstag-j2", "newstag `--jobs 2`"),
    ]
    if any(runs.get(big) for _, big, _ in memory_rows):
        out.append("### Peak memory against input size\n")
        out.append(
            "| tool | peak RSS MiB, 100 MB corpus | peak RSS MiB, 10× corpus "
            "| MB/s, 10× corpus (min–max) |"
        )
        out.append("|---|---:|---:|---:|")
        for small_label, big_label, title in memory_rows:
            small, big = runs.get(small_label), runs.get(big_label)
            if not small or not big:
                continue
            small_result, big_result = throughput(small), throughput(big)
            out.append(
                f"| {title} | {number(small_result['rss_high'])} "
                f"| {number(big_result['rss_high'])} ({big_result['bytes'] / MB:,.0f} MB) "
                f"| {number(big_result['mbps'])} ({number(big_result['mbps_low'])}–"
                f"{number(big_result['mbps_high'])}) |"
            )
        out.append("")
    print("\n".join(out))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)

    corpus = commands.add_parser("corpus", help="repeat a JSONL corpus to a size")
    corpus.add_argument("source")
    corpus.add_argument("output")
    corpus.add_argument("--min-mb", type=float, default=100)
    corpus.set_defaults(run=command_corpus)

    prefix = commands.add_parser("prefix", help="the first MB of a corpus, whole lines")
    prefix.add_argument("corpus")
    prefix.add_argument("output")
    prefix.add_argument("--mb", type=float, default=20)
    prefix.set_defaults(run=command_prefix)

    synth = commands.add_parser("synth-gazetteer", help="random Cyrillic names")
    synth.add_argument("output", help="folder to write synthetic.tsv into")
    synth.add_argument("--names", type=int, default=100_000)
    synth.add_argument("--seed", type=int, default=20240601)
    synth.set_defaults(run=command_synth_gazetteer)

    stats = commands.add_parser("stats", help="bytes and lines of a file")
    stats.add_argument("file")
    stats.set_defaults(run=command_stats)

    report = commands.add_parser("report", help="Markdown tables from measurements")
    report.add_argument("measurements")
    report.add_argument("--counts", help="tool<TAB>documents<TAB>entities lines")
    report.add_argument("--name", action="append", default=[], help="tool=display name")
    report.add_argument("--input", action="append", default=[], help="tool=input description")
    report.set_defaults(run=command_report)

    arguments = parser.parse_args()
    arguments.run(arguments)


if __name__ == "__main__":
    main()
