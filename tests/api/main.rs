//! The one integration-test binary. Every test runs against the real server over HTTP, once on
//! SQLite and once on PostgreSQL (`CRM_TEST_POSTGRES_URL`; required when `CI` is set).
mod helpers;

mod access;
mod activities;
mod api_keys;
mod assignment;
mod attachments;
mod auth;
mod background;
mod custom_fields;
mod deals;
mod exports;
mod history;
mod imports;
mod leads;
mod lists;
mod mailings;
mod messages;
mod openapi;
mod partners;
mod persons;
mod problems;
mod roles;
mod saved_views;
mod teams;
mod users;
