#!/usr/bin/env bash
# The central comparison's relaxed models with a faster learning rate for their relaxed weights
# (--relaxed-lr-factor 10), seeds 0 and 1, in one lane of one libtorch thread (the recorded runs
# shared the 2-core machine with discrete-rotation experiments). Same data and settings as seeds.sh.
# Usage: relaxed-lr.sh [factor] (default 10). Runs already present are skipped.
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}"
factor="${1:-10}"
cd "${OUT:-$(dirname "$0")/runs}"
for seed in 0 1; do
  for model in rsteer rgroup; do
    out="f$factor-$model-seed$seed"
    [ -f "$out/result.json" ] && continue
    mkdir -p "$out"
    "$bin" relaxed --dataset smoke-rotation --model "$model" --grid 32 --sims 16 --frames 150 \
      --epochs 24 --train-windows 96 --eval-stride 4 --seed "$seed" --threads 1 --relaxed-lr-factor "$factor" \
      --out "$out" > "$out/run.log" 2>&1
    tail -1 "$out/run.log"
  done
done
