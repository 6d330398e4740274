#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium (or $CHROMIUM_PATH).
# Installs it when missing and this user can use apt-get; otherwise the browser tests skip
# (in CI, where CI=true, they fail instead, so a missing browser cannot pass unnoticed).
set -u
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "Chromium not found at $path: the browser tests will be skipped (install the chromium package to run them)." >&2
exit 0
