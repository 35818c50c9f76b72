#!/usr/bin/env bash
# Regenerates the man page docs/man/girconv.1 from the command's own help texts, with swift-argument-parser's
# generate-manual plugin (it builds girconv in release mode first). Run it after changing a command or option;
# ConventionsCLITests fails while the committed page lacks one. Install: cp docs/man/girconv.1 /usr/local/share/man/man1/
set -euo pipefail
cd "$(dirname "$0")/.."
swift package generate-manual --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)"
cp .build/plugins/GenerateManual/outputs/girconv/girconv.1 docs/man/girconv.1
echo "wrote docs/man/girconv.1"
