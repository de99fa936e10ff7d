#!/usr/bin/env bash
# Export benchmark: generates IMAGES synthetic images (about 3.5 masks each), ingests them, exports everything as
# sa-med2d and as manifest with the export command (which prints preparing and writing times, MB/s and peak heap),
# checks the archive with unzip -t, and times a raw read of the same PNG files for comparison.
# Usage: build/bench-export.sh [IMAGES] [WORKDIR]   (defaults: 28000 images, about 100k masks; /tmp/explorer-export-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-28000}
work=${2:-/tmp/explorer-export-bench}/$n
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jar=target/sa-med2d-explorer.jar
rm -rf "$work"
mkdir -p "$work"
/usr/bin/time -f "generate %e s" "$java" -jar "$jar" generate --images "$n" --out "$work/synth" --seed 1 2>&1 | tail -2
"$java" -Xmx2g -jar "$jar" ingest "$work/synth" --explorer.data-dir="$work/data" 2>&1 | grep -E "rates|Catalog now"
for format in sa-med2d manifest; do
  "$java" -Xmx1g -jar "$jar" export --format "$format" --out "$work/export-$format.zip" \
    --explorer.data-dir="$work/data" 2>&1 | grep -E "^Exported|^export:"
done
unzip -tq "$work/export-sa-med2d.zip" | tail -1
sync
/usr/bin/time -f "raw read of the same PNGs %e s" sh -c \
  "find '$work/synth/SAMed2Dv1/images' '$work/synth/SAMed2Dv1/masks' -type f -exec cat {} + > /dev/null"
du -sb "$work/synth/SAMed2Dv1/images" "$work/synth/SAMed2Dv1/masks" | awk '{s+=$1} END {print "raw bytes " s}'
