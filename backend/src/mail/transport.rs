//! Where mail goes: an SMTP server (`CRM_SMTP_URL`: `smtp://host:port` plain, `?tls=required` for
//! STARTTLS, `smtps://` for TLS; pooled connections), or, with no server configured, `.eml` files
//! under `<data dir>/mail` so a fresh install works and shows what it would have sent.
use crate::settings::Settings;
use anyhow::Context;
use lettre::transport::smtp::{Error as SmtpError, PoolConfig};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, std::path::PathBuf),
}

/// Why a message was not sent: worth retrying (server busy, connection refused) or not (mailbox
/// does not exist, message refused).
pub enum SendError {
    Transient(String),
    Permanent(String),
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        if settings.smtp_url.trim().is_empty() {
            let dir = settings.data_dir.join("mail");
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            return Ok(Self::Files(AsyncFileTransport::new(&dir), dir));
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
            .context("CRM_SMTP_URL is not a valid smtp:// or smtps:// URL")?
            .timeout(Some(std::time::Duration::from_secs(30)))
            // Room for two connections per mail the sender keeps on the wire. lettre hands a
            // connection back to its pool in a task of its own, after the send has returned, so
            // the next send often finds the pool empty and opens another; with room for only one
            // per mail, the one handed back late was then closed: 730 new connections (each a TCP
            // handshake, EHLO, maybe TLS and AUTH, then QUIT) per 10,000 mails. With room for
            // both, the pool settles after the first few and keeps them open.
            .pool_config(PoolConfig::new().max_size(2 * settings.worker_concurrency.max(1) as u32))
            .build();
        Ok(Self::Smtp(transport))
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Self::Smtp(t) => t.send(message).await.map(|_| ()).map_err(classify),
            Self::Files(t, _) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError::Transient(e.to_string())),
        }
    }
}

fn classify(e: SmtpError) -> SendError {
    if e.is_permanent() {
        SendError::Permanent(e.to_string())
    } else {
        SendError::Transient(e.to_string())
    }
}
