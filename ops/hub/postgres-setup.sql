-- PostgreSQL for Triangulate hub processes. Run as a superuser: psql -f postgres-setup.sql
-- The hub creates its own tables on first start (append-only migrations under an advisory lock).
CREATE ROLE triangulate_hub LOGIN PASSWORD 'CHANGE-ME';
CREATE DATABASE triangulate OWNER triangulate_hub;
\connect triangulate
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO triangulate_hub;
-- Not yet: row-level security by organisation (issue 6). Until then the hub's own checks are
-- the only tenant isolation in the database; give no other role access to it.
