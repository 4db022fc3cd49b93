#!/usr/bin/env bash
# The README's first command: set up everything (Debian and npm packages, build, gazetteer),
# then run the main job on the bundled example corpus (examples/corpus: French and English
# articles with ad lines, hashtags and share lines): ingest it into a database and print the
# resulting event table.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
DB=${VIGIE_DEMO_DB:-data/example.db}
mkdir -p "$(dirname "$DB")"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo
echo "== vigie ingest --db $DB examples/corpus =="
./build/tools/vigie/vigie ingest --db "$DB" examples/corpus
echo
echo "== vigie query --db $DB =="
./build/tools/vigie/vigie query --db "$DB" --format table
