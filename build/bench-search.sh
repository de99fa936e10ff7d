#!/usr/bin/env bash
# Search benchmark: builds an index of N synthetic masks (metadata only) and times counts+facets and first pages.
# Usage: build/bench-search.sh [N ...]   (default: 1000000 5000000 19700000). Needs the jar (mvn package).
# Heap is capped at 4 GB, the target of issue 3; the index is written under ./target and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000 19700000)
mkdir -p target/bench
for n in "${sizes[@]}"; do
  echo "== $n masks"
  "$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
    -jar target/sa-med2d-explorer.jar bench-search --masks "$n" --out target/bench 2>&1 \
    | grep -v -e '^WARNING' -e 'VectorizationProvider' -e '^$'
done
