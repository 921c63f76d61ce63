#!/usr/bin/env bash
# Backs up a Triangulate hub's store to a new FILE while the hub runs, and checks that the copy
# reads back. The store is named as for the hub (hub.env):
#   PostgreSQL  TRIANGULATE_HUB_BACKUP_URL=postgres://triangulate_backup:…@HOST:PORT/triangulate
#               (the backup role of postgres-setup.sql, which row-level security lets read every row)
#   SQLite      TRIANGULATE_HUB_STORE=/var/lib/triangulate/hub.sqlite
# usage: backup.sh FILE
set -euo pipefail
# The backup holds the hub's signing key and every share: readable by its owner only.
umask 077

fail() { echo "backup.sh: $*" >&2; exit 2; }
need() { command -v "$1" >/dev/null || fail "$1 is not installed (Debian: apt-get install $2)"; }

[[ $# -eq 1 && $1 != -* ]] || fail "usage: backup.sh FILE (the store from TRIANGULATE_HUB_BACKUP_URL or TRIANGULATE_HUB_STORE)"
file=$1
[[ ! -e $file ]] || fail "$file exists: back up to a new file, so that no backup is ever overwritten"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

if [[ -n ${TRIANGULATE_HUB_BACKUP_URL:-} ]]; then
    need pg_dump postgresql-client
    # One consistent snapshot of the database, taken without stopping the hub processes.
    pg_dump --format=custom --no-password --file="$partial" "$TRIANGULATE_HUB_BACKUP_URL" \
        || fail "pg_dump failed (above): check TRIANGULATE_HUB_BACKUP_URL names the backup role of postgres-setup.sql"
    contents=$(pg_restore --list "$partial") || fail "the dump does not read back (above)"
    [[ $contents == *"TABLE DATA public audit_entry "* ]] \
        || fail "the dump has no audit log: is TRIANGULATE_HUB_BACKUP_URL the hub's database?"
    kind=PostgreSQL
elif [[ -n ${TRIANGULATE_HUB_STORE:-} ]]; then
    need sqlite3 sqlite3
    [[ -f $TRIANGULATE_HUB_STORE ]] || fail "there is no hub store at $TRIANGULATE_HUB_STORE"
    # SQLite's online backup: consistent even while the hub writes.
    sqlite3 "$TRIANGULATE_HUB_STORE" ".backup '${partial//\'/\'\'}'" || fail "sqlite3 could not back up $TRIANGULATE_HUB_STORE"
    [[ $(sqlite3 "$partial" "PRAGMA integrity_check") == ok ]] || fail "the copy of $TRIANGULATE_HUB_STORE fails its integrity check"
    kind=SQLite
else
    fail "set TRIANGULATE_HUB_BACKUP_URL (PostgreSQL) or TRIANGULATE_HUB_STORE (SQLite)"
fi

mv "$partial" "$file"
echo "backed up the $kind hub store to $file ($(wc -c <"$file") bytes)"
