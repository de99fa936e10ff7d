#!/usr/bin/env bash
# Ingest benchmark: generates a synthetic release as a folder and as a split ZIP, ingests each into a fresh
# embedded catalog with a 2 GB heap cap, and prints the report lines (names/geometry rates, peak heap).
# Usage: build/bench-ingest.sh [IMAGES] [WORKDIR] [DISTINCT]   (defaults: 10000 images, /tmp/explorer-bench, all
#        distinct). DISTINCT < IMAGES repeats the pixels of the first DISTINCT images under new case names, which
#        makes a release-scale run quick to generate:  build/bench-ingest.sh 300000 /tmp/explorer-bench-1m 20000
# Needs target/sa-med2d-explorer.jar (mvn package -DskipTests). Not part of the test run.
set -euo pipefail
images=${1:-10000}
work=${2:-/tmp/explorer-bench}
distinct=${3:-$images}
jar=${EXPLORER_JAR:-$(dirname "$0")/../target/sa-med2d-explorer.jar}   # EXPLORER_JAR: a copy, so rebuilding does not disturb a run
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
mkdir -p "$work"
if [ ! -f "$work/folder/SAMed2Dv1/SAMed2D_v1.json" ]; then
  "$java" -jar "$jar" generate --images "$images" --distinct "$distinct" --out "$work/folder" --seed 1 | tail -1
fi
if [ ! -f "$work/split/SAMed2D.zip" ]; then
  "$java" -jar "$jar" generate --images "$images" --distinct "$distinct" --out "$work/split" --seed 1 \
      --split-zip 100m | tail -1
fi
for source in folder/SAMed2Dv1 split/SAMed2D.zip; do
  rm -rf "$work/data-${source%%/*}"
  echo "== ingest $source"
  /usr/bin/time -f "wall %e s, max RSS %M KB" "$java" -Xmx2g -jar "$jar" ingest "$work/$source" \
      --explorer.data-dir="$work/data-${source%%/*}" | grep -E "listed|added|rates|skipped:|Catalog now"
done
