-- The shop's customers; an order's status is an enum.
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       character varying(255) NOT NULL,
    name        text NOT NULL,
    created_at  timestamp with time zone NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX customers_email_idx ON customers (email);
