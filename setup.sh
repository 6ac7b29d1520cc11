#!/usr/bin/env bash
# Installs what is missing on Debian or Ubuntu (Swift itself must already be on PATH).
#   ./setup.sh          libxlsxwriter (the XLSX writer) and pkg-config to find it
#   ./setup.sh --tests  also the independent readers the tests check outputs with:
#                       LibreOffice headless (recalculation) and Python's openpyxl
# Does nothing when all is there.
set -euo pipefail

packages=(libxlsxwriter-dev pkg-config)
with_tests=false
[ "${1:-}" = "--tests" ] && with_tests=true
$with_tests && packages+=(libreoffice-calc-nogui python3-pip)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ((${#missing[@]})); then
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

if $with_tests && ! python3 -c "import openpyxl" 2>/dev/null; then
    python3 -m pip install --quiet openpyxl || python3 -m pip install --quiet --break-system-packages openpyxl
fi

command -v swift >/dev/null || { echo "setup.sh: swift is not on PATH (https://www.swift.org/install/)" >&2; exit 1; }
