import { readFile } from "node:fs/promises";
import { expect, test, type Download } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

/** A Croatian OIB: 10 random digits and the ISO 7064 MOD 11,10 check digit. */
function oib(): string {
  const digits = Array.from({ length: 10 }, () => Math.floor(Math.random() * 10));
  let a = 10;
  for (const d of digits) {
    a = (d + a) % 10;
    if (a === 0) a = 10;
    a = (a * 2) % 11;
  }
  const check = 11 - a === 10 ? 0 : 11 - a;
  return `${digits.join("")}${check}`;
}

const text = async (d: Download) => readFile(await d.path(), "utf8");

test("imports: map a Croatian CSV, dry run, import, download the failed rows and undo", async ({ page, request }) => {
  const tag = unique();
  const names = [`Uvoz Alfa ${tag}`, `Uvoz Beta ${tag}`, `Uvoz Gama ${tag}`];
  const badEmail = `not-an-email-${tag}`;
  // A tax id needs its country; the file says it in a country column (the server takes the tax country from it).
  const csv = [
    "Naziv;OIB;Grad;E-mail;Država",
    `${names[0]};${oib()};Zagreb;alfa-${tag}@example.com;HR`,
    `${names[1]};${oib()};Split;${badEmail};HR`,
    `${names[2]};${oib()};Rijeka;gama-${tag}@example.com;HR`,
  ].join("\n");

  await login(page, ADMIN.email, ADMIN.password);
  await page.getByTestId("nav-imports").click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByTestId("import-entity")).toHaveValue("Partners");
  await page.getByTestId("import-file").setInputFiles({ name: `partneri-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByTestId("import-next").click();

  // The Croatian headers are recognised.
  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toBeVisible();
  await expect(mapping.getByLabel("Field for Naziv")).toHaveValue("Name *");
  await expect(mapping.getByLabel("Field for OIB")).toHaveValue("Tax ID");
  await expect(mapping.getByLabel("Field for Grad")).toHaveValue("City");
  await expect(mapping.getByLabel("Field for E-mail")).toHaveValue("Emails");
  await expect(page.getByTestId("import-sample")).toContainText(names[1]);

  // Dry run: two rows would be created, one fails; nothing is written.
  await page.getByTestId("import-dry-run").click();
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "done", { timeout: 20_000 });
  await expect(page.getByTestId("import-created")).toHaveText("2");
  await expect(page.getByTestId("import-failed")).toHaveText("1");
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText(names[0]);
  await expect(preview).toContainText(names[2]);
  await expect(preview).toContainText("Zagreb");
  await expect(preview).not.toContainText(names[1]);
  await expect(page.getByTestId("import-undo")).toHaveCount(0);

  // For real, with the same file, mapping and options.
  await page.getByTestId("import-run-real").click();
  await expect(page.getByTestId("import-undo")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("import-created")).toHaveText("2");
  await expect(page.getByTestId("import-updated")).toHaveText("0");
  await expect(page.getByTestId("import-skipped")).toHaveText("0");
  await expect(page.getByTestId("import-failed")).toHaveText("1");
  await expect(page.getByTestId("import-progress")).toBeVisible();

  const token = await adminToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const found = async (name: string) => {
    const res = await request.get("/api/v1/partners", { headers: auth, params: { q: name } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { items: { name: string }[] }).items.filter((p) => p.name === name).length;
  };
  expect(await found(names[0])).toBe(1);
  expect(await found(names[2])).toBe(1);

  // The failed rows as CSV: the original columns, the row number and the error.
  const download = page.waitForEvent("download");
  await page.getByTestId("import-errors-download").click();
  const errors = await text(await download);
  expect(errors).toContain(badEmail);
  expect(errors).toContain(names[1]);
  expect(errors).not.toContain(names[0]);

  // Undo (confirmed): the status turns undone and the partners are gone.
  await page.getByTestId("import-undo").click();
  await page.getByRole("dialog").getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByTestId("import-status")).toHaveAttribute("data-status", "undone", { timeout: 20_000 });
  await expect(page.getByTestId("import-status")).toHaveText("Undone");
  await expect(page.getByTestId("import-undo")).toHaveCount(0);
  expect(await found(names[0])).toBe(0);
  expect(await found(names[2])).toBe(0);
});

test("exports: the partners list downloads its filtered rows as CSV", async ({ page, request }) => {
  const tag = unique();
  const token = await adminToken(request);
  const name = `Export Partner ${tag}`;
  const res = await request.post("/api/v1/partners", { headers: { Authorization: `Bearer ${token}` }, data: { name, city: "Osijek" } });
  expect(res.status(), await res.text()).toBe(201);
  // One the search leaves out.
  const other = `Export Other ${unique()}`;
  const res2 = await request.post("/api/v1/partners", { headers: { Authorization: `Bearer ${token}` }, data: { name: other } });
  expect(res2.status(), await res2.text()).toBe(201);

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/partners");
  await page.getByRole("textbox", { name: "Search" }).fill(tag);
  // The list (and so the export, which sends the same filters) has applied the search.
  const rows = page.getByRole("table", { name: "Partners" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: name })).toBeVisible();

  await page.getByTestId("export-menu").click();
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const content = await text(file);
  expect(content).toContain(name);
  expect(content).not.toContain(other);
  expect(content.trim().split("\n").length).toBe(2);
});
