#!/usr/bin/env bash
# Restores a Triangulate hub's store from a FILE made by backup.sh, then verifies its audit log.
# It never overwrites: the database or file must not exist (drop or move the damaged one first).
#   PostgreSQL  TRIANGULATE_HUB_POSTGRES  the hub's URL (names the database and the role owning it)
#               TRIANGULATE_HUB_ADMIN_URL a role that may create databases, on the maintenance
#                                         database: postgres://postgres@HOST:PORT/postgres
#   SQLite      TRIANGULATE_HUB_STORE=/var/lib/triangulate/hub.sqlite
# Start the hub processes after it succeeds. See ops/README.md for what a restore means for the
# nodes (a backup older than the hub's last write makes them stop with an ALARM).
# usage: restore.sh FILE
set -euo pipefail
# The restored store holds the hub's signing key and every share: readable by its owner only.
umask 077

fail() { echo "restore.sh: $*" >&2; exit 2; }
need() { command -v "$1" >/dev/null || fail "$1 is not installed (Debian: apt-get install $2)"; }

[[ $# -eq 1 && $1 != -* ]] || fail "usage: restore.sh FILE (into TRIANGULATE_HUB_POSTGRES or TRIANGULATE_HUB_STORE)"
file=$1
[[ -f $file ]] || fail "there is no backup at $file"
hub=${TRIANGULATE_HUB_BIN:-triangulate-hub}

if [[ -n ${TRIANGULATE_HUB_POSTGRES:-} ]]; then
    need psql postgresql-client
    need pg_restore postgresql-client
    admin=${TRIANGULATE_HUB_ADMIN_URL:?restore.sh: set TRIANGULATE_HUB_ADMIN_URL to a role that may create databases}
    rest=${TRIANGULATE_HUB_POSTGRES#*://}
    owner=${rest%%@*}
    owner=${owner%%:*}
    database=${rest##*/}
    database=${database%%\?*}
    [[ $owner =~ ^[a-z_][a-z0-9_]*$ && $database =~ ^[a-z_][a-z0-9_]*$ ]] \
        || fail "TRIANGULATE_HUB_POSTGRES must read postgres://ROLE:PASSWORD@HOST:PORT/DATABASE (lower-case names)"
    pg_restore --list "$file" >/dev/null || fail "$file is not a backup made by backup.sh"
    exists=$(psql "$admin" --no-password -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'") \
        || fail "cannot reach PostgreSQL through TRIANGULATE_HUB_ADMIN_URL"
    [[ -z $exists ]] || fail "database $database exists: restore.sh never overwrites one. Stop the hub processes, keep or drop it (DROP DATABASE $database WITH (FORCE)), then run this again"
    psql "$admin" --no-password -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $database OWNER $owner"
    # The objects come back owned by the hub's role, with their row-level security and grants.
    if ! pg_restore --no-password --exit-on-error --single-transaction --dbname="${admin%/*}/$database" "$file"; then
        psql "$admin" --no-password -q -c "DROP DATABASE $database"
        fail "pg_restore failed (above); the half-made database was dropped"
    fi
    "$hub" audit verify --postgres "$TRIANGULATE_HUB_POSTGRES" || fail "the restored audit log does not verify (above)"
    echo "restored database $database from $file"
elif [[ -n ${TRIANGULATE_HUB_STORE:-} ]]; then
    need sqlite3 sqlite3
    store=$TRIANGULATE_HUB_STORE
    for existing in "$store" "$store-wal" "$store-shm"; do
        [[ ! -e $existing ]] || fail "$existing exists: restore.sh never overwrites a store. Stop the hub, move it aside, then run this again"
    done
    [[ $(sqlite3 "$file" "PRAGMA integrity_check") == ok ]] || fail "$file fails its integrity check"
    cp "$file" "$store.partial"
    mv "$store.partial" "$store"
    "$hub" audit verify --store "$store" || fail "the restored audit log does not verify (above)"
    echo "restored $store from $file"
else
    fail "set TRIANGULATE_HUB_POSTGRES (with TRIANGULATE_HUB_ADMIN_URL) or TRIANGULATE_HUB_STORE"
fi
