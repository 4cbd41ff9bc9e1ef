ALTER TABLE @cdm.person ADD CONSTRAINT xpk_person PRIMARY KEY (person_id);
ALTER TABLE @cdm.visit ADD CONSTRAINT xpk_visit PRIMARY KEY (visit_id);
