#!/usr/bin/env bash
# Fetches the browser libraries the pages use from the npm registry and copies the files the pages load, with
# their licences, into src/main/resources/META-INF/resources/vendor/. Change a version here, run the script,
# look at the pages (the browser tests), and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
VIS_TIMELINE=8.5.4
HTMX=2.0.8
CHARTJS=4.5.1
target=src/main/resources/META-INF/resources/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent leaflet@$LEAFLET vis-timeline@$VIS_TIMELINE htmx.org@$HTMX chart.js@$CHARTJS >/dev/null)
for f in "$work"/*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
rm -rf "$target" && mkdir -p "$target"/{leaflet,vis-timeline,htmx,chartjs}
p="$work/leaflet-$LEAFLET/package"
cp "$p"/dist/leaflet.js "$p"/dist/leaflet.css "$p"/LICENSE "$target/leaflet/" && cp -r "$p"/dist/images "$target/leaflet/"
p="$work/vis-timeline-$VIS_TIMELINE/package"
cp "$p"/standalone/umd/vis-timeline-graph2d.min.js "$p"/styles/vis-timeline-graph2d.min.css "$p"/LICENSE.md \
  "$p"/LICENSE.MIT.txt "$p"/LICENSE.Apache-2.0.txt "$target/vis-timeline/"
p="$work/htmx.org-$HTMX/package"
cp "$p"/dist/htmx.min.js "$p"/LICENSE "$target/htmx/"
p="$work/chart.js-$CHARTJS/package"
cp "$p"/dist/chart.umd.min.js "$p"/LICENSE.md "$target/chartjs/"
printf 'leaflet %s\nvis-timeline %s\nhtmx.org %s\nchart.js %s\n' $LEAFLET $VIS_TIMELINE $HTMX $CHARTJS > "$target/VERSIONS"
echo "Vendored into $target:" && cat "$target/VERSIONS"
