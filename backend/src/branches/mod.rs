//! Branches: a partner's locations, each with its own address and contacts. Routes are mounted
//! inside the `/partners` scope.
pub mod dto;
pub mod entity;
mod handlers;
pub mod service;

pub use handlers::*;
