//! Opaque secrets (refresh tokens, API keys): random, shown once, stored only as a SHA-256 hash.
//! They are 256-bit random values, so a fast hash is enough; passwords use argon2 instead.
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const API_KEY_PREFIX: &str = "crm_";

pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

pub fn sha256_hex(secret: &str) -> String {
    super::jwt::hex(&Sha256::digest(secret.as_bytes()))
}

/// A new API key: `crm_<12-char lookup prefix>_<secret>`; returns (full key, prefix).
pub fn new_api_key() -> (String, String) {
    let prefix: String = random_token(9);
    let key = format!("{API_KEY_PREFIX}{prefix}_{}", random_token(32));
    (key, prefix)
}

/// The lookup prefix of something that looks like one of our API keys.
pub fn api_key_prefix(token: &str) -> Option<&str> {
    let rest = token.strip_prefix(API_KEY_PREFIX)?;
    let (prefix, secret) = rest.split_at_checked(12)?;
    secret.starts_with('_').then_some(prefix)
}

pub fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}
