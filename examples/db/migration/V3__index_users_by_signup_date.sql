-- The admin dashboard lists recent sign-ups.
CREATE INDEX users_created_at_idx ON users (created_at);
