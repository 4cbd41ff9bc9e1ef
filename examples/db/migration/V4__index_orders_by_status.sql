-- The fulfilment queue reads pending orders.
BEGIN;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status) WHERE status = 'pending';
COMMIT;
