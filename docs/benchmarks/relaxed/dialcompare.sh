#!/usr/bin/env bash
# Every model on strongly broken smoke-dial data (dial 1: buoyancy 1, 2.5, 4 and 5.5 x b0 by
# orientation, data-level equivariance error 1.7), 32 x 32, 16 simulations (4 inflow positions x 4
# orientations) x 100 frames, 12 epochs of 256 windows (192 Adam steps), 10-step test rollouts.
# Two lanes of one libtorch thread each. Usage: dialcompare.sh [seeds...] (default 0 1);
# DIAL=0 for the exactly symmetric control. Recorded: dialcompare.sh 0 1, and the variant
# PREFIX=lr10 EXTRA="--relaxed-lr-factor 10" LANES="rgroup" dialcompare.sh 0 1,
# and PREFIX=f1 EXTRA="--input-frames 1" dialcompare.sh 0 1 (one input frame).
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
seeds=("$@"); [ $# -eq 0 ] && seeds=(0 1)
dial="${DIAL:-1}"
run() { # model seed
  local out="runs/${PREFIX:-cmp}-d$dial-$1-seed$2"
  [ -f "$out/result.json" ] && return
  mkdir -p "$out"
  echo "=== $(date +%T) dial $dial $1 seed $2 load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-dial --dial "$dial" --model "$1" --grid 32 --sims 16 --frames 100 \
    --epochs 12 --train-windows 256 --eval-stride 4 --rollout-test 10 --seed "$2" --threads 1 $EXTRA --out "$out" > "$out/run.log" 2>&1
  tail -1 "$out/run.log"
}
lane() { for seed in "${seeds[@]}"; do for m in "$@"; do run "$m" "$seed"; done; done; }
# LANES: the models of each lane, lanes separated by '|'.
IFS='|' read -ra lanes <<< "${LANES:-rgroup conv steer|gconv rsteer}"
for models in "${lanes[@]}"; do lane $models & done
wait
echo "=== done $(date +%T)"
