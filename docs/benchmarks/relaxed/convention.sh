#!/usr/bin/env bash
# What the published code's vector convention costs: the central smoke-rotation comparison
# (32 x 32, 16 simulations x 150 frames, 24 epochs of 96 windows) with the group and steerable
# models built with --vector-convention published (physical quarter turn composed with v -> -v).
# Compare with the same seeds' central2-* runs (physical convention). Two lanes of one thread each.
# Usage: convention.sh [seeds...] (default 0 1). Env: LANES, SYMX, OUT (lanes.sh).
source "$(dirname "$0")/lanes.sh"
[ $# -eq 0 ] && set -- 0 1
published() { # model seed
  run_once "pub-$1-seed$2" "published convention $1 seed $2" \
    --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 96 --eval-stride 4 --seed "$2" --vector-convention published
}
run_lanes published "gconv steer|rgroup rsteer" "$@"
