ALTER TABLE @cdm.visit ADD CONSTRAINT fpk_visit_person FOREIGN KEY (person_id) REFERENCES @cdm.person (person_id);
