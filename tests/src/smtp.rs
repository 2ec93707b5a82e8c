//! A real SMTP server for tests and the benchmark, speaking the protocol over TCP inside this
//! process: it keeps every message it accepts, and can refuse like real servers do (a temporary
//! 451 for the next N messages, a permanent 550 for recipients at `bounce.test`).
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body), dot-stuffing undone.
    pub data: String,
}

impl Received {
    /// The value of header `name` (first occurrence, unfolded).
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_lowercase());
        for line in self.data.split("\r\n") {
            if line.is_empty() {
                return None;
            }
            if line.to_lowercase().starts_with(&prefix) {
                return Some(line[prefix.len()..].trim().to_owned());
            }
        }
        None
    }
}

#[derive(Clone, Default)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    refuse_next: Arc<AtomicU32>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("smtp sink: {e}"));
        let sink = SmtpSink {
            port: listener.local_addr().map(|a| a.port()).unwrap_or_default(),
            ..Default::default()
        };
        let shared = sink.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let s = shared.clone();
                tokio::spawn(async move {
                    let _ = s.session(socket).await;
                });
            }
        });
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// How many messages it accepted, without copying them (the benchmark polls this).
    pub fn count(&self) -> usize {
        self.received.lock().map(|r| r.len()).unwrap_or_default()
    }

    /// Answers the next `n` messages with a temporary failure.
    pub fn refuse_next(&self, n: u32) {
        self.refuse_next.store(n, Ordering::SeqCst);
    }

    async fn session(&self, socket: tokio::net::TcpStream) -> std::io::Result<()> {
        // Replies are small writes: without this, Nagle's algorithm holds each one back.
        socket.set_nodelay(true)?;
        // A second handle on the socket, to set options after it is split.
        let control =
            socket2::Socket::from(std::os::fd::AsFd::as_fd(&socket).try_clone_to_owned()?);
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 sink.test ESMTP\r\n").await?;
        let mut from = String::new();
        let mut to = Vec::new();
        // Clients write the message and its final dot separately; with Nagle's algorithm on their
        // side, the dot waits for our ACK, which Linux delays ~40 ms unless asked not to (each time).
        let quick_ack = || {
            let _ = control.set_tcp_quickack(true);
        };
        quick_ack();
        while let Some(line) = lines.next_line().await? {
            quick_ack();
            let upper = line.to_uppercase();
            let reply: &[u8] = if upper.starts_with("EHLO") {
                b"250-sink.test\r\n250 8BITMIME\r\n"
            } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
                b"250 ok\r\n"
            } else if upper.starts_with("RSET") {
                (from, to) = (String::new(), Vec::new());
                b"250 ok\r\n"
            } else if upper.starts_with("MAIL FROM:") {
                let refused = self
                    .refuse_next
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                if refused {
                    b"451 4.3.0 try again later\r\n"
                } else {
                    from = address(&line[10..]);
                    b"250 ok\r\n"
                }
            } else if upper.starts_with("RCPT TO:") {
                let rcpt = address(&line[8..]);
                if rcpt.ends_with("@bounce.test") {
                    b"550 5.1.1 no such mailbox\r\n"
                } else {
                    to.push(rcpt);
                    b"250 ok\r\n"
                }
            } else if upper.starts_with("DATA") {
                write.write_all(b"354 go ahead\r\n").await?;
                let mut data = String::new();
                while let Some(l) = lines.next_line().await? {
                    quick_ack();
                    if l == "." {
                        break;
                    }
                    data.push_str(l.strip_prefix('.').unwrap_or(&l));
                    data.push_str("\r\n");
                }
                if let Ok(mut r) = self.received.lock() {
                    r.push(Received {
                        from: std::mem::take(&mut from),
                        to: std::mem::take(&mut to),
                        data,
                    });
                }
                b"250 2.0.0 queued\r\n"
            } else if upper.starts_with("QUIT") {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else {
                b"502 5.5.2 not implemented\r\n"
            };
            write.write_all(reply).await?;
        }
        Ok(())
    }
}

fn address(s: &str) -> String {
    s.trim()
        .trim_start_matches('<')
        .split('>')
        .next()
        .unwrap_or_default()
        .to_lowercase()
}
