-- named to sort first; it needs location, which only IF NOT EXISTS creates
COMMENT ON TABLE @cdm.location IS 'where care was given';
