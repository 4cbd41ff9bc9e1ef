-- DROP COLUMN on a parent drops the column from its partitions, with their indexes on it, and from
-- the children that only inherit it; a child that defines the column itself keeps it, and ONLY
-- leaves every child its column.
CREATE INDEX payment_2024_note ON payment_2024 (note);
ALTER TABLE payment DROP COLUMN note;
ALTER TABLE animal DROP COLUMN label;
ALTER TABLE ONLY animal DROP COLUMN born_on;
