// Generates src/lib/api/schema.d.ts from ../openapi/openapi.json (the committed document).
//   node scripts/client.mjs          write the file (npm run gen)
//   node scripts/client.mjs --check  fail when the committed file differs (npm run check:client)
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const specPath = path.resolve(root, "../openapi/openapi.json");
const outPath = path.resolve(root, "src/lib/api/schema.d.ts");
const header =
  "// GENERATED FILE - DO NOT EDIT.\n" +
  "// Produced by `npm run gen` (frontend/scripts/client.mjs) from openapi/openapi.json.\n\n";

async function generate() {
  if (!existsSync(specPath)) {
    console.error(`OpenAPI document not found: ${specPath}`);
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const ast = await openapiTS(spec);
  return header + astToString(ast);
}

const output = await generate();
if (process.argv.includes("--check")) {
  const current = existsSync(outPath) ? readFileSync(outPath, "utf8") : "";
  if (current !== output) {
    console.error(
      "check:client FAILED: frontend/src/lib/api/schema.d.ts differs from what openapi/openapi.json produces.\n" +
        "Run `just client` (or `cd frontend && npm run gen`) and commit the result.",
    );
    process.exit(1);
  }
  console.log("check:client OK: schema.d.ts matches openapi/openapi.json");
} else {
  writeFileSync(outPath, output);
  console.log(`wrote ${path.relative(root, outPath)}`);
}
