CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RETURN NEW; END $body$;
DO $$ BEGIN RAISE NOTICE 'x'; END $$;
\connect other
