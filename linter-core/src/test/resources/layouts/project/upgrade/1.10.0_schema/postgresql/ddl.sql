ALTER TABLE jobs ADD COLUMN done boolean;
