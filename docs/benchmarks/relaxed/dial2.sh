#!/usr/bin/env bash
# The dial pair with 4x the training steps (256 windows an epoch): RGroup on exactly symmetric (0) and strongly broken (1) data.
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
for d in 0 1; do
  out="dial256-rgroup-d$d"
  [ -f "$out/result.json" ] && continue
  echo "=== $(date +%T) dial rgroup $d (256 windows an epoch) load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-dial --dial "$d" --model rgroup --grid 32 --sims 8 --frames 100 \
    --epochs 12 --train-windows 256 --eval-stride 4 --rollout-test 10 --seed 0 --threads 1 --out "$out" > "$out.log" 2>&1
  tail -1 "$out.log"
done
echo "=== done $(date +%T)"
