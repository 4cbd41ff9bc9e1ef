--liquibase formatted sql

--changeset alice:1
--comment: users table
CREATE TABLE users (id bigint PRIMARY KEY);
--rollback DROP TABLE users;

--changeset alice:2 runInTransaction:false
CREATE INDEX CONCURRENTLY users_id_idx ON users (id);
--rollback DROP INDEX CONCURRENTLY
--rollback   users_id_idx;

--changeset bob:3 endDelimiter:/
CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1; '
/
CREATE FUNCTION two() RETURNS int LANGUAGE sql AS 'SELECT 2; '
/
/* liquibase rollback
DROP FUNCTION two();
DROP FUNCTION one();
*/

--changeset bob:4 splitStatements:false
INSERT INTO users (id) VALUES (1);
INSERT INTO users (id) VALUES (2);

--changeset carol:5 dbms:mysql
CREATE TABLE only_mysql (id int) ENGINE=InnoDB;

--changeset carol:6
ALTER TABLE users ADD COLUMN email text;
--rollback not required
