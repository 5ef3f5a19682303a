#!/usr/bin/env bash
# Installs what is missing, builds, and starts Symmetry Explorer on http://127.0.0.1:5000
# with the embedded defaults: SQLite and files under ./data, jobs in-process, CPU.
# Extra arguments go to the app, e.g. build/run-app.sh --Compute:Threads=1
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

"$repo/build/prereqs.sh"

echo "[run-app] building (Release)"
dotnet build src/SymmetryExplorer.Web/SymmetryExplorer.Web.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

export Storage__DataDirectory="${Storage__DataDirectory:-$repo/data}"
mkdir -p "$Storage__DataDirectory"
echo "[run-app] data directory: $Storage__DataDirectory"
echo "[run-app] starting on http://127.0.0.1:5000 (Ctrl+C to stop)"
exec dotnet src/SymmetryExplorer.Web/bin/Release/net10.0/SymmetryExplorer.Web.dll "$@"
