-- A partitioned table and an inheritance tree: column changes on the parent reach every child.
CREATE TABLE payment (id bigint NOT NULL, paid_on date NOT NULL, amount numeric) PARTITION BY RANGE (paid_on);
CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE payment_2025 PARTITION OF payment FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')
    PARTITION BY RANGE (paid_on);
CREATE TABLE payment_2025_h1 PARTITION OF payment_2025 FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');

CREATE TABLE animal (id bigint NOT NULL, name text);
CREATE TABLE dog (good boolean) INHERITS (animal);
CREATE TABLE puppy () INHERITS (dog);
CREATE TABLE cat (name text, lives int) INHERITS (animal);
