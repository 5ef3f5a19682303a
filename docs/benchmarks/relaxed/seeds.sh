#!/usr/bin/env bash
# More seeds for the central comparison (smoke-rotation, 32 x 32, ~25k-parameter presets): every
# model, in two lanes of one libtorch thread each (a 2-core machine). Runs already present are skipped.
# Usage: seeds.sh [seeds...] (default 2 3). Env: PREFIX (default central2), EXTRA (more symx flags),
# LANES (the models of each lane, lanes separated by '|'). Recorded: seeds.sh 0 1 2 3 4 5 (central2),
# and PREFIX=f1rot EXTRA="--input-frames 1" LANES="gconv rgroup conv|steer rsteer" seeds.sh 0 1 2.
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")/runs}"
seeds=("$@"); [ $# -eq 0 ] && seeds=(2 3)
central() { # model seed
  local out="${PREFIX:-central2}-$1-seed$2" # central2: today's smoke-rotation; central-*: the recipe before session 11
  [ -f "$out/result.json" ] && return
  mkdir -p "$out"
  echo "=== $(date +%T) ${PREFIX:-central2} $1 seed $2 load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 96 --eval-stride 4 --seed "$2" --threads 1 $EXTRA --out "$out" > "$out/run.log" 2>&1
  tail -1 "$out/run.log"
}
lane() { for seed in "${seeds[@]}"; do for m in "$@"; do central "$m" "$seed"; done; done; }
IFS='|' read -ra lanes <<< "${LANES:-rgroup steer conv|gconv rsteer rtrans}"
for models in "${lanes[@]}"; do lane $models & done
wait
echo "=== done $(date +%T)"
