#!/usr/bin/env bash
# Loads the sample's TimelineJS export into TimelineJS3 (npm @knight-lab/timelinejs) in headless
# Chromium and checks that it built one slide per event (plus its title slide) and one marker
# per event, with no error in the console. Usage: tests/timelinejs/check.sh DATELINE_BINARY
# [SCREENSHOT.png]. Needs node/npm and chromium (.ci/run installs them).
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/page.html" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund @knight-lab/timelinejs@3 >/dev/null)
"$bin" export "$here/../../assets/sample" --format timelinejs -o "$work/timeline.json" 2>/dev/null
{ printf 'window.TIMELINE_DATA = '; cat "$work/timeline.json"; printf ';\n'; } > "$work/data.js"
expected="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).events.length)' "$work/timeline.json")"
browser="$(command -v chromium || command -v chromium-browser)"
flags=(--headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=15000 --window-size=1200,800)
dom="$("$browser" "${flags[@]}" --dump-dom "file://$work/page.html" 2>/dev/null)"
result="$(printf '%s' "$dom" | grep -o "data-result=\"[^\"]*\"" | head -1 | sed 's/^data-result="//; s/"$//; s/&quot;/"/g')"
if [ -z "$result" ]; then result='{"slides":0,"markers":0,"problems":["no result in the page"]}'; fi
echo "TimelineJS built: $result (expected $expected events)"
node -e '
  const r = JSON.parse(process.argv[1]); const n = Number(process.argv[2]);
  const bad = [];
  if (n < 1) bad.push("the export has no events");
  if (r.slides !== n + 1) bad.push(`${r.slides} slides, expected ${n} events + the title slide`);
  if (r.markers !== n) bad.push(`${r.markers} markers, expected ${n}`);
  if (r.problems.length) bad.push("problems: " + r.problems.join("; "));
  if (bad.length) { console.error("TimelineJS check failed: " + bad.join(", ")); process.exit(1); }
' "$result" "$expected"
if [ -n "${2:-}" ]; then
  "$browser" "${flags[@]}" --screenshot="$2" "file://$work/page.html" >/dev/null 2>&1
fi
echo "TimelineJS check passed"
