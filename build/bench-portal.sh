#!/usr/bin/env bash
# Portal speed on a catalog of ~1M masks (rows made with SQL, files linked to the sample's real PNGs).
# Usage: build/bench-portal.sh [IMAGES]   (default 222000 images, about 1M masks). Data stays in target/portal-bench;
# delete it to start over. Needs /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
mvn -q -B test -Dtest=PortalBench -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.images="${1:-222000}" 2>&1 | grep -E '^(Seeded|Linked|Catalog|Time to|Filter click|Cached)' || true
