CREATE TYPE mood AS ENUM ('sad', 'ok'); ALTER TYPE mood ADD VALUE 'happy';
CREATE MATERIALIZED VIEW v AS SELECT count(*) FROM users; DROP TABLE users CASCADE; SET lock_timeout = '5s';
