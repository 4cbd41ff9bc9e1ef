-- Names Mermaid's grammar would not take as they are.
CREATE SCHEMA audit;

CREATE TABLE audit.events (
    "Event Id"  bigint PRIMARY KEY,
    pk          integer,
    "1st seen"  double precision,
    payload     jsonb,
    "end"       text
);

CREATE TABLE "end" (
    id        bigint PRIMARY KEY,
    event_id  bigint UNIQUE REFERENCES audit.events ("Event Id")
);
