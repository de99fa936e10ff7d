#!/usr/bin/env bash
# A 2-node OpenSearch cluster on loopback for trying the portal on OpenSearch and for bench-search, from the server
# distribution the build fetches from Maven Central (org.opensearch.distribution.integ-test-zip:opensearch, unpacked
# under target/). Nodes: http 127.0.0.1:9200 and :9201, transport :9300 and :9301 (OS_PORT moves them: http OS_PORT and
# OS_PORT+1, transport OS_PORT+100 and +101). OpenSearch refuses root, so as
# root each node runs in an unprivileged user namespace (unshare -U).
# Usage: build/opensearch-cluster.sh start|stop|status [DIR (default target/opensearch-cluster)]
#        build/opensearch-cluster.sh kill N [DIR]      SIGKILL node N (1 or 2), as a crash would
#        build/opensearch-cluster.sh start-node N [DIR]
# OS_HEAP (default 512m) sets each node's heap; OS_PORT (default 9200) the first HTTP port; OS_EXTRA_OPTS adds JVM
# options to every node (a flight recording for a profile: jcmd cannot attach into the user namespace).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
VERSION=3.3.0
HOME_DIR=target/opensearch-$VERSION
HEAP=${OS_HEAP:-512m}
PORT=${OS_PORT:-9200}
command=${1:-status}
node_arg=""
if [ "$command" = kill ] || [ "$command" = start-node ]; then node_arg=${2:?node number}; shift; fi
DIR=$(realpath -m "${2:-target/opensearch-cluster}")

if [ ! -x "$HOME_DIR/bin/opensearch" ]; then
  mvn -q -B dependency:unpack@opensearch-for-tests -DskipTests=false >/dev/null
fi

start_node() {
  local n=$1 folder="$DIR/node-$1"
  local http=$((PORT + n - 1)) transport=$((PORT + 100 + n - 1))
  mkdir -p "$folder"
  [ -d "$folder/config" ] || cp -r "$HOME_DIR/config" "$folder/config"
  cat > "$folder/config/opensearch.yml" <<YML
cluster.name: sa-med2d-explorer
node.name: node-$n
path.data: $folder/data
path.logs: $folder/logs
network.host: 127.0.0.1
http.port: $http
transport.port: $transport
discovery.seed_hosts: 127.0.0.1:$((PORT + 100)),127.0.0.1:$((PORT + 101))
cluster.initial_cluster_manager_nodes: node-1,node-2
cluster.routing.allocation.disk.threshold_enabled: false
# facet and count searches repeat exactly; the default (1% of a 512 MB heap, 5 MB) holds about ten facet answers
indices.requests.cache.size: 10%
# a rebuilt index gets its replicas by copying files once it is built; the default (40 MB/s) made that a minute at 19.7M
indices.recovery.max_bytes_per_sec: 250mb
YML
  local wrapper=()
  [ "$(id -u)" -eq 0 ] && wrapper=(unshare -U)
  OPENSEARCH_JAVA_HOME="$JAVA_HOME" OPENSEARCH_PATH_CONF="$folder/config" OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP ${OS_EXTRA_OPTS:-}" \
    nohup "${wrapper[@]}" "$HOME_DIR/bin/opensearch" >> "$folder/console.log" 2>&1 &
  echo $! > "$folder/pid"
  echo "node-$n: http://127.0.0.1:$http (pid $(cat "$folder/pid"), heap $HEAP, data $folder/data)"
}

running() { [ -f "$DIR/node-$1/pid" ] && kill -0 "$(cat "$DIR/node-$1/pid")" 2>/dev/null; }

wait_for_cluster() {
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$PORT/_cluster/health?wait_for_nodes=$1&timeout=1s" >/dev/null 2>&1; then
      echo "cluster up: $1 node(s)"; return 0
    fi
    sleep 1
  done
  echo "the cluster did not come up; see $DIR/node-*/console.log" >&2; return 1
}

case "$command" in
  start)
    for n in 1 2; do running $n || start_node $n; done
    wait_for_cluster 2 ;;
  start-node)
    running "$node_arg" || start_node "$node_arg" ;;
  kill)
    if running "$node_arg"; then
      kill -9 "$(cat "$DIR/node-$node_arg/pid")" && echo "node-$node_arg killed"
    else
      echo "node-$node_arg is not running (in $DIR)" >&2; exit 1
    fi ;;
  stop)
    for n in 1 2; do running $n && kill "$(cat "$DIR/node-$n/pid")" || true; done
    for n in 1 2; do while running $n; do sleep 0.5; done; done
    echo "cluster stopped" ;;
  status)
    for n in 1 2; do
      if running $n; then
        echo "node-$n: running, pid $(cat "$DIR/node-$n/pid"), RSS $(( $(ps -o rss= -p "$(cat "$DIR/node-$n/pid")") / 1024 )) MB"
      else
        echo "node-$n: stopped"
      fi
    done ;;
  *) echo "usage: $0 start|stop|status|kill N|start-node N [DIR]" >&2; exit 2 ;;
esac
