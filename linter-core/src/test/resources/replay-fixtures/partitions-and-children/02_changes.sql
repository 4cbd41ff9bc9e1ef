ALTER TABLE payment ADD COLUMN note text;
ALTER TABLE payment RENAME COLUMN amount TO total;
ALTER TABLE payment ALTER COLUMN total TYPE numeric(12,2);

ALTER TABLE animal ADD COLUMN born date;
ALTER TABLE animal RENAME COLUMN born TO born_on;
ALTER TABLE animal ALTER COLUMN born_on TYPE timestamp;
-- cat defines name itself too: PostgreSQL merged the two, and the rename reaches it all the same
ALTER TABLE animal RENAME COLUMN name TO label;
