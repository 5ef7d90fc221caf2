#!/usr/bin/env bash
# Article text of web pages, scored by the public article-extraction benchmark's own
# evaluate.py (token-shingle F1 against its hand-made article bodies), plus pages per second.
#
#   bench/article_body.sh [CHECKOUT]
#
# CHECKOUT is a clone (or bare mirror) of github.com/scrapinghub/article-extraction-benchmark;
# default $ARTICLE_BENCHMARK. Its pages are unpacked into a temporary folder, never into this
# repository. Needs python3 and a release build (built here if missing).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=${1:-${ARTICLE_BENCHMARK:-}}
if [[ -z "$repo" ]]; then
    echo "usage: $0 CHECKOUT-OF-article-extraction-benchmark (or set ARTICLE_BENCHMARK)" >&2
    exit 2
fi
bin=${CARGO_TARGET_DIR:-$here/target}/release/dateline
[[ -x "$bin" ]] || (cd "$here" && cargo build --release --quiet)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# File by file: a mirror may lack blobs the benchmark does not need (other tools' outputs).
mkdir -p "$work/html"
for f in ground-truth.json evaluate.py $(git -C "$repo" ls-tree -r --name-only HEAD html); do
    git -C "$repo" show "HEAD:$f" >"$work/$f"
done
gunzip -q "$work"/html/*.gz
pages=$(find "$work/html" -name '*.html' | wc -l)

start=$(date +%s.%N)
"$bin" extract "$work/html" --json >"$work/extract.json" 2>"$work/stderr" || true
end=$(date +%s.%N)

mkdir -p "$work/output"
python3 - "$work/extract.json" "$work/output/dateline.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
out = {}
for article in report["articles"]:
    key = article["file"].rsplit("/", 1)[-1].removesuffix(".html")
    out[key] = {"articleBody": "\n".join(p["text"] for p in article["paragraphs"])}
truth = json.load(open(sys.argv[1].rsplit("/", 1)[0] + "/ground-truth.json"))
for key in truth:
    out.setdefault(key, {"articleBody": ""})
json.dump(out, open(sys.argv[2], "w"))
PY
(cd "$work" && python3 evaluate.py --n-bootstrap 200)
python3 -c "import sys; p, s = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f'\\n{p} pages in {s:.2f} s (whole pipeline: ingest, time expressions, events) = {p / s:.0f} pages/s')" "$pages" "$start" "$end"
