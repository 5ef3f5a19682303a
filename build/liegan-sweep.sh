#!/usr/bin/env bash
# Runs `symx discover` for several seeds and reports, per seed, the first epoch whose |cos| to the
# reference reached 0.99 and the lowest |cos| after it (a dip below 0.98 counts as "not holding").
#   build/liegan-sweep.sh OUTDIR "1 2 3 4 5" --dataset two-body --preset two-body --epochs 15 [--set k=v ...]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; seeds="$2"; shift 2
symx="${SYMX:-$repo/src/SymmetryExplorer.Cli/bin/Release/net10.0/symx}"
[ -x "$symx" ] || dotnet build "$repo/src/SymmetryExplorer.Cli/SymmetryExplorer.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
for seed in $seeds; do
  "$symx" discover "$@" --seed "$seed" --checkpoint-every 0 --out "$out/seed$seed" > "$out.seed$seed.log" 2>&1 || { echo "seed $seed failed"; tail -3 "$out.seed$seed.log"; continue; }
  python3 - "$out/seed$seed/result.json" "$seed" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
cos = doc["history"].get("cosine_0", [])
first = next((i + 1 for i, c in enumerate(cos) if c >= 0.99), None)
after = min(cos[first - 1:]) if first else None
secs = doc["epoch_seconds"]
med = sorted(secs)[len(secs) // 2] if secs else float("nan")
print(f"seed {sys.argv[2]}: first epoch >= 0.99: {first}, min after: {after if after is None else round(after, 4)}, final {cos[-1]:.4f}, "
      f"median epoch {med:.2f} s, cos by epoch: {' '.join(f'{c:.3f}' for c in cos)}")
PY
done
