CREATE VIEW order_totals AS
SELECT o.id, o.customer_id, sum(i.quantity * p.price) AS total
FROM orders o
JOIN order_items i ON i.order_id = o.id
JOIN products p ON p.id = i.product_id
GROUP BY o.id, o.customer_id;
