// Prints the gzipped size of the JavaScript the initial route loads (entry chunk + its static imports)
// and fails when it exceeds the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 300;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, "dist");
const manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error("no entry chunk in dist/.vite/manifest.json");

const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) walk(dep);
};
walk(entryKey);

let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith(".js")) continue;
  const gz = gzipSync(readFileSync(path.join(dist, file))).length;
  total += gz;
  console.log(`  ${file}  ${(gz / 1024).toFixed(1)} kB gzipped`);
}
console.log(`initial JS: ${(total / 1024).toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`);
if (total > BUDGET_KB * 1024) {
  console.error("initial JS is over budget");
  process.exit(1);
}
