UPDATE users SET email = lower(email) WHERE id IN (SELECT id FROM users u JOIN orgs o ON o.id = u.org_id);
DELETE FROM users; INSERT INTO users (email) VALUES ($1), (:name), (?);
