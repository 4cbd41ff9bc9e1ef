-- PostgreSQL 15's NULLS NOT DISTINCT, on a unique constraint (in CREATE TABLE and added later) and
-- on a unique index, next to a plain unique index on the same key.
CREATE TABLE tokens (id bigint PRIMARY KEY, name text NOT NULL, project_id int,
    CONSTRAINT tokens_name_project UNIQUE NULLS NOT DISTINCT (name, project_id));
CREATE UNIQUE INDEX tokens_project ON tokens (project_id) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX tokens_project_plain ON tokens (project_id);
ALTER TABLE tokens ADD CONSTRAINT tokens_id_name UNIQUE NULLS NOT DISTINCT (id, name);
CREATE UNIQUE INDEX tokens_partial ON tokens (name) NULLS NOT DISTINCT WHERE project_id IS NOT NULL;
