#!/usr/bin/env bash
# Make sure the browser tests have what they drive: Debian's chromium (from apt, never a browser
# download by Playwright) and the pinned Playwright in the project's virtual environment.
# Idempotent and quiet when everything is there; run by `make test` before pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CLAIMTRACE_CHROMIUM:-/usr/bin/chromium}"
PY="${PY:-.venv/bin/python}"

if [ ! -x "$CHROMIUM" ]; then
    echo "scripts/browser.sh: installing Debian's chromium for the browser tests" >&2
    if [ "$(id -u)" -ne 0 ]; then
        SUDO=sudo
    else
        SUDO=
    fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

if ! "$PY" -c "import playwright, axe_playwright_python" 2>/dev/null; then
    echo "scripts/browser.sh: installing the pinned Playwright from requirements-dev.txt" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check \
        "$(grep -E '^playwright==' requirements-dev.txt)" "$(grep -E '^axe-playwright-python==' requirements-dev.txt)"
fi

# Debian's wrapper script prints a harmless shell warning on some machines; only failure matters.
"$CHROMIUM" --version >/dev/null 2>&1 || { echo "scripts/browser.sh: $CHROMIUM does not start" >&2; exit 1; }
