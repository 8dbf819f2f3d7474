#!/usr/bin/env bash
# One-shot GPU run (docs/transformer.md): install the kit's wheels, then `python -m training.gpu_kit run`
# (= `python -m training gpu-kit run`, importing only what the kit needs).
#   bash training/gpu_kit/run.sh KIT [--skip-install] [run options...]
# Run from anywhere; it works in the repository root. The device reaches no package index, so
# everything is installed from KIT/wheels (built by `python -m training gpu-kit prepare`); the
# image's own CUDA build of torch is used. The log goes to $OUT/log.txt as well.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
KIT=${1:?usage: run.sh KIT [--skip-install] [run options]}
shift
OUT=${OUT:-build/gpu-kit-out}
mkdir -p "$OUT"
args=()
install=1
for arg in "$@"; do
    if [[ $arg == --skip-install ]]; then install=0; else args+=("$arg"); fi
done
exec > >(tee -a "$OUT/log.txt") 2>&1
if (( install )); then
    start=$SECONDS
    # With dependency checks first; if the image's own packages clash, without them.
    "$PYTHON" -m pip install -q --no-index --find-links "$KIT/wheels" "$KIT"/wheels/*.whl \
        || "$PYTHON" -m pip install -q --no-index --no-deps "$KIT"/wheels/*.whl
    echo "install: $((SECONDS - start)) s"
fi
# svpol from the checkout, without installing it (its factories register on import).
export PYTHONPATH="$PWD/pipeline:$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
exec "$PYTHON" -m training.gpu_kit run "$KIT" --out "$OUT" "${args[@]}"
