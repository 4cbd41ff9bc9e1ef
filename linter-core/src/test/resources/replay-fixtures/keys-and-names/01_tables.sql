-- Generated names for every kind of key, redundant keys, inline and table constraints.
CREATE TABLE orgs (id serial PRIMARY KEY, code text UNIQUE NOT NULL, name varchar(100));
CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY UNIQUE,
    org_id int REFERENCES orgs ON DELETE CASCADE,
    org_code text REFERENCES orgs (code) ON UPDATE CASCADE,
    email varchar(255) NOT NULL,
    age smallint CHECK (age > 0),
    score numeric(10, 2) DEFAULT 0,
    created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
    flags boolean[],
    UNIQUE (org_id, email),
    UNIQUE (org_id, email),
    CHECK (age < 200 AND score >= 0),
    CHECK (score < 1000000)
);
CREATE TABLE a_table_with_a_rather_long_name_for_testing_purposes (
    some_quite_long_column_name int UNIQUE,
    another_long_column_name_to_push_the_limit int,
    UNIQUE (some_quite_long_column_name, another_long_column_name_to_push_the_limit)
);
CREATE TABLE memberships (user_id bigint, org_id int, role text DEFAULT 'member',
    PRIMARY KEY (user_id, org_id),
    FOREIGN KEY (user_id) REFERENCES users,
    CONSTRAINT memberships_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL);
