#!/usr/bin/env bash
# Renders deploy/k8s/monitoring/dashboards/logishift-support.json to dashboard.png beside this
# script, without Grafana: render-dashboard.mjs lays the panels out as an HTML page (titles, types,
# queries, sample curves), headless Chromium screenshots it. Needs node and chromium (both are on
# the build machines for the web UI and its browser tests). Not part of the test command.
#
#   deploy/k8s/monitoring/render/render.sh [DASHBOARD.json] [OUT.png]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dashboard="${1:-$here/../dashboards/logishift-support.json}"
out="${2:-$here/dashboard.png}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[ -n "$chromium" ] || { echo "no chromium on the PATH (set CHROMIUM)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node "$here/render-dashboard.mjs" "$dashboard" "$work/dashboard.html"
# the page's height follows the dashboard's rows: 34 px per grid unit plus the header
height="$(node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ps = d.panels.flatMap((p) => [p, ...(p.panels || [])]);
  console.log(Math.max(...ps.map((p) => p.gridPos.y + p.gridPos.h)) * 34 + 120);' "$dashboard")"
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1570,"$height" --screenshot="$out" "file://$work/dashboard.html" >/dev/null 2>&1
echo "wrote $out"
