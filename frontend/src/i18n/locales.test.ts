import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import en from "./en.json";
import hr from "./hr.json";
import pl from "./pl.json";
import ro from "./ro.json";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

// Words that are the same in English and the other language (names, loanwords, acronyms).
const SAME_AS_ENGLISH = new Set([
  "CRM",
  "ID",
  "Fax",
  "Status",
  "Partner",
  "Operator",
  "Administrator",
  "Marketing",
  "Manager",
  "Prefix",
  "Import",
  "Export",
  "System",
  "Email",
  "Text",
]);

const english = flatten(en as Tree);
const others = { hr: flatten(hr as Tree), pl: flatten(pl as Tree), ro: flatten(ro as Tree) };

describe("locale files", () => {
  it.each(Object.entries(others))("%s has exactly the English keys", (_, dict) => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.entries(others))("%s translates every string", (_, dict) => {
    const untranslated = Object.entries(dict)
      .filter(([k, v]) => v === english[k] && !SAME_AS_ENGLISH.has(v))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it.each(Object.entries(others))("%s keeps the {{placeholders}} of English", (_, dict) => {
    const vars = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join(",");
    const broken = Object.keys(english).filter((k) => vars(english[k] ?? "") !== vars(dict[k] ?? ""));
    expect(broken).toEqual([]);
  });

  it("has every literal key the code uses", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")) files.push(p);
      }
    };
    walk(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(/\bt\(\s*"([\w.]+)"/g)) if (m[1]) used.add(m[1]);
    }
    const missing = [...used].filter((k) => !(k in english));
    expect(used.size).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
