import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The config is evaluated by the runner and again by each worker: make the temp dir once and hand it down.
const here = path.dirname(fileURLToPath(import.meta.url));
process.env.CRM_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "crm-e2e-"));
const port = Number(process.env.CRM_E2E_PORT ?? 18080);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "off",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CRM_E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "../target/debug/crm serve",
    cwd: here,
    url: `${baseURL}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      CRM_DATA_DIR: process.env.CRM_E2E_DATA_DIR,
      CRM_BIND: `127.0.0.1:${port}`,
      CRM_SPA_DIR: path.join(here, "dist"),
      CRM_ADMIN_EMAIL: "admin@example.com",
      CRM_ADMIN_PASSWORD: "e2e-Admin-Passw0rd",
      CRM_SHUTDOWN_AFTER_SECS: "900",
      CRM_SEED_DEMO: "false",
    },
  },
});
