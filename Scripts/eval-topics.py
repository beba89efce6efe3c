#!/usr/bin/env python3
"""Score newstag's topic assignment on a corpus with a source-topic field.

Usage: Scripts/eval-topics.py [--newstag BIN] [--data DIR] [--show N]

Runs `newstag tag` on DIR/bg-dev.jsonl (default DIR: ../shared/data) and on
examples/seed-bg-news.txt, and reports top-1 and top-3 accuracy per source
topic: a document counts as correct when its first topic (or one of its
first three) is among the acceptable topics of its source topic.

The mapping from the corpus's `topic` field to our taxonomy, and why:

- brexit -> brexit. Our finer topic for the UK leaving the EU (parent
  eu-affairs, IPTC politics). Nothing else is accepted: a Brexit story
  tagged only `politics` is too vague for an editor.
- nord_stream -> energy. The stories are about the Nord Stream 2 gas
  pipeline: gas supply, its construction, permits and the sanctions aimed at
  it. `energy` (energy and pipelines, IPTC economy) is the subject; sanctions
  and diplomacy are angles, so only `energy` counts.
- ryanair -> transport-aviation or labour-strikes. The stories are about
  the airline: flights, fares, fines, and the 2018 pilot and cabin-crew
  strikes. An airline strike story is correctly first about the strike.
- asia_bibi -> blasphemy-religious-freedom, courts or human-rights. The
  stories follow the blasphemy case of Asia Bibi in Pakistan: the death
  sentence, the Supreme Court's acquittal, the protests and her asylum. Each
  of the three is a fair first topic.
- the example article (Ukraine and the US negotiating a security
  agreement) -> war-in-ukraine, security-defence, military-aid, diplomacy or
  their parents conflict and politics in the top 3, and it must have both a
  conflict-family and a diplomacy topic there.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ACCEPTABLE = {
    "brexit": {"brexit"},
    "nord_stream": {"energy"},
    "ryanair": {"transport-aviation", "labour-strikes"},
    "asia_bibi": {"blasphemy-religious-freedom", "courts", "human-rights"},
}
CONFLICT_FAMILY = {"conflict", "war-in-ukraine", "armed-conflict", "military-aid", "security-defence"}


def run_newstag(binary, path):
    output = subprocess.run(
        [binary, "tag", "--topics", "3", path], check=True, capture_output=True, text=True
    ).stdout
    return [json.loads(line) for line in output.splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--newstag", default=os.path.join(ROOT, ".build", "release", "newstag"))
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--show", type=int, default=0, help="print N misclassified documents per source topic")
    args = parser.parse_args()
    if not os.path.exists(args.newstag):
        print(f"no newstag binary at {args.newstag}: run `swift build -c release` first", file=sys.stderr)
        return 1
    corpus = os.path.join(args.data, "bg-dev.jsonl")
    source_topic = {}
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            source_topic[document["id"]] = document["topic"]

    totals = collections.Counter()
    top1 = collections.Counter()
    top3 = collections.Counter()
    first = collections.defaultdict(collections.Counter)
    misses = collections.defaultdict(list)
    for document in run_newstag(args.newstag, corpus):
        topic = source_topic[document["id"]]
        ids = [t["id"] for t in document.get("topics", [])]
        totals[topic] += 1
        first[topic][ids[0] if ids else "(none)"] += 1
        if ids and ids[0] in ACCEPTABLE[topic]:
            top1[topic] += 1
        else:
            misses[topic].append((document["id"], ids))
        if set(ids[:3]) & ACCEPTABLE[topic]:
            top3[topic] += 1

    print("| source topic | docs | accepted | top-1 | top-3 | most frequent first topics |")
    print("|---|---:|---|---:|---:|---|")
    for topic in sorted(totals):
        common = ", ".join(f"{t} {n}" for t, n in first[topic].most_common(3))
        print(
            f"| {topic} | {totals[topic]} | {', '.join(sorted(ACCEPTABLE[topic]))} "
            f"| {100 * top1[topic] / totals[topic]:.1f} % | {100 * top3[topic] / totals[topic]:.1f} % | {common} |"
        )
    all_docs = sum(totals.values())
    print(
        f"| all | {all_docs} | | {100 * sum(top1.values()) / all_docs:.1f} % "
        f"| {100 * sum(top3.values()) / all_docs:.1f} % | |"
    )
    for topic in sorted(misses):
        for doc_id, ids in misses[topic][: args.show]:
            print(f"miss {topic}: {doc_id} -> {ids}")

    example = run_newstag(args.newstag, os.path.join(ROOT, "examples", "seed-bg-news.txt"))[0]
    ids = [t["id"] for t in example.get("topics", [])][:3]
    ok = bool(set(ids) & CONFLICT_FAMILY) and "diplomacy" in ids
    print(f"\nexample article: {ids} -> {'conflict and diplomacy: yes' if ok else 'MISSING conflict or diplomacy'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
