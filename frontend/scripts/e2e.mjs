// npm run e2e: build the SPA, then run Playwright against the real backend serving it (see playwright.config.ts).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit" }).status ?? 1;
const results = path.join(root, "test-results");

const binary = path.resolve(root, "../target/debug/crm");
if (!existsSync(binary)) {
  console.error(`e2e: backend binary missing: ${binary}\nBuild it first: (cd .. && cargo build -p crm)`);
  process.exit(1);
}

let status = run("npm", ["run", "build"]);
if (status === 0) status = run(path.join(root, "node_modules/.bin/playwright"), ["test", ...process.argv.slice(2)]);
console.log(`\ne2e: screenshots of failed tests (if any) are kept under ${results}`);
process.exit(status);
