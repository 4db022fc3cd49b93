#!/bin/sh
# Runs a fixed set of `vigie query` / `vigie export` filters on a store and writes each
# answer to OUTDIR/<n>.out, so that two stores built from the same input (before and after
# a store change, or a migrated file and a fresh one) can be compared with `diff -r`.
# Usage: scripts/store_query_check.sh VIGIE DB OUTDIR
# Example (generated corpus of bench_store; Raqqa, Aleppo, Gao, Goma... 2014-2023):
#   scripts/store_query_check.sh /tmp/vigie-old old.db /tmp/q-old
#   scripts/store_query_check.sh build/tools/vigie/vigie new.db /tmp/q-new
#   diff -r /tmp/q-old /tmp/q-new && echo same
set -u
if [ $# -ne 3 ]; then
  echo "usage: $0 VIGIE DB OUTDIR" >&2
  exit 2
fi
vigie=$1 db=$2 out=$3
mkdir -p "$out"
n=0
q() {
  n=$((n + 1))
  "$vigie" query --db "$db" --format jsonl "$@" >"$out/$n.out" 2>&1
  echo "exit $?" >>"$out/$n.out"
}
q --limit 50
q --from 2016 --to 2016
q --from 2018-03 --to 2018-05-15 --limit 200
q --to 2015-06-30 --sort confidence --limit 100
q --bbox 35,33,42,38
q --bbox 35,33,42,38 --from 2017-01 --to 2017-12 --type armed_clash
q --bbox -10,10,10,25 --type displacement --sort confidence
q --near 36.2,37.16 --km 50 --from 2019 --to 2020
q --near 35.95,39.01 --km 30 --type air_strike
q --type shelling --from 2021-02 --to 2021-02
q --type aid_delivery --limit 30
q --subtype clash --limit 40
q --modality reported --from 2022 --to 2022
q --actor state_forces --from 2020-01 --to 2020-06
q --claimant igo_ngo --limit 60
q --claimant unhcr --from 2016 --to 2017
q --outlet 'Radio Sahel' --from 2014 --to 2014-06
q --lang en --type evacuation --limit 300
q --text raqqa --limit 80
q --text 'convoi AND camions' --from 2019 --to 2019
q --text '"air strike"' --limit 40
q --text 'goma OR mosul' --bbox 20,-5,50,40 --sort confidence --limit 25
q --from 2015-07-04 --to 2015-07-04
n=$((n + 1))
"$vigie" export --db "$db" --format csv >"$out/$n.out" 2>&1
echo "exit $?" >>"$out/$n.out"
n=$((n + 1))
"$vigie" export --db "$db" --format acled >"$out/$n.out" 2>&1
echo "exit $?" >>"$out/$n.out"
# The stored rows themselves (documents, packed mentions, event columns), when the sqlite3
# shell is there: a digest per table, independent of the schema version's indexes.
if command -v sqlite3 >/dev/null 2>&1; then
  for sql in "SELECT id, url, outlet, title, lang, lang_confidence, lang_given, date, raw, clean, content_hash, origin_record, pipeline_version, invalid_utf8, extra FROM documents ORDER BY id" \
    "SELECT d.id, hex(m.packed), m.mentions FROM document_mentions m JOIN documents d USING (doc_key) ORDER BY d.id" \
    "SELECT event_id, doc_id, json, type, subtype, status, modality, date_start, date_end, date_precision, date_lo, date_hi, loc_geonameid, loc_name, loc_text, loc_lat, loc_lon, loc_country, loc_admin1, loc_precision, loc_part, actor1_name, actor1_class, actor1_label, actor2_name, actor2_class, actor2_label, claimant_name, claimant_class, confidence FROM events ORDER BY event_id"; do
    sqlite3 "$db" "$sql" | md5sum
  done >"$out/rows.md5"
fi
echo "$n answers in $out"
