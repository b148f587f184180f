#!/usr/bin/env bash
# Spark (batch-extract and its tests) needs Java 17 or newer. Where none is found, install Debian's
# headless JRE (openjdk-17 on bookworm, 21 on trixie; Spark 4 runs on both). Idempotent and quiet.
set -euo pipefail

java_major() {
  "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1
}

for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 17 ] 2>/dev/null; then
    exit 0
  fi
done

if ! command -v apt-get >/dev/null; then
  echo "scripts/java.sh: no Java 17+ found and no apt-get here; install a JRE 17+ or set JAVA_HOME" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "scripts/java.sh: installing Debian's default-jre-headless for Spark" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
java_major "$(command -v java)" >/dev/null
