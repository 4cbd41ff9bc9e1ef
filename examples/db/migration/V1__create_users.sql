-- Accounts of the shop's customers.
CREATE TABLE users (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text NOT NULL UNIQUE,
    display_name text NOT NULL,
    country      char(2) NOT NULL DEFAULT 'US',
    created_at   timestamp NOT NULL DEFAULT now()
);
