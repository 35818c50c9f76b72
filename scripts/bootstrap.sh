#!/usr/bin/env bash
# Installs what girconv needs beyond the Swift toolchain, only when it is missing:
#   - libxml2-dev and pkg-config (the HTML reader links libxml2),
#   - poppler-utils (the PDF reader runs pdftotext), zlib1g-dev (ZIPFoundation, for .docx),
#   - libsqlite3-dev (GRDB, for --to sqlite, links the system SQLite) and the sqlite3 shell (the tests query
#     databases with it as a user would, and scripts/merge-corpus-db.sh merges shards with it),
#   - chromium (the page tests of `view` and `compare` render the pages in a headless browser; CI fails
#     without it),
#   - python3's jsonschema (the tests validate outputs against the published schema with it).
set -euo pipefail

need_apt=()
dpkg -s libxml2-dev >/dev/null 2>&1 || need_apt+=(libxml2-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need_apt+=(zlib1g-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need_apt+=(libsqlite3-dev)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || command -v google-chrome >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need_apt[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if command -v python3 >/dev/null 2>&1 && ! python3 -c "import jsonschema" >/dev/null 2>&1; then
  echo "bootstrap: installing python3 jsonschema" >&2
  python3 -m pip install --quiet jsonschema || echo "bootstrap: could not install jsonschema; schema validation tests will be skipped outside CI" >&2
fi
