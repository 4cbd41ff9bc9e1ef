--liquibase formatted sql
--changeset it:1
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL
);
