//! The `crm` binary: `serve` (default), `migrate`, `openapi`, `create-user`, `seed-demo`.
use anyhow::Context;
use clap::{Parser, Subcommand};
use crm::{
    db::Db, history::Actor, seed, settings::Settings, startup::Application, telemetry, users,
};

/// Imports, exports and reassignment allocate and free millions of small values across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc keeps freed pages for a second before it hands them back to the OS, so an import,
/// whose batches free and allocate tens of megabytes many times a second, held a hundred MiB it
/// did not use. Ten milliseconds (mimalloc 2's default) still spares the repeated
/// give-back-and-fault of a busy moment. The `MIMALLOC_PURGE_DELAY` variable, which mimalloc reads
/// itself, still wins.
fn purge_freed_memory_soon() {
    // `mi_option_purge_delay` in mimalloc.h; the crate names no constant for it.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one of mimalloc's global option values; any thread may do so at any time.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 10) }
    }
}

#[derive(Parser)]
#[command(
    name = "crm",
    version,
    about = "CRM server and tools. Settings come from CRM_* variables (see README)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Create a user.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Read from CRM_NEW_USER_PASSWORD when not given, to keep it out of shell history.
        #[arg(long, env = "CRM_NEW_USER_PASSWORD", hide_env_values = true)]
        password: String,
        /// Role keys (repeatable).
        #[arg(long = "role", default_value = "admin")]
        roles: Vec<String>,
    },
    /// Add the demo records (idempotent) and print the demo logins.
    SeedDemo,
    /// Run only the job worker (beside servers started with CRM_WORKER=false).
    Worker,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    purge_freed_memory_soon();
    let cli = Cli::parse();
    if let Some(Command::Openapi) = cli.command {
        println!("{}", crm::openapi::json());
        return Ok(());
    }
    let settings = Settings::load().context("loading settings")?;
    telemetry::init(&settings.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(settings.clone()).await?;
            let host = settings
                .bind
                .rsplit_once(':')
                .map(|(h, _)| h)
                .unwrap_or("127.0.0.1");
            println!(
                "CRM is running at http://{host}:{}/  (API docs: /api/docs/)",
                app.port()
            );
            app.run_until_stopped().await?;
        }
        Command::Worker => {
            let state = crm::startup::build_state(settings).await?;
            let worker = crm::jobs::worker::spawn(state);
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                r = worker => r?,
            }
        }
        Command::Migrate => {
            Db::connect(&settings).await?.migrate().await?;
            println!("migrations applied");
        }
        Command::CreateUser {
            email,
            name,
            password,
            roles,
        } => {
            let db = Db::connect(&settings).await?;
            if settings.run_migrations {
                db.migrate().await?;
            }
            let input = users::dto::CreateUser {
                email,
                name,
                password,
                roles,
                locale: None,
                hourly_rate: None,
                rate_currency: None,
            };
            validator::Validate::validate(&input).map_err(|e| anyhow::anyhow!("{e}"))?;
            let user = users::service::insert_user(&db.write, Actor::SYSTEM, input)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            println!("created user {} ({})", user.email, user.id);
        }
        Command::SeedDemo => {
            let db = Db::connect(&settings).await?;
            if settings.run_migrations {
                db.migrate().await?;
            }
            seed::demo_if_empty(&db, &settings).await?;
        }
        Command::Openapi => {}
    }
    Ok(())
}
