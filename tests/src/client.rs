//! `TestApp`: a running server and an HTTP client that talks to it like an integrator would.
use crate::databases::{fresh, test_settings, Engine};
use crate::{ADMIN_EMAIL, ADMIN_PASSWORD};
use reqwest::{header::HeaderMap, Method};
use serde_json::{json, Value};

pub type Json = Value;

pub struct TestApp {
    pub address: String,
    pub engine: Engine,
    pub client: reqwest::Client,
    pub data_dir: std::path::PathBuf,
    pub database_url: String,
    /// The clock of the server's background work; tests move it to make deadlines pass.
    pub clock: crm::clock::AppClock,
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn etag(&self) -> String {
        self.header("etag").unwrap_or_default().to_owned()
    }

    /// The problem's `code`, asserting the response is a problem document with the given status.
    #[track_caller]
    pub fn problem(&self, status: u16) -> &str {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "not a problem: {}",
            self.body
        );
        assert_eq!(self.body["status"], status);
        for field in ["type", "title", "detail", "code"] {
            assert!(
                self.body[field].is_string(),
                "problem lacks `{field}`: {}",
                self.body
            );
        }
        self.body["code"].as_str().unwrap_or_default()
    }

    #[track_caller]
    pub fn ok(&self, status: u16) -> &Value {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        &self.body
    }
}

impl TestApp {
    pub async fn spawn(engine: Engine) -> TestApp {
        Self::spawn_with(engine, |_| {}).await
    }

    pub async fn spawn_with(
        engine: Engine,
        tweak: impl FnOnce(&mut crm::settings::Settings),
    ) -> TestApp {
        let (url, dir) = fresh(engine)
            .await
            .unwrap_or_else(|e| panic!("fresh {engine:?} database: {e:#}"));
        Self::start(engine, url, dir, tweak).await
    }

    /// Another server on this one's database (as a second instance behind a load balancer would).
    pub async fn spawn_sibling(&self, tweak: impl FnOnce(&mut crm::settings::Settings)) -> TestApp {
        Self::start(
            self.engine,
            self.database_url.clone(),
            self.data_dir.clone(),
            tweak,
        )
        .await
    }

    async fn start(
        engine: Engine,
        url: String,
        dir: std::path::PathBuf,
        tweak: impl FnOnce(&mut crm::settings::Settings),
    ) -> TestApp {
        let mut settings = test_settings(&dir, &url);
        tweak(&mut settings);
        let app = crm::startup::Application::build(settings)
            .await
            .unwrap_or_else(|e| panic!("building the app: {e:#}"));
        let clock = app.clock();
        let address = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        TestApp {
            address,
            engine,
            client,
            data_dir: dir,
            database_url: url,
            clock,
        }
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Response {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.address, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(if text.is_empty() {
            Value::Null
        } else {
            Value::String(text)
        });
        Response {
            status,
            headers,
            body,
        }
    }

    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: &str,
    ) -> Response {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.address, path))
            .header("content-type", content_type)
            .body(body.to_owned());
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        Response {
            status,
            headers,
            body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
        }
    }

    /// `POST` of a multipart form (uploads, imports).
    pub async fn multipart(
        &self,
        path: &str,
        token: &str,
        form: reqwest::multipart::Form,
    ) -> Response {
        let res = self
            .client
            .post(format!("{}{path}", self.address))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let body = res.json().await.unwrap_or_default();
        Response {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.send(Method::GET, path, Some(token), &[], None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Response {
        self.send(Method::POST, path, Some(token), &[], Some(body))
            .await
    }

    pub async fn patch(&self, path: &str, token: &str, etag: &str, body: Value) -> Response {
        self.send(
            Method::PATCH,
            path,
            Some(token),
            &[("if-match", etag)],
            Some(body),
        )
        .await
    }

    pub async fn delete(&self, path: &str, token: &str, etag: &str) -> Response {
        self.send(
            Method::DELETE,
            path,
            Some(token),
            &[("if-match", etag)],
            None,
        )
        .await
    }

    /// A download: its status, `Content-Type`, `Content-Disposition` and bytes.
    pub async fn download(&self, path: &str, token: &str) -> (u16, String, String, Vec<u8>) {
        let res = self
            .client
            .get(format!("{}{path}", self.address))
            .bearer_auth(token)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let header = |name| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let (content_type, disposition) = (header("content-type"), header("content-disposition"));
        let status = res.status().as_u16();
        let bytes = res.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
        (status, content_type, disposition, bytes)
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.send(
            Method::POST,
            "/api/v1/auth/login",
            None,
            &[],
            Some(json!({"email": email, "password": password})),
        )
        .await
    }

    /// An access token, asserting the login works.
    pub async fn token(&self, email: &str, password: &str) -> String {
        let res = self.login(email, password).await;
        res.ok(200)["access_token"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn admin_token(&self) -> String {
        self.token(ADMIN_EMAIL, ADMIN_PASSWORD).await
    }

    /// Creates a user with these roles (as the administrator) and returns (user json, access token).
    pub async fn user_with_roles(&self, email: &str, roles: &[&str]) -> (Value, String) {
        let admin = self.admin_token().await;
        let password = "a-good-password-42";
        let created = self
            .post("/api/v1/users", &admin, json!({"email": email, "name": email.split('@').next().unwrap_or(email), "password": password, "roles": roles}))
            .await;
        let user = created.ok(201).clone();
        let token = self.token(email, password).await;
        (user, token)
    }
}
