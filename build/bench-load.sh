#!/usr/bin/env bash
# Load (and soak) over HTTP against the ~1M-mask catalog that build/bench-portal.sh leaves in target/portal-bench.
# Starts the portal jar on it (-Xmx2g, port 8097), makes an admin token for the harness, runs bench-load, stops.
# Usage: build/bench-load.sh [bench-load options]   e.g. --clients 50 --seconds 60 --with-jobs true
#        build/bench-load.sh --clients 8 --seconds 600 --metrics-every 30      (the 10-minute soak)
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jar=target/sa-med2d-explorer.jar
data=target/portal-bench/data
[ -d "$data/postgres" ] || { echo "no catalog in $data: run build/bench-portal.sh first" >&2; exit 1; }
secret=$(mktemp)
trap 'rm -f "$secret"' EXIT
echo "load-bench-$(date +%s%N)" > "$secret"
"$java" -jar "$jar" user add load-bench --role admin --password-file "$secret" --explorer.data-dir="$data" >/dev/null 2>&1 || true
token=$("$java" -jar "$jar" user token load-bench --name bench-load --days 1 --explorer.data-dir="$data" 2>/dev/null | grep "^sme_")
"$java" -Xmx2g -jar "$jar" --explorer.data-dir="$data" --explorer.sample=false --server.port=8097 \
  > target/bench-load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$secret"' EXIT
for _ in $(seq 1 180); do
  curl -sf http://localhost:8097/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
echo "server pid $server, ready after $SECONDS s; server RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
status=0
"$java" -jar "$jar" bench-load --url http://localhost:8097 --token "$token" "$@" || status=$?
echo "server RSS after: $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
exit $status
