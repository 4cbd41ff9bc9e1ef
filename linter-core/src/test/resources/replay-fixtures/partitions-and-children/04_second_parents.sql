-- A child of two parents: column changes on the second parent reach it too. A column both parents
-- have is merged into one, and stays while one parent still has it.
CREATE TABLE pet (id bigint, owner text, chip text);
CREATE TABLE house_dog (indoor boolean) INHERITS (dog, pet);
ALTER TABLE pet ADD COLUMN vaccinated date;
ALTER TABLE pet RENAME COLUMN owner TO owner_name;
ALTER TABLE pet ALTER COLUMN chip TYPE varchar(32);
CREATE INDEX house_dog_chip ON house_dog (chip);
ALTER TABLE pet DROP COLUMN chip;
ALTER TABLE pet DROP COLUMN id;
