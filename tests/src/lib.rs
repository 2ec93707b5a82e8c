//! Test harness shared by the integration tests and the benchmark: starts the real server on a random
//! port against a fresh database (SQLite file copied from a migrated template, or a PostgreSQL
//! database cloned with `CREATE DATABASE ... TEMPLATE`), and offers typed helpers to act as each role.
mod client;
mod databases;
pub mod persons;
pub mod smtp;

pub use client::{Json, Response, TestApp};
pub use databases::{fresh, postgres_url, test_settings, Engine};

pub const ADMIN_EMAIL: &str = "admin@example.com";
pub const ADMIN_PASSWORD: &str = "admin-password-123";

/// A valid Croatian tax id (OIB: ten digits and an ISO 7064 MOD 11,10 check digit) from `seed`,
/// for imports whose every tax id is checked.
pub fn oib(seed: u64) -> String {
    let digits = format!("{:010}", seed % 10_000_000_000);
    let mut a = 10u32;
    for d in digits.chars().filter_map(|c| c.to_digit(10)) {
        a = (a + d) % 10;
        if a == 0 {
            a = 10;
        }
        a = (a * 2) % 11;
    }
    format!("{digits}{}", (11 - a) % 10)
}
