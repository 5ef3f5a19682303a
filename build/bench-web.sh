#!/usr/bin/env bash
# Runs the web benchmarks (event-to-chart latency, a 10,000-step run's page, ten viewers) against
# the real app in Debian's Chromium. Numbers are printed and written to artifacts/bench/web-*.json.
# Takes several minutes; run it on an otherwise quiet machine.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
"$repo/build/prereqs.sh" --browser
dotnet build tests/SymmetryExplorer.Web.Tests -c Release -nologo -v quiet -clp:ErrorsOnly
export SYMX_BENCH_OUT="${SYMX_BENCH_OUT:-$repo/artifacts/bench}"
dotnet test tests/SymmetryExplorer.Web.Tests -c Release --no-build -nologo --filter "Category=Benchmark${1:+&FullyQualifiedName~$1}" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "^BENCH|Passed|Failed|Error" || true
echo "[bench-web] results: $SYMX_BENCH_OUT"
