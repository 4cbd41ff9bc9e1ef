CREATE TABLE @cdm.person (person_id integer NOT NULL);
CREATE TABLE @cdm.visit (visit_id integer NOT NULL, person_id integer NOT NULL);
CREATE TABLE IF NOT EXISTS @cdm.location (location_id integer NOT NULL);
