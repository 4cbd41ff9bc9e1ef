ALTER TABLE jobs ADD COLUMN name text;
