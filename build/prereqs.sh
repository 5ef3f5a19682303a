#!/usr/bin/env bash
# Installs what Symmetry Explorer needs on this machine, and nothing that is already there.
#   build/prereqs.sh            .NET SDK check + a C++ runtime new enough for TorchSharp
#   build/prereqs.sh --browser  ... and Debian's Chromium for the browser tests
# Safe to run again: every step checks first and is a no-op when satisfied.
set -euo pipefail

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "prereqs.sh: unknown option '$arg' (known: --browser)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1;34m[prereqs]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[prereqs]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (re-run as root or install sudo)"; fi
}

apt_install() {
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "$@"
}

os_id() { . /etc/os-release 2>/dev/null && echo "${ID:-unknown}:${VERSION_CODENAME:-unknown}"; }

# --- .NET SDK ---------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  die ".NET SDK not found. Install the .NET 10 SDK (https://dot.net/download) and re-run."
fi
sdk_major=$(dotnet --version 2>/dev/null | cut -d. -f1)
if [ "${sdk_major:-0}" -lt 10 ]; then
  die ".NET SDK $(dotnet --version) is too old: Symmetry Explorer targets net10.0. Install the .NET 10 SDK."
fi

# --- C++ runtime for TorchSharp ---------------------------------------------------------------
# TorchSharp 0.107.0's native glue (libLibTorchSharp.so) is linked against GCC 13's libstdc++
# (symbol version GLIBCXX_3.4.32). Debian 12 ships GCC 12's runtime, so the backend fails to load.
libstdcxx_ok() {
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    [ -e "$lib" ] && grep -qa 'GLIBCXX_3.4.32' "$lib" && return 0
  done
  return 1
}

if [ "$(uname -s)" = "Linux" ] && ! libstdcxx_ok; then
  case "$(os_id)" in
    debian:bookworm)
      say "TorchSharp needs libstdc++ from GCC 13+; installing Debian 13 (trixie)'s libstdc++6, pinned low"
      # A low pin (100) means nothing else is ever taken from trixie unless asked for with -t trixie.
      as_root tee /etc/apt/sources.list.d/symx-trixie.sources >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
      as_root tee /etc/apt/preferences.d/symx-trixie-low >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
      as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq -t trixie libstdc++6 >/dev/null
      libstdcxx_ok || die "installed trixie's libstdc++6 but GLIBCXX_3.4.32 is still missing"
      say "libstdc++ is now new enough for TorchSharp"
      ;;
    *)
      die "the system C++ runtime (libstdc++) lacks GLIBCXX_3.4.32, which TorchSharp 0.107.0 needs.
Install libstdc++ from GCC 13 or newer (Ubuntu 24.04+, Debian 13+, Fedora 39+ have it), or run in Docker."
      ;;
  esac
fi

# --- Chromium for browser tests ---------------------------------------------------------------
if [ "$want_browser" -eq 1 ] && [ ! -x /usr/bin/chromium ]; then
  case "$(os_id)" in
    debian:*|ubuntu:*)
      say "installing Debian's Chromium for the browser tests (a few minutes)"
      as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
      DEBIAN_FRONTEND=noninteractive apt_install -qq chromium fonts-dejavu-core >/dev/null
      ;;
    *) die "browser tests need Chromium at /usr/bin/chromium; install it with your package manager" ;;
  esac
fi
exit 0
