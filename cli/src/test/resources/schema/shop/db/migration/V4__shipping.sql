-- At most one shipment per order.
CREATE TABLE shipments (
    order_id     bigint PRIMARY KEY REFERENCES orders (id),
    carrier      text NOT NULL,
    tracking_no  text
);

-- Customers may be referred by another customer.
ALTER TABLE customers ADD COLUMN referred_by bigint REFERENCES customers (id);

CREATE INDEX orders_pending_idx ON orders USING btree (placed_at DESC) WHERE status = 'pending';
CREATE INDEX customers_lower_email_idx ON customers (lower(email));
