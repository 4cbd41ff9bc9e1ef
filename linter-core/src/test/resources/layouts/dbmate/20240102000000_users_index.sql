-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY users_id_idx ON users (id);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_id_idx;
