#!/usr/bin/env bash
# Backs up a CopPortal deployment while it runs, into one new folder:
#   bash tools/scripts/backup.sh sqlite   DATA_DIR OUT_DIR
#   bash tools/scripts/backup.sh postgres DATA_DIR OUT_DIR      (connection from PG* variables or COPPORTAL_PG_URI)
# SQLite: an online copy with sqlite3's .backup (a consistent snapshot that includes what is still in the
# WAL file; copying copportal.db alone missed it and gave "no such table"). PostgreSQL: pg_dump -Fc.
# Either way the rest of the data directory (uploaded files, mail pickup folder, key files of older versions)
# goes into files.tar.gz. The data-protection keys are in the database, so a restore keeps people signed in;
# when DataProtection:CertificatePath is set, back up that certificate separately (it is not in DATA_DIR).
set -euo pipefail
usage() { echo "usage: $0 sqlite|postgres DATA_DIR OUT_DIR" >&2; exit 2; }
[[ $# -eq 3 ]] || usage
provider="$1" data="$2" out="$3"
[[ -d "$data" ]] || { echo "no data directory at $data" >&2; exit 1; }
target="$out/copportal-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
chmod 700 "$target"

case "$provider" in
  sqlite)
    [[ -f "$data/copportal.db" ]] || { echo "no $data/copportal.db" >&2; exit 1; }
    # .backup takes a read transaction and copies page by page: the portal keeps running meanwhile.
    sqlite3 "$data/copportal.db" ".timeout 30000" ".backup '$target/copportal.db'"
    [[ "$(sqlite3 "$target/copportal.db" 'PRAGMA integrity_check;')" == "ok" ]] || { echo "backup failed its integrity check" >&2; exit 1; }
    ;;
  postgres)
    pg_dump --format=custom --no-owner --file="$target/copportal.dump" ${COPPORTAL_PG_URI:+"--dbname=$COPPORTAL_PG_URI"}
    ;;
  *) usage ;;
esac

# Everything else in the data directory, without the live database files.
tar -C "$data" --exclude='./copportal.db' --exclude='./copportal.db-wal' --exclude='./copportal.db-shm' -czf "$target/files.tar.gz" .
echo "$provider" > "$target/provider"
echo "$target"
