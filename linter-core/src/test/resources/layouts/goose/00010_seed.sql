-- +goose Up
INSERT INTO users (id) VALUES (1);
