-- PostgreSQL for Triangulate hub processes. Run once, as a superuser:
--
--   psql -v hub_password='…' -v backup_password='…' -f ops/hub/postgres-setup.sql
--
-- (optionally -v database=… -v hub_role=… -v backup_role=…; the defaults are triangulate,
-- triangulate_hub and triangulate_backup). It makes:
--   * the hub's role: an ordinary login role, which row-level security binds. The hub creates
--     its tables on first start (append-only migrations under an advisory lock) and refuses to
--     run as a superuser or BYPASSRLS role, through which tenant isolation would not hold.
--   * the backup role: read-only, and BYPASSRLS so that pg_dump reads every organisation's rows
--     (ops/hub/backup.sh). Keep its password with the backups, not on the hub machines.
--   * the database, owned by the hub's role.
--
-- Row-level security itself is part of the hub's schema (migration v2-row-level-security): each
-- transaction says whom it acts for, and a connection that says nothing — a psql session as
-- the hub's role, a reporting tool — sees no organisation's rows.
\set ON_ERROR_STOP on
\if :{?database}
\else
  \set database triangulate
\endif
\if :{?hub_role}
\else
  \set hub_role triangulate_hub
\endif
\if :{?backup_role}
\else
  \set backup_role triangulate_backup
\endif
\if :{?hub_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-setup.sql needs the roles'' passwords: psql -v hub_password=… -v backup_password=… -f postgres-setup.sql'; END $$;
\endif
\if :{?backup_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'postgres-setup.sql needs the roles'' passwords: psql -v hub_password=… -v backup_password=… -f postgres-setup.sql'; END $$;
\endif

CREATE ROLE :"hub_role" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'hub_password';
CREATE ROLE :"backup_role" LOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'backup_password';
CREATE DATABASE :"database" OWNER :"hub_role";

\connect :"database"
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO :"hub_role";
GRANT USAGE ON SCHEMA public TO :"backup_role";
-- The tables do not exist yet: the hub creates them. Whatever it creates, the backup role may read.
ALTER DEFAULT PRIVILEGES FOR ROLE :"hub_role" IN SCHEMA public GRANT SELECT ON TABLES TO :"backup_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"hub_role" IN SCHEMA public GRANT SELECT ON SEQUENCES TO :"backup_role";
