#!/usr/bin/env bash
# Restores a folder written by backup.sh. Stop the portal first; start it again afterwards (it applies any
# newer migrations at start-up).
#   bash tools/scripts/restore.sh BACKUP_DIR DATA_DIR                 SQLite: DATA_DIR must have no database yet
#   bash tools/scripts/restore.sh BACKUP_DIR DATA_DIR                 PostgreSQL: into the database named by PG* variables
#                                                                     or COPPORTAL_PG_URI; it must be empty (createdb first)
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 BACKUP_DIR DATA_DIR" >&2; exit 2; }
backup="$1" data="$2"
provider="$(cat "$backup/provider")"
mkdir -p "$data"
case "$provider" in
  sqlite)
    # Never over a database: a restore is into a fresh (or emptied) data directory.
    if [[ -e "$data/copportal.db" ]]; then
      echo "$data/copportal.db exists; move it away first (restore never overwrites a database)" >&2
      exit 1
    fi
    cp "$backup/copportal.db" "$data/copportal.db"
    ;;
  postgres)
    pg_restore --no-owner --exit-on-error --dbname="${COPPORTAL_PG_URI:-${PGDATABASE:-copportal}}" "$backup/copportal.dump"
    ;;
  *) echo "unknown provider '$provider' in $backup/provider" >&2; exit 1 ;;
esac
tar -C "$data" -xzf "$backup/files.tar.gz"
echo "restored $provider backup $backup into $data"
