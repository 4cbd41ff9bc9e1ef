-- +goose Up
-- +goose StatementBegin
CREATE TABLE t (a int);
-- +goose Down
DROP TABLE t;
