#!/usr/bin/env bash
# Every model on strongly broken smoke-dial data (dial 1: buoyancy 1, 2.5, 4 and 5.5 x b0 by
# orientation, data-level equivariance error 1.7), 32 x 32, 16 simulations (4 inflow positions x 4
# orientations) x 100 frames, 12 epochs of 256 windows (192 Adam steps), 10-step test rollouts.
# Two lanes of one libtorch thread each. Usage: dialcompare.sh [seeds...] (default 0 1);
# DIAL=0 for the exactly symmetric control; PREFIX (default cmp), EXTRA, LANES, SYMX, OUT (lanes.sh).
# Recorded: dialcompare.sh 0 1, and the variants
# PREFIX=lr10 EXTRA="--relaxed-lr-factor 10" LANES="rgroup" dialcompare.sh 0 1,
# and PREFIX=f1 EXTRA="--input-frames 1" dialcompare.sh 0 1 (one input frame).
source "$(dirname "$0")/lanes.sh"
[ $# -eq 0 ] && set -- 0 1
dial="${DIAL:-1}"
compare() { # model seed
  run_once "${PREFIX:-cmp}-d$dial-$1-seed$2" "dial $dial $1 seed $2" \
    --dataset smoke-dial --dial "$dial" --model "$1" --grid 32 --sims 16 --frames 100 \
    --epochs 12 --train-windows 256 --eval-stride 4 --rollout-test 10 --seed "$2"
}
run_lanes compare "rgroup conv steer|gconv rsteer" "$@"
