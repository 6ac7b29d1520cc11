#!/usr/bin/env bash
# Installs what the engine and its tests need on Debian or Ubuntu (Swift itself must already be
# on PATH): libxlsxwriter for the XLSX writer, pkg-config to find it. Does nothing when all is there.
set -euo pipefail

packages=(libxlsxwriter-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

command -v swift >/dev/null || { echo "setup.sh: swift is not on PATH (https://www.swift.org/install/)" >&2; exit 1; }
