-- Not linted: the migrations parameter replaces the default folders.
DELETE FROM users WHERE name = NULL;
