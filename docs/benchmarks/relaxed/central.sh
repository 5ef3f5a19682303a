#!/usr/bin/env bash
# Central experiment: smoke-rotation at laptop size (32 x 32, 16 simulations x 150 frames),
# all models at ~25k parameters (presets), seeds 0 and 1. Binary: a frozen copy (never rebuilt under a run).
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
for seed in 0 1; do
  for model in rgroup rsteer conv gconv steer rtrans; do
    out="central-$model-seed$seed"
    [ -f "$out/result.json" ] && continue
    echo "=== $(date +%T) $model seed $seed load $(cut -d' ' -f1 /proc/loadavg)"
    "$bin" relaxed --dataset smoke-rotation --model "$model" --grid 32 --sims 16 --frames 150 \
      --epochs 24 --train-windows 96 --eval-stride 4 --seed "$seed" --out "$out" > "$out.log" 2>&1
    tail -1 "$out.log"
  done
done
echo "=== done $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
