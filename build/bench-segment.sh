#!/usr/bin/env bash
# Segmentation speed of the bundled model on this machine: encoder per image, decoder per box prompt (cached).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
mvn -q -B test -Dtest=SegmentBench -Dtest.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
  | grep -E '^(Encoder|Decoder)' || true
