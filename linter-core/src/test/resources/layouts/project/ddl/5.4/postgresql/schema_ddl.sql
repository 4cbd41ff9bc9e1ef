-- version 5.4 of the same schema, created again from nothing
CREATE TABLE @cdm.person (person_id integer NOT NULL, birth date);
CREATE TABLE @cdm.visit (visit_id integer NOT NULL, person_id integer NOT NULL, admitted_from integer);
CREATE TABLE @cdm.note (note_id integer NOT NULL);
