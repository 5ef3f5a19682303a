#!/usr/bin/env bash
# Twice the training of the central comparison: 24 epochs of 192 windows (288 Adam steps instead of
# 144; same data, learning-rate decay per epoch and early stopping), strict and relaxed models, seeds 0
# and 1, two lanes of one libtorch thread each. Runs already present are skipped.
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}"
cd "${OUT:-$(dirname "$0")/runs}"
run() { # model seed
  local out="w192-$1-seed$2"
  [ -f "$out/result.json" ] && return
  mkdir -p "$out"
  "$bin" relaxed --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 192 --eval-stride 4 --seed "$2" --threads 1 --out "$out" > "$out/run.log" 2>&1
  tail -1 "$out/run.log"
}
lane() { for seed in 0 1; do for m in "$@"; do run "$m" "$seed"; done; done; }
lane rgroup rsteer &
lane gconv steer &
wait
