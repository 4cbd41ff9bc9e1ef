CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE, legacy int, note text);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent, parent_code text REFERENCES parent (code),
    qty int CHECK (qty > 0), extra int, CHECK (qty < extra));
CREATE INDEX child_parent_idx ON child (parent_id) WHERE qty > 0;
CREATE INDEX child_expr_idx ON child (lower(parent_code));
CREATE INDEX child_extra_idx ON child (extra, qty);
CREATE VIEW child_view AS SELECT c.id, p.code FROM child c JOIN parent p ON p.id = c.parent_id;
