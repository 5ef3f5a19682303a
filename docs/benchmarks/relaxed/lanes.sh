# Sourced by the benchmark scripts: `symx relaxed` runs in parallel lanes of one libtorch thread
# each (a 2-core machine), each run into its own folder under runs/, finished runs skipped.
# Env: SYMX (the binary; the recorded runs used a frozen Release build of this code), OUT (where
# runs/ lies; default this folder), EXTRA (more symx flags for every run), LANES (the models of each
# lane, lanes separated by '|').
bin="${SYMX:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && git rev-parse --show-toplevel)/build/symx}"
cd "${OUT:-$(dirname "${BASH_SOURCE[0]}")}" || exit 1

# run_once NAME LABEL SYMX_ARGS...: one run into runs/NAME, its output in runs/NAME/run.log.
run_once() {
  local out="runs/$1" label="$2"; shift 2
  [ -f "$out/result.json" ] && return
  mkdir -p "$out"
  echo "=== $(date +%T) $label load $(cut -d' ' -f1 /proc/loadavg)"
  "$bin" relaxed "$@" --threads 1 $EXTRA --out "$out" > "$out/run.log" 2>&1
  tail -1 "$out/run.log"
}

# run_lanes RUN DEFAULT_LANES SEEDS...: calls `RUN model seed` for every seed and model, one
# background lane per '|'-separated group of $LANES (or DEFAULT_LANES), and waits for all of them.
run_lanes() {
  local run="$1" lanes; shift
  IFS='|' read -ra lanes <<< "${LANES:-$1}"; shift
  local seeds=("$@") models
  for models in "${lanes[@]}"; do
    (for seed in "${seeds[@]}"; do for m in $models; do "$run" "$m" "$seed"; done; done) &
  done
  wait
  echo "=== done $(date +%T)"
}
