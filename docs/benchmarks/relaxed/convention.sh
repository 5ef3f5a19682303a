#!/usr/bin/env bash
# What the published code's vector convention costs: the central smoke-rotation comparison
# (32 x 32, 16 simulations x 150 frames, 24 epochs of 96 windows) with the group and steerable
# models built with --vector-convention published (physical quarter turn composed with v -> -v).
# Compare with the same seeds' central2-* runs (physical convention). Two lanes of one thread each.
# Usage: convention.sh [seeds...] (default 0 1).
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
seeds=("$@"); [ $# -eq 0 ] && seeds=(0 1)
run() { # model seed
  local out="runs/pub-$1-seed$2"
  [ -f "$out/result.json" ] && return
  mkdir -p "$out"
  echo "=== $(date +%T) published convention $1 seed $2 load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 96 --eval-stride 4 --seed "$2" --threads 1 --vector-convention published --out "$out" > "$out/run.log" 2>&1
  tail -1 "$out/run.log"
}
lane() { for seed in "${seeds[@]}"; do for m in "$@"; do run "$m" "$seed"; done; done; }
lane gconv steer &
lane rgroup rsteer &
wait
echo "=== done $(date +%T)"
