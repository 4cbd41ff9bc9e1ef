-- Meant IS NULL: this deletes nothing.
DELETE FROM users WHERE name = NULL;
