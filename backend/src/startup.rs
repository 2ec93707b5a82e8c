//! Building and running the application: connect, migrate, bootstrap, bind, serve.
use crate::api::extract;
use crate::auth::jwt::JwtKeys;
use crate::db::Db;
use crate::settings::Settings;
use crate::state::AppState;
use crate::{
    activities, alarms, announcements, api_keys, assignment, attachments, auth, custom_fields,
    health, history, jobs, leads, lists, mail, messages, meta, notifications, openapi, partners,
    persons, reports, roles, saved_views, seed, spa, teams, telemetry, templates, territories,
    users,
};
use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress, Condition};
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use std::net::TcpListener;
use tracing_actix_web::TracingLogger;
use utoipa_swagger_ui::SwaggerUi;

pub struct Application {
    port: u16,
    server: Server,
    shutdown_after_secs: u64,
    clock: crate::clock::AppClock,
}

impl Application {
    /// Binds the listener (with port 0 the OS picks a free port; tests do this), builds the state
    /// and starts the worker unless `CRM_WORKER=false`.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("binding {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let shutdown_after_secs = settings.shutdown_after_secs;
        let state = build_state(settings).await?;
        let clock = state.clock.clone();
        if state.settings.worker {
            jobs::worker::spawn(state.clone());
        }
        let server = run(listener, state)?;
        Ok(Self {
            port,
            server,
            shutdown_after_secs,
            clock,
        })
    }

    /// The clock the background work reads (tests move it forward).
    pub fn clock(&self) -> crate::clock::AppClock {
        self.clock.clone()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until stopped by a signal, or after `CRM_SHUTDOWN_AFTER_SECS` when set.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        if self.shutdown_after_secs > 0 {
            let handle = self.server.handle();
            let secs = self.shutdown_after_secs;
            tokio::spawn(async move {
                tokio::time::sleep(std::time::Duration::from_secs(secs)).await;
                tracing::info!(secs, "CRM_SHUTDOWN_AFTER_SECS reached; stopping");
                handle.stop(true).await;
            });
        }
        self.server.await
    }
}

/// Connects, migrates (unless turned off), creates the bootstrap administrator and sets up what
/// handlers and the worker share.
pub async fn build_state(settings: Settings) -> anyhow::Result<web::Data<AppState>> {
    let db = Db::connect(&settings).await?;
    if settings.run_migrations {
        db.migrate().await?;
    }
    seed::bootstrap_admin(&db, &settings).await?;
    if settings.seed_demo {
        seed::demo_if_empty(&db, &settings).await?;
    }
    let jwt = JwtKeys::from_settings(&settings)?;
    auth::principals::listen(&db);
    let store = std::sync::Arc::new(attachments::storage::LocalStore::new(&settings.data_dir));
    let mailer = mail::transport::Mailer::from_settings(&settings)?;
    Ok(web::Data::new(AppState {
        db,
        settings,
        jwt,
        store,
        clock: crate::clock::AppClock::default(),
        mailer,
        hub: notifications::Hub::default(),
    }))
}

fn cors(origins: &str) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers(["authorization", "content-type", "if-match", "x-request-id"])
        .expose_headers(["etag", "x-request-id", "retry-after", "location"])
        .max_age(3600);
    for origin in origins.split(',').map(str::trim).filter(|o| !o.is_empty()) {
        cors = cors.allowed_origin(origin);
    }
    cors
}

pub fn api_v1(cfg: &mut web::ServiceConfig) {
    auth::routes(cfg);
    users::routes(cfg);
    roles::routes(cfg);
    teams::routes(cfg);
    api_keys::routes(cfg);
    history::routes(cfg);
    saved_views::routes(cfg);
    meta::routes(cfg);
    lists::routes(cfg);
    custom_fields::routes(cfg);
    partners::routes(cfg);
    persons::routes(cfg);
    activities::routes(cfg);
    reports::routes(cfg);
    leads::routes(cfg);
    attachments::routes(cfg);
    jobs::routes(cfg);
    mail::routes(cfg);
    notifications::routes(cfg);
    alarms::routes(cfg);
    templates::routes(cfg);
    messages::routes(cfg);
    announcements::routes(cfg);
    territories::routes(cfg);
    assignment::routes(cfg);
    crate::imports::routes(cfg);
    crate::pipelines::routes(cfg);
    crate::products::routes(cfg);
    crate::currencies::routes(cfg);
    crate::deals::routes(cfg);
}

fn run(listener: TcpListener, state: web::Data<AppState>) -> anyhow::Result<Server> {
    let server = HttpServer::new(move || {
        let settings = &state.settings;
        App::new()
            .app_data(state.clone())
            .app_data(extract::json_config(settings.max_json_bytes))
            .app_data(extract::query_config())
            .app_data(extract::path_config())
            // The last `wrap` runs first. Compression must see the finished body, and the
            // response finisher needs the request id that TracingLogger assigns.
            .wrap(Condition::new(
                !settings.cors_origins.trim().is_empty(),
                cors(&settings.cors_origins),
            ))
            .wrap(from_fn(telemetry::finish_response))
            .wrap(TracingLogger::default())
            .wrap(Compress::default())
            .configure(health::routes)
            // The API first: most requests are API calls and should not try the docs' patterns.
            .service(web::scope("/api/v1").configure(api_v1))
            .route("/api/docs", web::get().to(spa::docs_redirect))
            .service(
                SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", openapi::document()),
            )
            .service(web::scope("/api").default_service(web::to(spa::route_not_found)))
            .service(web::scope("/health").default_service(web::to(spa::route_not_found)))
            .configure(|cfg| spa::fallback(cfg, settings.spa_dir.clone()))
            .default_service(web::to(spa::route_not_found))
    })
    .listen(listener)?
    .run();
    Ok(server)
}
