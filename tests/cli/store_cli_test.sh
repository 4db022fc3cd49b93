#!/bin/sh
# The store sub-commands end to end: ingest (twice: the second run stores nothing new),
# errors, query, export. Usage: store_cli_test.sh path/to/vigie source_dir
set -eu
VIGIE=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$TMP/in"
cp "$SRC"/examples/corpus/* "$TMP/in/"
printf '{"id":"ok1","text":"Les forces ont repris Alep-Est."}\n{"id": "broken", "text": \n' > "$TMP/in/mixed.jsonl"

"$VIGIE" ingest --db "$TMP/v.db" --no-progress "$TMP/in" 2> "$TMP/log1" || fail "first ingest exited non-zero"
grep -q "mixed.jsonl:2" "$TMP/log1" || fail "the bad record is not named"
grep -q "1 error" "$TMP/log1" || fail "the summary does not count the error"
"$VIGIE" ingest --db "$TMP/v.db" --no-progress "$TMP/in" 2> "$TMP/log2" || fail "second ingest exited non-zero"
grep -q " 0 stored" "$TMP/log2" || fail "the second run stored documents again: $(cat "$TMP/log2")"

"$VIGIE" errors --db "$TMP/v.db" > "$TMP/errors" 2>/dev/null || fail "vigie errors failed"
grep -q "mixed.jsonl:2: error" "$TMP/errors" || fail "vigie errors does not list the bad record"
[ "$(wc -l < "$TMP/errors")" -eq 1 ] || fail "the error was recorded twice"

"$VIGIE" query --db "$TMP/v.db" --format jsonl --from 2016 --to 2017 > "$TMP/q" 2>/dev/null || fail "query failed"
head -1 "$TMP/q" | grep -q "GeoNames" || fail "jsonl has no GeoNames credit"
for f in jsonl csv geojson acled; do
  "$VIGIE" export --db "$TMP/v.db" --format $f -o "$TMP/out.$f" 2>/dev/null || fail "export $f failed"
  grep -q "CC BY 4.0" "$TMP/out.$f" || fail "export $f has no GeoNames credit"
done
if "$VIGIE" query --db "$TMP/v.db" --bbox 1,2,3 > /dev/null 2>&1; then fail "a bad --bbox was accepted"; fi
if "$VIGIE" query --db "$TMP/v.db" --near 95,10 > /dev/null 2>&1; then fail "a bad --near was accepted"; fi
# --near with a place name needs the compiled gazetteer (built by scripts/setup.sh).
if [ -f "${VIGIE_GAZETTEER:-$SRC/data/gazetteer.vgz}" ]; then
  "$VIGIE" query --db "$TMP/v.db" --near Aleppo --km 50 --format jsonl > "$TMP/near" 2>/dev/null || fail "--near Aleppo failed"
  if "$VIGIE" query --db "$TMP/v.db" --near Xqzzyville --km 5 > /dev/null 2>&1; then fail "an unknown place was accepted"; fi
else
  echo "store CLI: no gazetteer, --near PLACE not checked"
fi
printf 'not a database at all, just some bytes that go on and on %.0s' $(seq 1 100) > "$TMP/bad.db"
if "$VIGIE" query --db "$TMP/bad.db" > /dev/null 2> "$TMP/err"; then fail "a damaged database was accepted"; fi
grep -q "bad.db" "$TMP/err" || fail "the error does not name the file"
if "$VIGIE" ingest --db "$TMP/v2.db" --no-progress "$TMP/missing" 2>/dev/null; then fail "ingest of nothing exited 0"; fi
# Bulk loading: the same store and answers with the indexes built once at the end.
"$VIGIE" ingest --db "$TMP/bulk.db" --no-progress --bulk on "$TMP/in" 2> "$TMP/log3" || fail "bulk ingest exited non-zero"
grep -q "bulk loading: indexes built 1 time" "$TMP/log3" || fail "the bulk ingest did not build its indexes: $(cat "$TMP/log3")"
[ ! -e "$TMP/bulk.db-bulk" ] || fail "the bulk lock file was left behind"
"$VIGIE" query --db "$TMP/bulk.db" --format jsonl --from 2016 --to 2017 > "$TMP/qb" 2>/dev/null || fail "query of the bulk store failed"
cmp -s "$TMP/q" "$TMP/qb" || fail "the bulk-loaded store answers differently"
if "$VIGIE" ingest --db "$TMP/v3.db" --bulk sometimes "$TMP/in" > /dev/null 2>&1; then fail "a bad --bulk was accepted"; fi
echo "store CLI: ok"
