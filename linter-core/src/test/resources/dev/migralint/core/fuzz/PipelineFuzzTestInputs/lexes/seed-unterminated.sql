CREATE TABLE t (a text DEFAULT 'never closed); /* and a comment
