# Tasks of the CRM. `npx --yes rust-just <recipe>` runs them without installing just.
set shell := ["bash", "-euo", "pipefail", "-c"]

pg_default := "postgres://postgres@127.0.0.1:5432/postgres"

# List the recipes.
default:
    @just --list

# Build the SPA and the server, migrate ./data/crm.db, seed the demo on first run, and serve.
run: spa
    cargo build -p crm
    CRM_SEED_DEMO="${CRM_SEED_DEMO:-true}" CRM_SPA_DIR="${CRM_SPA_DIR:-frontend/dist}" ./target/debug/crm serve

# Every test: the API suite on SQLite and PostgreSQL, the OpenAPI and client drift checks, the SPA's
# type check, linter, unit tests and browser tests.
test: test-api test-spa

# The API integration suite (PostgreSQL too when it answers or CRM_TEST_POSTGRES_URL is set).
test-api:
    #!/usr/bin/env bash
    set -euo pipefail
    if [ -z "${CRM_TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
        export CRM_TEST_POSTGRES_URL="{{pg_default}}"
    fi
    echo "PostgreSQL for tests: ${CRM_TEST_POSTGRES_URL:-none (SQLite only)}"
    cargo test --workspace

# The SPA: generated client drift, type check, lint, unit tests, then browser tests against the real server.
test-spa: npm-install
    # --workspace resolves features as `cargo test --workspace` does, so nothing is rebuilt.
    cargo build --workspace --bins
    cd frontend && npm run check:client && npm run typecheck && npm run lint && npm test && npm run e2e

# Install the SPA's packages exactly as locked (skipped when already installed).
npm-install:
    cd frontend && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; }

# Build the SPA into frontend/dist (served by `crm serve`).
spa: npm-install
    cd frontend && npm run build

# Regenerate openapi/openapi.json from the code, then the SPA's client types.
openapi:
    cargo run -q -p crm -- openapi > openapi/openapi.json
    just client

# Regenerate the SPA's API types from openapi/openapi.json.
client: npm-install
    cd frontend && npm run gen

# Formatting, clippy with warnings as errors, and the SPA's type check and linter.
lint: npm-install
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings
    cd frontend && npm run typecheck && npm run lint

# Throughput, latency and memory against raw baselines measured in the same run (see bench/README.md).
bench:
    #!/usr/bin/env bash
    set -euo pipefail
    if [ -z "${CRM_TEST_POSTGRES_URL:-}" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
        export CRM_TEST_POSTGRES_URL="{{pg_default}}"
    fi
    cargo build --release -p crm -p crm-tests --bin crm --bin crm-bench
    ./target/release/crm-bench | tee bench/LATEST.md
