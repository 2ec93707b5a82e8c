//! Access tokens: HS256 JWTs with the algorithm pinned and `iss`, `aud`, `exp` checked. A token names
//! its login session (`sid`), so logging out or a detected refresh-token reuse ends it at once.
use crate::settings::Settings;
use anyhow::Context;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};

const AUDIENCE: &str = "crm-api";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub sid: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    pub ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(secret: &[u8], issuer: &str, ttl_secs: i64) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            issuer: issuer.to_owned(),
            ttl_secs,
        }
    }

    /// Uses `CRM_JWT_SECRET`, or a secret generated once and kept in the data directory.
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let secret = match &settings.jwt_secret {
            Some(s) if !s.expose_secret().is_empty() => s.expose_secret().as_bytes().to_vec(),
            _ => stored_secret(&settings.data_dir)?,
        };
        if secret.len() < 32 {
            anyhow::bail!("CRM_JWT_SECRET must be at least 32 bytes");
        }
        Ok(Self::new(
            &secret,
            &settings.jwt_issuer,
            settings.access_token_ttl_secs,
        ))
    }

    pub fn issue(&self, user_id: &str, session_id: &str) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_owned(),
            sid: session_id.to_owned(),
            iss: self.issuer.clone(),
            aud: AUDIENCE.to_owned(),
            iat: now,
            exp: now + self.ttl_secs,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).context("signing a token")
    }

    pub fn verify(&self, token: &str) -> Option<Claims> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|d| d.claims)
    }
}

fn stored_secret(data_dir: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    let path = data_dir.join("jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return Ok(existing.trim().as_bytes().to_vec());
    }
    tracing::warn!(path = %path.display(), "CRM_JWT_SECRET is not set; generated a secret and kept it in the data directory");
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let mut bytes = [0u8; 48];
    rand::thread_rng().fill_bytes(&mut bytes);
    let secret = hex(&bytes);
    write_private(&path, &secret)?;
    Ok(secret.into_bytes())
}

fn write_private(path: &std::path::Path, contents: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    file.write_all(contents.as_bytes())?;
    Ok(())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The claims of an unsubscribe link: whose consent, and which consent (its timestamp), so a link
/// stops working once used or once consent is given anew.
#[derive(Debug, Serialize, Deserialize)]
struct UnsubscribeClaims {
    sub: String,
    aud: String,
    iss: String,
    /// Microseconds of the consent the link withdraws.
    c: i64,
}

const UNSUBSCRIBE: &str = "unsubscribe";

impl JwtKeys {
    /// A signed, non-expiring token for the unsubscribe link of `person_id`'s consent `stamp`.
    pub fn sign_unsubscribe(&self, person_id: &str, stamp: i64) -> anyhow::Result<String> {
        let claims = UnsubscribeClaims {
            sub: person_id.to_owned(),
            aud: UNSUBSCRIBE.into(),
            iss: self.issuer.clone(),
            c: stamp,
        };
        Ok(jsonwebtoken::encode(
            &jsonwebtoken::Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The person and consent stamp of a genuine unsubscribe token.
    pub fn verify_unsubscribe(&self, token: &str) -> Option<(String, i64)> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[UNSUBSCRIBE]);
        validation.set_required_spec_claims(&["iss", "aud", "sub"]);
        validation.validate_exp = false;
        jsonwebtoken::decode::<UnsubscribeClaims>(token, &self.decoding, &validation)
            .ok()
            .map(|d| (d.claims.sub, d.claims.c))
    }
}
