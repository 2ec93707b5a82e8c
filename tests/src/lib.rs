//! Test harness shared by the integration tests and the benchmark: starts the real server on a random
//! port against a fresh database (SQLite file copied from a migrated template, or a PostgreSQL
//! database cloned with `CREATE DATABASE ... TEMPLATE`), and offers typed helpers to act as each role.
mod client;
mod databases;
pub mod smtp;

pub use client::{Json, Response, TestApp};
pub use databases::{fresh, postgres_url, test_settings, Engine};

pub const ADMIN_EMAIL: &str = "admin@example.com";
pub const ADMIN_PASSWORD: &str = "admin-password-123";
