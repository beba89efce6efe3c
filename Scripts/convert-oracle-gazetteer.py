#!/usr/bin/env python3
"""Convert a SlavicNER oracle gazetteer (id, type, name) to newstag's format.

Usage: Scripts/convert-oracle-gazetteer.py ORACLE.tsv OUT_DIR [--prior GOLD.jsonl]
       [--word-list FILE | --no-word-list]

Writes OUT_DIR/oracle.tsv, for `newstag tag --no-default-gazetteers --gazetteers OUT_DIR`.

- The oracle's `type` column is the label (PER, LOC, ORG, EVT, PRO).
- The oracle reuses an entity id under two labels (demonyms are PER with the
  country's id: `пакистанка` -> GPE-Pakistan), which newstag rejects, so each
  id is prefixed with its label (`PER/GPE-Pakistan`); spaces in ids become `_`.
- Some names belong to several entities (`Северен поток 2` is the pipeline,
  PRO, and the company, ORG). newstag links a span to the entity loaded
  first, which is a property of the gazetteer, not of the matcher. With
  `--prior GOLD.jsonl` entities are written most-mentioned first (counted
  in that gold file, by label and eid), so the oracle gazetteer also carries
  the corpus's preference between same-named entities and the score measures
  the matcher alone. Without it, entities keep the oracle's order.
- A one-word capitalised name whose lower-case form is a Bulgarian word
  (and whose capitalised form is not listed), such as `Съюз` or `Мир`, gets
  its own line flagged `common-word` (§5.8 of the morphology notes). The word
  list is Debian's `wbulgarian` (/usr/share/dict/bulgarian) unless another is
  given; without one no name is flagged.
"""
import argparse
import collections
import csv
import os
import sys

DEFAULT_WORD_LIST = "/usr/share/dict/bulgarian"


def load_words(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        return {line.strip() for line in handle if line.strip()}


def is_common_word(name, words):
    if words is None or " " in name or "-" in name or not name[:1].isupper():
        return False
    if not name[1:].islower():
        return False
    return name.lower() in words and name not in words


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("oracle")
    parser.add_argument("out_dir")
    parser.add_argument("--word-list", default=DEFAULT_WORD_LIST)
    parser.add_argument("--prior", help="gold JSONL whose mention counts order same-named entities")
    parser.add_argument("--no-word-list", action="store_true")
    args = parser.parse_args()

    with open(args.oracle, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    columns = {name: index for index, name in enumerate(header)}
    missing = {"id", "type", "name"} - columns.keys()
    if missing:
        print(f"{args.oracle}:1: error: missing column(s) {', '.join(sorted(missing))}", file=sys.stderr)
        return 1

    words = None if args.no_word_list else load_words(args.word_list)
    if words is None and not args.no_word_list:
        print(f"note: no word list at {args.word_list}; no name is flagged common-word", file=sys.stderr)

    names = collections.OrderedDict()
    for row in body:
        if not row:
            continue
        label = row[columns["type"]]
        entity_id = "%s/%s" % (label, row[columns["id"]].replace(" ", "_"))
        names.setdefault((entity_id, label), [])
        if row[columns["name"]] not in names[(entity_id, label)]:
            names[(entity_id, label)].append(row[columns["name"]])

    mentions = collections.Counter()
    if args.prior:
        import json

        with open(args.prior, encoding="utf-8") as handle:
            for line in handle:
                for entity in json.loads(line).get("entities", []):
                    key = "%s/%s" % (entity["label"], entity.get("eid", "").replace(" ", "_"))
                    mentions[key] += 1
    order = sorted(enumerate(names), key=lambda item: (-mentions[item[1][0]], item[0]))
    os.makedirs(args.out_dir, exist_ok=True)
    target = os.path.join(args.out_dir, "oracle.tsv")
    flagged = 0
    with open(target, "w", encoding="utf-8", newline="") as out:
        out.write("# Converted from %s by Scripts/convert-oracle-gazetteer.py\n" % os.path.basename(args.oracle))
        out.write("id\tlabel\tname\tflags\n")
        for _, (entity_id, label) in order:
            for name in names[(entity_id, label)]:
                common = is_common_word(name, words)
                flagged += common
                out.write("%s\t%s\t%s\t%s\n" % (entity_id, label, name, "common-word" if common else ""))
    print(f"wrote {target}: {len(names)} entities, {flagged} names flagged common-word", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
