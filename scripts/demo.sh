#!/usr/bin/env bash
# The README's first command: set up everything, then run the main job on the bundled
# example corpus (examples/corpus: French and English articles with ad lines, hashtags and
# share lines) and print what Vigie reads in each document.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
echo
echo "== vigie inspect examples/corpus =="
./build/tools/vigie/vigie inspect --no-tokens examples/corpus |
  python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print(f"{d[\"id\"]}  lang={d[\"lang\"][\"code\"]} ({d[\"lang\"][\"confidence\"]})  date={d[\"date\"]}  "
          f"sentences={len(d[\"sentences\"])}  removed={[r[\"text\"] for r in d[\"removed\"]]}  "
          f"hashtags={[h[\"tag\"] for h in d[\"hashtags\"]]}")
'
