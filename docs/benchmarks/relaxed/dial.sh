#!/usr/bin/env bash
# A dial pair: RGroup on exactly rotation-symmetric (dial 0) and strongly broken (dial 1) smoke-dial
# data, 32 x 32, 8 simulations x 100 frames, seed 0, one torch thread.
# Usage: dial.sh PREFIX EPOCHS TRAIN_WINDOWS  (0 = all 324 windows an epoch). Recorded:
#   dial.sh dial256 12 256   (192 steps)     dial.sh dialall 24 0   (504 steps)
# (the first pair, 12 epochs x 64 windows, is in queue2.sh, which also uses 2 threads).
set -euo pipefail
prefix="$1" epochs="$2" windows="$3"
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
for d in 0 1; do
  out="$prefix-rgroup-d$d"
  [ -f "$out/result.json" ] && continue
  echo "=== $(date +%T) dial rgroup $d ($epochs epochs, $windows windows) load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-dial --dial "$d" --model rgroup --grid 32 --sims 8 --frames 100 \
    --epochs "$epochs" --train-windows "$windows" --eval-stride 4 --rollout-test 10 --seed 0 --threads 1 --out "$out" > "$out.log" 2>&1
  tail -1 "$out.log"
done
