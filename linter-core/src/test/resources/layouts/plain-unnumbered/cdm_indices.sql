CREATE INDEX idx_visit_person ON @cdm.visit (person_id);
