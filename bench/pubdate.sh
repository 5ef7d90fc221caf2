#!/usr/bin/env bash
# Publication dates of real web pages: Dateline and htmldate side by side on htmldate's own
# development set (tests/eval_default.json: 800 URLs, 799 pages in tests/cache + tests/eval).
#
#   bench/pubdate.sh [CHECKOUT]
#
# CHECKOUT is a clone (or bare mirror) of github.com/adbar/htmldate; default $HTMLDATE_REPO.
# Pages are unpacked into a temporary folder, never into this repository. htmldate comes from
# PyPI into a cached virtualenv. Only eval_default is read: eval_mediacloud_2020.json and
# test_set are kept for judging, not for development.
#
# Accuracy counts a date as right only when Dateline read it from the page; an estimated date
# (file time, folder) counts as no answer, as htmldate's None does. Speed is the date reading
# alone (`cargo bench --bench pubdate`: decode + page scan, all cores), against htmldate in
# one Python process (single-threaded; it has no parallel mode).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=${1:-${HTMLDATE_REPO:-}}
if [[ -z "$repo" ]]; then
    echo "usage: $0 CHECKOUT-OF-htmldate (or set HTMLDATE_REPO)" >&2
    exit 2
fi
bin=${CARGO_TARGET_DIR:-$here/target}/release/dateline
[[ -x "$bin" ]] || (cd "$here" && cargo build --release --quiet)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" show HEAD:tests/eval_default.json >"$work/gold.json"
mkdir -p "$work/pages"
python3 - "$repo" "$work" <<'PY'
import json, subprocess, sys
repo, work = sys.argv[1:]
gold = json.load(open(f"{work}/gold.json"))
for name in sorted({v["file"] for v in gold.values()}):
    for folder in ("cache", "eval"):
        got = subprocess.run(["git", "-C", repo, "show", f"HEAD:tests/{folder}/{name}"],
                             capture_output=True)
        if got.returncode == 0:
            open(f"{work}/pages/{name}", "wb").write(got.stdout)
            break
PY

"$bin" extract "$work/pages" --json >"$work/extract.json" 2>/dev/null || true
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
gold = json.load(open(f"{work}/gold.json"))
report = json.load(open(f"{work}/extract.json"))
read, shown, sources = {}, {}, {}
for a in report["articles"]:
    shown[a["file"]] = a["published"]
    read[a["file"]] = None if a["published_estimated"] else a["published"]
    sources[a["published_from"]] = sources.get(a["published_from"], 0) + 1
def score(answers):
    return sum(answers.get(v["file"]) == v["date"] for v in gold.values())
n = len(gold)
print(f"Dateline: {score(read)}/{n} = {score(read) / n:.3f} right "
      f"({score(shown)}/{n} = {score(shown) / n:.3f} counting estimated dates)")
print("  dates from:", ", ".join(f"{k}: {v}" for k, v in sorted(sources.items(), key=lambda kv: -kv[1])))
PY

(cd "$here" && DATELINE_PAGES="$work/pages" cargo bench --quiet --bench pubdate 2>/dev/null | sed 's/^/Dateline /')

venv=${XDG_CACHE_HOME:-$HOME/.cache}/dateline-bench/htmldate-venv
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet htmldate
fi
"$venv/bin/python" - "$work" <<'PY'
import json, os, sys, time
import htmldate
from htmldate import find_date
work = sys.argv[1]
gold = json.load(open(f"{work}/gold.json"))
docs = []
for v in gold.values():
    raw = open(os.path.join(work, "pages", v["file"]), "rb").read()
    try:
        page = raw.decode("utf-8")
    except UnicodeDecodeError:
        page = raw  # htmldate detects the encoding of bytes itself
    docs.append((v["date"], page))
for mode, extensive in (("fast", False), ("extensive", True)):
    start = time.perf_counter()
    right = 0
    for want, page in docs:
        try:
            right += find_date(page, original_date=True, extensive_search=extensive) == want
        except Exception:
            pass
    took = time.perf_counter() - start
    print(f"htmldate {htmldate.__version__} {mode}: {right}/{len(docs)} = {right / len(docs):.3f} right, "
          f"{len(docs) / took:.0f} pages/s (1 thread)")
PY
