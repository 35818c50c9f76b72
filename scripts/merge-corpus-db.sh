#!/usr/bin/env bash
# Merges corpus databases written by `girconv … --to sqlite -o shard-I.db --shard I/N` runs into one:
#   scripts/merge-corpus-db.sh corpus.db shard-*.db
# The first shard is copied to the output (which must not exist yet); every other shard's reports are added
# with new ids, and their figures, checks and warnings follow them (matched by source path). A report already
# in the output under the same source path is replaced, as a second girconv run would replace it. Shards
# written by girconv versions with another schema_version are refused. Needs the sqlite3 shell.
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 OUTPUT.db SHARD.db..." >&2; exit 64; fi
out=$1; shift
if [ -e "$out" ]; then echo "$0: $out exists; merge into a new file" >&2; exit 73; fi
command -v sqlite3 >/dev/null || { echo "$0: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 69; }

tmp="$out.merging.$$"
trap 'rm -f "$tmp" "$tmp-journal"' EXIT
cp "$1" "$tmp"; shift
version=$(sqlite3 "$tmp" "SELECT version FROM schema_version")
columns() { # the columns of table $1 but $2, prefixed by $3
  sqlite3 "$tmp" "SELECT group_concat('$3' || name, ', ') FROM pragma_table_info('$1') WHERE name <> '$2'"
}
report_columns=$(columns reports id "")
for shard in "$@"; do
  other=$(sqlite3 "$shard" "SELECT version FROM schema_version")
  if [ "$other" != "$version" ]; then
    echo "$0: $shard has schema version $other, the first shard $version: convert both with one girconv" >&2; exit 65
  fi
  statements="PRAGMA foreign_keys = ON; ATTACH '${shard//\'/\'\'}' AS shard; BEGIN;
    DELETE FROM main.reports WHERE source_path IN (SELECT source_path FROM shard.reports);
    INSERT INTO main.reports ($report_columns) SELECT $report_columns FROM shard.reports ORDER BY id;"
  for table in figures checks warnings; do
    statements+="
    INSERT INTO main.$table (report_id, $(columns $table report_id ""))
      SELECT r.id, $(columns $table report_id "t.") FROM shard.$table t
      JOIN shard.reports s ON t.report_id = s.id JOIN main.reports r ON r.source_path = s.source_path
      ORDER BY t.rowid;"
  done
  # figures is WITHOUT ROWID: keep its primary-key order instead.
  statements=${statements//"FROM shard.figures t
      JOIN shard.reports s ON t.report_id = s.id JOIN main.reports r ON r.source_path = s.source_path
      ORDER BY t.rowid"/"FROM shard.figures t
      JOIN shard.reports s ON t.report_id = s.id JOIN main.reports r ON r.source_path = s.source_path
      ORDER BY t.report_id, t.path"}
  sqlite3 -bail "$tmp" "$statements COMMIT; DETACH shard;"
done
mv "$tmp" "$out"
trap - EXIT
echo "merged $(( $# + 1 )) databases into $out: $(sqlite3 "$out" "SELECT count(*) FROM reports") reports" >&2
