-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_id_idx ON users (id);

-- +goose Down
DROP INDEX CONCURRENTLY users_id_idx;
