#!/usr/bin/env bash
# Makes a release: scripts/release.sh X.Y.Z [--no-man]
# Writes the version into Sources/girconv/Version.swift (what `girconv --version` prints), regenerates the man
# page (unless --no-man), commits "Release X.Y.Z" and tags it vX.Y.Z. Run it on a clean working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-}
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "usage: $0 X.Y.Z [--no-man]   (semantic version, e.g. 0.2.0 or 1.0.0-rc.1)" >&2; exit 64
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "$0: the working tree has changes; commit or stash them first" >&2; exit 65
fi
if git rev-parse -q --verify "refs/tags/v$version" >/dev/null; then
  echo "$0: tag v$version exists" >&2; exit 65
fi
sed -i.bak -E "s/(static let current = )\"[^\"]*\"/\1\"$version\"/" Sources/girconv/Version.swift
rm -f Sources/girconv/Version.swift.bak
grep -q "static let current = \"$version\"" Sources/girconv/Version.swift
git add Sources/girconv/Version.swift
if [ "${2:-}" != "--no-man" ]; then scripts/generate-man.sh && git add docs/man/girconv.1; fi
git commit -q -m "Release $version"
git tag -a "v$version" -m "girconv $version"
echo "tagged v$version; push with: git push && git push origin v$version"
