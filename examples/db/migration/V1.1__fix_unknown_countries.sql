-- Accounts created before sign-up asked for a country were stored with none.
UPDATE users
SET country = 'US'
WHERE country = NULL;
