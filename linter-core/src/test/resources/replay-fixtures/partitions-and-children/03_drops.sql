-- DROP COLUMN on a parent drops the column from its partitions, with their indexes on it, and from
-- the children that only inherit it; a child that defines the column itself keeps it, and ONLY
-- leaves every child its column. An attached partition's columns count as inherited.
CREATE TABLE payment_2023 (id bigint NOT NULL, paid_on date NOT NULL, total numeric(12,2), note text);
ALTER TABLE payment ATTACH PARTITION payment_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE INDEX payment_2024_note ON payment_2024 (note);
ALTER TABLE payment DROP COLUMN note;
ALTER TABLE animal DROP COLUMN label;
ALTER TABLE ONLY animal DROP COLUMN born_on;
