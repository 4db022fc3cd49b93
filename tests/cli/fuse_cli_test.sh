#!/bin/sh
# vigie clusters and vigie timeline end to end on the multi-outlet article set: ingest
# updates the clusters, filters work, the timeline tallies ranges, bad options are refused.
# Usage: fuse_cli_test.sh path/to/vigie source_dir
set -eu
VIGIE=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ ! -e "$SRC/data/gazetteer.vgz" ]; then echo "SKIP: no gazetteer (scripts/setup.sh builds it)"; exit 0; fi

"$VIGIE" ingest --db "$TMP/v.db" --no-progress "$SRC/tests/data/fuse" 2> "$TMP/log" || fail "ingest failed"
EVENTS=$(sed -n 's/.* \([0-9][0-9]*\) events, .*/\1/p' "$TMP/log" | head -1)
[ -n "$EVENTS" ] && [ "$EVENTS" -gt 0 ] || fail "no events stored: $(cat "$TMP/log")"
grep -q "clusters: $EVENTS new events" "$TMP/log" || fail "ingest did not update the clusters: $(cat "$TMP/log")"
"$VIGIE" clusters --db "$TMP/v.db" --format jsonl > "$TMP/all" 2>/dev/null || fail "clusters failed"
[ "$(grep -c cluster_id "$TMP/all")" -ge 6 ] || fail "too few clusters"
"$VIGIE" clusters --db "$TMP/v.db" --contradicted --format jsonl > "$TMP/flagged" 2>/dev/null || fail "--contradicted failed"
[ "$(wc -l < "$TMP/flagged")" -eq 5 ] || fail "expected 5 contradicted clusters, got $(wc -l < "$TMP/flagged")"
"$VIGIE" clusters --db "$TMP/v.db" --min-outlets 2 --type shelling --format table > "$TMP/t" 2>/dev/null || fail "table failed"
grep -q "perpetrator: who did it" "$TMP/t" || fail "the table does not show the perpetrator flag"
"$VIGIE" clusters --db "$TMP/v.db" --modality denied 2> "$TMP/err" && fail "--modality accepted"
grep -q "filters events, not clusters" "$TMP/err" || fail "no clear message for --modality"
"$VIGIE" clusters --db "$TMP/v.db" --rebuild --format jsonl > "$TMP/again" 2>/dev/null || fail "--rebuild failed"
cmp -s "$TMP/all" "$TMP/again" || fail "a rebuild changed the clusters"

# Idlib city, 40 km: the Idlib and Saraqib clusters.
"$VIGIE" timeline --db "$TMP/v.db" --place 35.93,36.63 --km 40 --format table > "$TMP/tl" 2>/dev/null || fail "timeline failed"
grep -q "displaced 800-1,200+" "$TMP/tl" || fail "no displaced range: $(cat "$TMP/tl")"
grep -q "taken by Syrian Arab Army: 12-25 village" "$TMP/tl" || fail "no taken tally: $(cat "$TMP/tl")"
"$VIGIE" timeline --db "$TMP/v.db" --place 35.93,36.63 --format jsonl | tail -1 | grep -q '"tallies"' || fail "no jsonl tallies"
echo "ok"
