#!/usr/bin/env bash
# Installs what the tests need (C++ runtime for TorchSharp, Debian's Chromium), builds, runs every
# test project, and ends with one line: "N passed, N failed, N skipped".
# Extra arguments go to `dotnet test`, e.g. build/test.sh --filter "FullyQualifiedName~Reader"
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

"$repo/build/prereqs.sh" --browser || exit 1

echo "[test] building"
dotnet build SymmetryExplorer.sln -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

export SYMX_TEST_ARTIFACTS="${SYMX_TEST_ARTIFACTS:-$repo/artifacts/test}"
mkdir -p "$SYMX_TEST_ARTIFACTS"
log="$(mktemp)"
# Benchmarks (Category=Benchmark) are not tests: build/bench-web.sh runs them. A --filter of your own replaces this one.
filter=(--filter "Category!=Benchmark")
for arg in "$@"; do [ "$arg" = "--filter" ] && filter=(); done
dotnet test SymmetryExplorer.sln -c Debug --no-build -nologo "${filter[@]}" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 6, Skipped: 0, ...").
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')
assemblies=$(grep -cE '^(Passed|Failed)!' "$log")
rm -f "$log"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed prints no summary: count it so the total cannot read green.
  echo "[test] dotnet test exited with $rc after $assemblies assembly summaries: counting the run as failed"
  failed=$((failed + 1))
fi
echo "[test] screenshots and other artifacts: $SYMX_TEST_ARTIFACTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
