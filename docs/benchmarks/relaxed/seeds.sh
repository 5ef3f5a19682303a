#!/usr/bin/env bash
# More seeds for the central comparison (smoke-rotation, 32 x 32, ~25k-parameter presets): every
# model with seeds 2 and 3, in two lanes of one libtorch thread each (a 2-core machine).
# Usage: seeds.sh [seeds...] (default 2 3). Runs already present are skipped.
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
seeds=("${@:-2 3}")
[ $# -eq 0 ] && seeds=(2 3)
central() { # model seed
  local out="${PREFIX:-central2}-$1-seed$2" # central2: today's smoke-rotation; central-*: the recipe before session 11
  [ -f "$out/result.json" ] && return
  echo "=== $(date +%T) central $1 seed $2 load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 96 --eval-stride 4 --seed "$2" --threads 1 --out "$out" > "$out.log" 2>&1
  tail -1 "$out.log"
}
lane() { for seed in "${seeds[@]}"; do for m in "$@"; do central "$m" "$seed"; done; done; }
lane rgroup steer conv &
lane gconv rsteer rtrans &
wait
echo "=== done $(date +%T)"
