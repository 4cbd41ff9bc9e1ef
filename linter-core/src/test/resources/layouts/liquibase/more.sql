--liquibase formatted sql

--changeset dave:7
ALTER TABLE users ADD COLUMN name text;
