ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0, ALTER COLUMN email TYPE varchar(200),
  DROP CONSTRAINT users_email_key, RENAME TO people;
CREATE INDEX CONCURRENTLY IF NOT EXISTS people_age_idx ON people USING btree (age) WHERE age > 0;
