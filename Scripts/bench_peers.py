#!/usr/bin/env python3
"""The tools a user would otherwise reach for, run the way Scripts/bench times them.

    bench_peers.py export GAZETTEER_DIR... -o names.jsonl
    bench_peers.py spacy names.jsonl corpus.jsonl -o out.jsonl
    bench_peers.py aho   names.jsonl corpus.jsonl -o out.jsonl
    bench_peers.py count out.jsonl...

`export` reads newstag gazetteer folders (TSV: id, label, name, aliases; lines
of one id merge; `-id` lines disable an entity or some of its names; `#`
comments; files under `topics/` are topic lexicons, not names) and writes every
name and alias with its entity's id and label, one JSON object a line. The
peers get these names exactly as written: none of the Bulgarian article forms
that newstag generates from them (`Конгрес на САЩ` → `Конгресът на САЩ`).

`spacy` and `aho` read JSON Lines documents (`id`, `text`) and write one line
per document, `{"id", "entities": [{"start", "end", "text", "label", "id"}]}`,
offsets in code points, end exclusive, like newstag's. Everything they do,
imports and building the matcher included, is part of what is timed.

`count` prints documents and entities in output files (a sanity check that the
peers find names).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
from typing import Iterator


# --------------------------------------------------------------------------- export


def gazetteer_files(directory: str) -> list[str]:
    """The `.tsv` files under `directory`, recursively, in path order, minus `topics/`."""
    found = []
    for root, _, files in os.walk(directory):
        for name in files:
            if not name.endswith(".tsv"):
                continue
            relative = os.path.relpath(os.path.join(root, name), directory)
            if "topics" in relative.split(os.sep)[:-1]:
                continue
            found.append(relative)
    return [os.path.join(directory, relative) for relative in sorted(found)]


def split_aliases(column: str) -> list[str]:
    return [alias.strip(" ") for alias in column.split("|") if alias.strip(" ")]


def load_names(directories: list[str]) -> list[dict]:
    """Every (id, label, name) of the gazetteers, in load order, after merges and removals."""
    entities: dict[str, dict] = {}  # insertion order = load order
    removals: list[tuple[str, list[str]]] = []
    for directory in directories:
        if not os.path.isdir(directory):
            sys.exit(f"bench_peers.py: no such gazetteer folder: {directory}")
        for path in gazetteer_files(directory):
            columns = None
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    line = line.rstrip("\n").rstrip("\r")
                    if not line.strip(" \t") or line.startswith("#"):
                        continue
                    fields = [field.strip(" ") for field in line.split("\t")]
                    if columns is None:
                        columns = [field.lower() for field in fields]
                        missing = {"id", "label", "name"} - set(columns)
                        if missing:
                            sys.exit(f"{path}: header lacks {', '.join(sorted(missing))}")
                        continue
                    row = dict(zip(columns, fields))
                    entity_id = row.get("id", "")
                    names = [row.get("name", "")] + split_aliases(row.get("aliases", ""))
                    names = [name for name in names if name]
                    if entity_id.startswith("-") and len(entity_id) > 1:
                        removals.append((entity_id[1:], names))
                        continue
                    entity = entities.setdefault(
                        entity_id, {"id": entity_id, "label": row.get("label", ""), "names": []}
                    )
                    for name in names:
                        if name not in entity["names"]:
                            entity["names"].append(name)
    for entity_id, names in removals:
        entity = entities.get(entity_id)
        if entity is None:
            continue
        if not names:
            del entities[entity_id]
            continue
        entity["names"] = [name for name in entity["names"] if name not in names]
        if not entity["names"]:
            del entities[entity_id]
    return [
        {"id": entity["id"], "label": entity["label"], "name": name}
        for entity in entities.values()
        for name in entity["names"]
    ]


def command_export(arguments: argparse.Namespace) -> None:
    names = load_names(arguments.directories)
    with open(arguments.output, "w", encoding="utf-8") as handle:
        for name in names:
            handle.write(json.dumps(name, ensure_ascii=False) + "\n")
    entities = len({name["id"] for name in names})
    print(f"{len(names)} names of {entities} entities", file=sys.stderr)


# --------------------------------------------------------------------------- shared


def read_names(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_documents(path: str) -> Iterator[tuple[str, str]]:
    """(id, text) of every JSON Lines document; bad lines give an empty text."""
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict):
                yield f"{path}:{number}", ""
                continue
            text = record.get("text")
            yield str(record.get("id", f"{path}:{number}")), text if isinstance(text, str) else ""


def open_output(path: str):
    if path == "-":
        return open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
    return open(path, "w", encoding="utf-8")


def render(document_id: str, entities: list[dict]) -> str:
    return json.dumps({"id": document_id, "entities": entities}, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- spaCy


def command_spacy(arguments: argparse.Namespace) -> None:
    import spacy

    nlp = spacy.blank("bg")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(
        [
            {"label": name["label"], "pattern": name["name"], "id": name["id"]}
            for name in read_names(arguments.names)
        ]
    )
    documents = ((text, document_id) for document_id, text in read_documents(arguments.corpus))
    with open_output(arguments.output) as out:
        for doc, document_id in nlp.pipe(documents, as_tuples=True, batch_size=256):
            entities = [
                {
                    "start": entity.start_char,
                    "end": entity.end_char,
                    "text": entity.text,
                    "label": entity.label_,
                    "id": entity.ent_id_,
                }
                for entity in doc.ents
            ]
            out.write(render(document_id, entities))


# --------------------------------------------------------------------------- pyahocorasick


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping offsets: a character whose lower case is longer stays as it is."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def command_aho(arguments: argparse.Namespace) -> None:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in read_names(arguments.names):
        key = lower_same_length(name["name"])
        if key not in automaton:  # first entity loaded wins, as in newstag
            automaton.add_word(key, (len(key), name["label"], name["id"]))
    automaton.make_automaton()
    with open_output(arguments.output) as out:
        for document_id, text in read_documents(arguments.corpus):
            lowered = lower_same_length(text)
            size = len(text)
            candidates = []
            for last, (length, label, entity_id) in automaton.iter(lowered):
                start, end = last + 1 - length, last + 1
                if start > 0 and lowered[start - 1].isalnum():
                    continue
                if end < size and lowered[end].isalnum():
                    continue
                candidates.append((start, end, label, entity_id))
            # Longest first, then leftmost; keep those that overlap nothing kept.
            candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
            starts: list[int] = []
            kept: list[tuple[int, int, str, str]] = []
            for candidate in candidates:
                start, end = candidate[0], candidate[1]
                position = bisect.bisect_left(starts, start)
                if position > 0 and kept[position - 1][1] > start:
                    continue
                if position < len(kept) and kept[position][0] < end:
                    continue
                starts.insert(position, start)
                kept.insert(position, candidate)
            entities = [
                {"start": s, "end": e, "text": text[s:e], "label": label, "id": entity_id}
                for s, e, label, entity_id in kept
            ]
            out.write(render(document_id, entities))


# --------------------------------------------------------------------------- count


def command_count(arguments: argparse.Namespace) -> None:
    for path in arguments.outputs:
        documents = entities = errors = 0
        with open(path, "rb") as handle:
            for line in handle:
                record = json.loads(line)
                documents += 1
                if "error" in record:
                    errors += 1
                entities += len(record.get("entities", []))
        print(f"{path}\t{documents}\t{entities}\t{errors}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="gazetteer folders to a names JSONL file")
    export.add_argument("directories", nargs="+", metavar="GAZETTEER_DIR")
    export.add_argument("-o", "--output", required=True)
    export.set_defaults(run=command_export)

    for name, run, summary in [
        ("spacy", command_spacy, 'spacy.blank("bg") + EntityRuler, phrase patterns on LOWER'),
        ("aho", command_aho, "pyahocorasick on lowercased text, Unicode word boundaries"),
    ]:
        peer = commands.add_parser(name, help=summary)
        peer.add_argument("names", help="names JSONL from `export`")
        peer.add_argument("corpus", help="JSON Lines documents with id and text")
        peer.add_argument("-o", "--output", default="-", help="output file; '-' is stdout")
        peer.set_defaults(run=run)

    count = commands.add_parser("count", help="documents and entities in output files")
    count.add_argument("outputs", nargs="+")
    count.set_defaults(run=command_count)

    arguments = parser.parse_args()
    arguments.run(arguments)


if __name__ == "__main__":
    main()
