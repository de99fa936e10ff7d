#!/usr/bin/env bash
# Crash safety, scripted: kill -9 at random moments during ingest, index rebuild, export preparation and embedding
# precompute, restart, and check that the catalog, the index and the exports are exactly right afterwards.
# Usage: build/reliability.sh [IMAGES] [ROUNDS] [STEPS]   (defaults: 3000 images (~10k masks), 3 rounds, steps 1234;
#        steps other than 1 reuse the catalog a full run left in the work folder)
# Work folder: /tmp/explorer-reliability (deleted first). Needs target/sa-med2d-explorer.jar, curl, unzip.
set -euo pipefail
cd "$(dirname "$0")/.."
images=${1:-3000}
rounds=${2:-3}
steps=${3:-1234}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jar=$PWD/target/sa-med2d-explorer.jar
work=/tmp/explorer-reliability
data=$work/data
port=8098
url=http://localhost:$port
exec 9> /tmp/explorer-reliability.lock
flock -n 9 || { echo "reliability.sh is already running" >&2; exit 1; }
if [[ $steps == *1* ]]; then
  rm -rf "$work"
fi
mkdir -p "$work"
failures=0
check() { # description, expected, actual
  if [ "$2" == "$3" ]; then echo "  ok    $1: $3"; else echo "  FAIL  $1: expected $2, got $3"; failures=$((failures + 1)); fi
}
random_ms() { echo $(( $1 + RANDOM % ($2 - $1) )); }
nap() { sleep "$(awk "BEGIN {print $1 / 1000}")"; }

[[ $steps == *1* ]] && "$java" -jar "$jar" generate --images "$images" --out "$work/release" --seed 5 | tail -1
expected_images=$(grep -o '"images/' "$work/release/SAMed2Dv1/SAMed2D_v1.json" | wc -l)
expected_masks=$(grep -o '"masks/' "$work/release/SAMed2Dv1/SAMed2D_v1.json" | wc -l)
echo "release: $expected_images images, $expected_masks masks"
[[ $steps == *1* ]] && echo "reliability-admin-password-$RANDOM$RANDOM" > "$work/secret"

server=""
start_portal() {
  "$java" -Xmx1g -jar "$jar" --explorer.data-dir="$data" --explorer.sample=false --server.port=$port \
    >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -sf "$url/actuator/health/readiness" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "portal did not become ready" >&2
  return 1
}
kill_portal() { kill -9 "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
api() { curl -sf -H "Authorization: Bearer $token" "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

if [[ $steps == *1* ]]; then
echo "1. kill -9 during ingest, $rounds times, then finish it"
for round in $(seq 1 "$rounds"); do
  "$java" -jar "$jar" ingest "$work/release" --explorer.data-dir="$data" > "$work/ingest-$round.log" 2>&1 &
  pid=$!
  wait_ms=$(random_ms 3000 15000)
  nap "$wait_ms"
  kill -9 $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  echo "  killed ingest after $wait_ms ms ($(grep -c . "$work/ingest-$round.log") log lines)"
done
"$java" -jar "$jar" ingest "$work/release" --explorer.data-dir="$data" > "$work/ingest-final.log" 2>&1
"$java" -jar "$jar" user add reliability --role admin --password-file "$work/secret" --explorer.data-dir="$data" > /dev/null
fi
token=$("$java" -jar "$jar" user token reliability --name script --explorer.data-dir="$data" 2>/dev/null | grep "^sme_")
if [[ $steps == *1* ]]; then
start_portal
stats=$(api "$url/api/v1/stats")
check "catalog images" "$expected_images" "$(echo "$stats" | json 'd["images"]')"
check "catalog masks" "$expected_masks" "$(echo "$stats" | json 'd["masks"]')"
check "masks still without geometry" "0" "$(echo "$stats" | json 'd["geometryPending"]')"
check "index masks" "$expected_masks" "$(api "$url/api/v1/counts" | json 'd["masks"]')"
kill_portal
fi

[[ $steps == *2* ]] && {
echo "2. kill -9 during an index rebuild, $rounds times; the next start notices and rebuilds"
for round in $(seq 1 "$rounds"); do
  "$java" -jar "$jar" reindex --explorer.data-dir="$data" > "$work/reindex-$round.log" 2>&1 &
  pid=$!
  wait_ms=$(random_ms 2000 9000)
  nap "$wait_ms"
  kill -9 $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  started=$(date +%s%N)
  start_portal
  check "index masks after a rebuild killed at $wait_ms ms (ready in $(( ($(date +%s%N) - started) / 1000000 )) ms)" \
    "$expected_masks" "$(api "$url/api/v1/counts" | json 'd["masks"]')"
  kill_portal
done

}
[[ $steps == *3* ]] && {
echo "3. kill -9 of the portal while it prepares an export, $rounds times; restart the failed export"
for round in $(seq 1 "$rounds"); do
  start_portal
  started_export=$(api -X POST -H 'Content-Type: application/json' -d '{"format": "sa-med2d"}' "$url/api/v1/exports")
  id=$(echo "$started_export" | json 'd["id"]')
  # datasets whose licence forbids redistribution are left out, so the archive holds what the export counted
  expected_entries=$(echo "$started_export" | json 'd["masks"] + d["images"] + 5')
  wait_ms=$(random_ms 100 1500)
  nap "$wait_ms"
  kill_portal
  start_portal
  state=$(api "$url/api/v1/exports/$id" | json 'd["state"]')
  echo "  export killed at $wait_ms ms is '$state' after the restart"
  [ "$state" == "failed" ] && api -X POST "$url/api/v1/exports/$id/restart" > /dev/null
  for _ in $(seq 1 300); do
    state=$(api "$url/api/v1/exports/$id" | json 'd["state"]')
    [ "$state" == "done" ] || [ "$state" == "failed" ] && break
    sleep 1
  done
  check "export state after restart" "done" "$state"
  api -o "$work/export.zip" "$url/api/v1/exports/$id/download"
  entries=$(unzip -l "$work/export.zip" | tail -1 | awk '{print $2}')
  check "archive tests clean" "0" "$(unzip -tq "$work/export.zip" > /dev/null 2>&1; echo $?)"
  check "archive entries (the export's images + masks + 5 generated files)" "$expected_entries" "$entries"
  kill_portal
done

}
[[ $steps == *4* ]] && {
echo "4. kill -9 of the portal during embedding precompute, $rounds times; segmentation works on every image after"
for round in $(seq 1 "$rounds"); do
  start_portal
  api -X POST -H 'Content-Type: application/json' -d '{"limit": 40}' "$url/api/v1/segment/precompute" > /dev/null
  wait_ms=$(random_ms 1000 8000)
  nap "$wait_ms"
  kill_portal
  start_portal
  ok=0
  for image in $(api "$url/api/v1/images?limit=40" | json '" ".join(str(i["image"]["id"]) for i in d["items"])'); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"imageId\": $image, \"box\": [10, 10, 120, 120]}" "$url/api/v1/segment")
    [ "$status" == "200" ] && ok=$((ok + 1))
  done
  check "segmentations answered after precompute killed at $wait_ms ms" "40" "$ok"
  kill_portal
done

}
echo "reliability: $failures failed checks"
[ "$failures" -eq 0 ]
