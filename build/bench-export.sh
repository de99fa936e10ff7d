#!/usr/bin/env bash
# Export benchmark, everything side by side in one run on the same disk:
#   1. dd conv=fsync: a sequential write of DD_MB MiB (4096), the disk's own speed;
#   2. export --format sa-med2d of the whole split-ZIP catalog (prepare, then write with fsync);
#   3. export --format sa-med2d of the whole folder catalog, and Info-ZIP's `zip -0 -r -q` of the same files
#      (images/, masks/ and the two JSON files of the release folder), then synced, as the export is.
# The export command prints preparing and writing times, MB/s and peak heap; each archive is checked with unzip -t.
# The releases and catalogs are the ones build/bench-ingest.sh leaves in WORKDIR (folder/, split/, data-folder/,
# data-split/); what is missing is generated and ingested first. At 1M masks, after the ingest benchmark:
#   build/bench-export.sh 300000 /tmp/explorer-bench-1m 20000
# Usage: build/bench-export.sh [IMAGES] [WORKDIR] [DISTINCT]   (defaults: 28000 images, about 100k masks;
#        /tmp/explorer-export-bench; all distinct). Needs target/sa-med2d-explorer.jar. Not part of the test run.
set -euo pipefail
images=${1:-28000}
work=${2:-/tmp/explorer-export-bench}
distinct=${3:-$images}
jar=${EXPLORER_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/sa-med2d-explorer.jar}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
out=$work/bench-out
dd_mb=${DD_MB:-4096}   # size of the dd write
mkdir -p "$work" "$out"
rm -f "$out"/*.zip "$out"/dd.bin
if [ ! -f "$work/folder/SAMed2Dv1/SAMed2D_v1.json" ]; then
  "$java" -jar "$jar" generate --images "$images" --distinct "$distinct" --out "$work/folder" --seed 1 | tail -1
fi
if [ ! -f "$work/split/SAMed2D.zip" ]; then
  "$java" -jar "$jar" generate --images "$images" --distinct "$distinct" --out "$work/split" --seed 1 \
      --split-zip 100m | tail -1
fi
for source in folder/SAMed2Dv1 split/SAMed2D.zip; do
  if [ ! -d "$work/data-${source%%/*}" ]; then
    "$java" -Xmx2g -jar "$jar" ingest "$work/$source" --explorer.data-dir="$work/data-${source%%/*}" \
        | grep -E "rates|Catalog now"
  fi
done
export_of() { # export_of SOURCE: the whole catalog, every dataset, into $out/SOURCE.zip
  /usr/bin/time -f "  whole command %e s, max RSS %M KB" "$java" -Xmx1g -jar "$jar" export --format sa-med2d \
      --include-restricted --out "$out/$1.zip" --explorer.data-dir="$work/data-$1" 2>&1 \
      | grep -E "^Exported|^export:|whole command" | sed 's/^/  /'
  unzip -tq "$out/$1.zip" | tail -1 | sed 's/^/  unzip -t: /'
}
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(df -h --output=source,fstype "$out" | tail -1)"

echo "== 1. dd conv=fsync, a sequential write of $dd_mb MiB"
dd if=/dev/zero of="$out/dd.bin" bs=1M count="$dd_mb" conv=fsync 2>&1 | tail -1 | sed 's/^/  /'
rm -f "$out/dd.bin"

echo "== 2. split ZIP: export --format sa-med2d (parts in the page cache as far as it holds them)"
cat "$work"/split/SAMed2D.z* > /dev/null
export_of split
split_bytes=$(stat -c %s "$out/split.zip")
rm -f "$out/split.zip"

echo "== 3. folder: export --format sa-med2d, then zip -0 -r -q of the same files (both with the files warm)"
(cd "$work/folder/SAMed2Dv1" && find images masks -type f -print0 | xargs -0 cat > /dev/null)
export_of folder
rm -f "$out/folder.zip"
/usr/bin/time -f "  zip -0 -r -q and sync: %e s, max RSS %M KB" sh -c \
    "cd '$work/folder/SAMed2Dv1' && zip -0 -r -q '$out/zip0.zip' images masks SAMed2D_v1.json \
     SAMed2D_v1_class_mapping_id.json && sync '$out/zip0.zip'"
echo "  zip -0 archive: $(stat -c %s "$out/zip0.zip") bytes (the split-ZIP export was $split_bytes)"
rm -f "$out/zip0.zip"
