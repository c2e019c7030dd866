#!/usr/bin/env bash
# Installs everything the tests and the demo need on a fresh Debian bookworm machine:
#   - Debian packages (FFmpeg for the interoperability checks),
#   - a Python virtualenv in .venv/ (git-ignored) with the pinned VC-2 reference tools.
# Idempotent: a second run only checks. Safe to run as root or with sudo available.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

APT_PACKAGES=(ffmpeg verilator zlib1g-dev)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

venv="$here/.venv"
req="$here/ci/requirements-vc2.txt"
stamp="$venv/.uhdpipe-$(sha256sum "$req" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: creating Python virtualenv $venv with the pinned VC-2 reference tools ($req)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$req"
  touch "$stamp"
fi
