CREATE INDEX idx_visit_person ON @cdm.visit (person_id);
CREATE INDEX idx_location ON @cdm.location (location_id);
