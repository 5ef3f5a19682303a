#!/usr/bin/env bash
# More seeds for the central comparison (smoke-rotation, 32 x 32, ~25k-parameter presets): every
# model, in two lanes of one libtorch thread each (a 2-core machine). Runs already present are skipped.
# Usage: seeds.sh [seeds...] (default 2 3). Env: PREFIX (default central2; central-*: the recipe
# before session 11), EXTRA, LANES, SYMX, OUT (lanes.sh). Recorded: seeds.sh 0 1 2 3 4 5 (central2),
# and PREFIX=f1rot EXTRA="--input-frames 1" LANES="gconv rgroup conv|steer rsteer" seeds.sh 0 1 2.
source "$(dirname "$0")/lanes.sh"
[ $# -eq 0 ] && set -- 2 3
central() { # model seed
  run_once "${PREFIX:-central2}-$1-seed$2" "${PREFIX:-central2} $1 seed $2" \
    --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 96 --eval-stride 4 --seed "$2"
}
run_lanes central "rgroup steer conv|gconv rsteer rtrans" "$@"
