#!/usr/bin/env bash
# Second measurement queue: the dial pair (symmetric vs strongly broken data), then seed 1 of the central comparison.
bin="${SYMX:-$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)/build/symx}" # the recorded runs used a frozen Release build of this code
cd "${OUT:-$(dirname "$0")}"
dial() { # model dial
  local out="dial-$1-d$2"
  [ -f "$out/result.json" ] && return
  echo "=== $(date +%T) dial $1 $2 load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-dial --dial "$2" --model "$1" --grid 32 --sims 8 --frames 100 \
    --epochs 12 --train-windows 64 --eval-stride 4 --rollout-test 10 --seed 0 --out "$out" > "$out.log" 2>&1
  tail -1 "$out.log"
}
central() { # model seed
  local out="central-$1-seed$2"
  [ -f "$out/result.json" ] && return
  echo "=== $(date +%T) central $1 seed $2 load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed --dataset smoke-rotation --model "$1" --grid 32 --sims 16 --frames 150 \
    --epochs 24 --train-windows 96 --eval-stride 4 --seed "$2" --out "$out" > "$out.log" 2>&1
  tail -1 "$out.log"
}
for d in 0 1; do dial rgroup "$d"; done
for m in rgroup rsteer conv gconv steer; do central "$m" 1; done
echo "=== done $(date +%T)"
