#!/usr/bin/env bash
# Search benchmark: builds an index of N synthetic masks (metadata only) and times counts+facets and first pages.
# Usage: build/bench-search.sh [--engine opensearch [--opensearch-urls URL,...]] [N ...]
#        (default sizes: 1000000 5000000 19700000). Needs the jar (mvn package).
# With --engine opensearch each size runs on the embedded engine first, then on an OpenSearch cluster with the same
# masks and filters; without --opensearch-urls a 2-node cluster on loopback is started (build/opensearch-cluster.sh,
# 512 MB heap a node) and stopped at the end. The bench JVM's heap is capped at 4 GB, the target of issue 3; the
# index is written under ./target and removed afterwards. BENCH_JAR runs another copy of the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
engine=lucene
urls=""
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine=$2; shift 2 ;;
    --opensearch-urls) urls=$2; shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000 19700000)
mkdir -p target/bench
extra=()
started_cluster=no
if [ "$engine" = opensearch ]; then
  if [ -z "$urls" ]; then
    build/opensearch-cluster.sh start target/bench/opensearch-cluster
    started_cluster=yes
    urls=http://127.0.0.1:9200,http://127.0.0.1:9201
  fi
  extra=(--engine opensearch --opensearch-urls "$urls")
fi
for n in "${sizes[@]}"; do
  echo "== $n masks ($(uptime | sed 's/.*load/load/'))"
  "$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
    -jar "${BENCH_JAR:-target/sa-med2d-explorer.jar}" bench-search --masks "$n" --out target/bench "${extra[@]}" 2>&1 \
    | grep --line-buffered -v -e '^WARNING' -e 'VectorizationProvider' -e '^$'
  if [ "$started_cluster" = yes ]; then
    build/opensearch-cluster.sh status target/bench/opensearch-cluster
    du -sh target/bench/opensearch-cluster/node-*/data | sed 's/^/data on disk: /'
  fi
  echo "== done ($(uptime | sed 's/.*load/load/'))"
done
[ "$started_cluster" = yes ] && build/opensearch-cluster.sh stop target/bench/opensearch-cluster
exit 0
