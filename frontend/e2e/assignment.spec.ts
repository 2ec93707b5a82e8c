import { expect, test, type Page } from "@playwright/test";
import { ADMIN, adminToken, createUser, login, unique } from "./helpers";

/** Opens a Mantine select by its accessible name, narrows it by typing, and picks the option. */
async function pick(page: Page, label: string, type: string, option: string | RegExp) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.click();
  await box.fill(type);
  await page.getByRole("option", { name: option }).first().click();
}

test("assignment: a new territory goes to a new sales rep; preview, apply, and the partner page explains it", async ({ page, request }) => {
  const tag = unique();
  const territory = `Terr ${tag}`;
  // A postal prefix of its own, so no other spec's partner lies in this territory.
  const prefix = `7${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  const rep = await createUser(request, ["sales_rep"], `Rep ${tag}`);
  await login(page, ADMIN.email, ADMIN.password);

  // The territory, through the tree editor.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Territories" }).click();
  await page.getByTestId("new-territory").click();
  const dialog = page.getByRole("dialog", { name: "New territory" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(territory);
  const countries = dialog.getByRole("combobox", { name: "Countries" });
  await countries.fill("HR");
  await countries.press("Enter");
  const postal = dialog.getByRole("combobox", { name: "Postal codes" });
  await postal.fill(prefix);
  await postal.press("Enter");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("treeitem", { name: territory })).toBeVisible();

  // A partner whose address lies in it (arranged through the API).
  const token = await adminToken(request);
  const partnerName = `Assigned Partner ${tag}`;
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: partnerName, city: "Zagreb", postal_code: `${prefix}1`, country: "HR" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const partner = (await res.json()) as { id: string };

  // A new row of the table gives the territory to the rep.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Assignment rules" }).click();
  await expect(page.getByRole("table", { name: "Assignment rules" })).toBeVisible();
  const n = (await page.locator('[data-testid^="rule-row-"]').count()) + 1;
  await page.getByTestId("add-rule").click();
  await pick(page, `Territory ${n}`, territory, territory);
  await pick(page, `Sales rep ${n}`, rep.name, rep.name);
  await expect(page.getByTestId("apply-rules")).toBeDisabled();

  // A server field error lands on its row and cell.
  await page.getByRole("textbox", { name: `Valid from ${n}` }).fill("2030-01-02");
  const validTo = page.getByRole("textbox", { name: `Valid to ${n}` });
  await validTo.fill("2030-01-01");
  await page.getByTestId("preview-rules").click();
  await expect(validTo).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId(`rule-row-${n - 1}`)).toContainText("It ends before it starts.");
  await expect(page.getByTestId("apply-rules")).toBeDisabled();
  await page.getByRole("textbox", { name: `Valid from ${n}` }).fill("");
  await validTo.fill("");

  // The preview names the partner with its new owner.
  await page.getByTestId("preview-rules").click();
  const row = page.getByTestId("preview-items").getByRole("row", { name: new RegExp(partnerName) });
  await expect(row).toContainText(`${rep.name} (Primary)`);
  await expect(row).toContainText(`Row ${n}`);
  await expect(page.getByTestId("apply-rules")).toBeEnabled();

  // Apply; the job reassigns in the background and the bar follows it to the end.
  await page.getByTestId("apply-rules").click();
  await expect(page.getByTestId("apply-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });

  // The partner page shows the owner, made by the rule, and why.
  await page.goto(`/partners/${partner.id}?tab=owners`);
  await expect(page.getByTestId("owners-primary")).toHaveText(rep.name);
  await expect(page.getByTestId("owners-primary-source")).toHaveText("by rule");
  await expect(page.getByTestId("partner-territory")).toContainText(territory);
  const why = page.getByTestId("why-panel");
  await expect(why.getByRole("heading", { name: "Why is this partner mine?" })).toBeVisible();
  const candidate = why.getByRole("row", { name: new RegExp(rep.name) });
  await expect(candidate).toContainText(territory);
  await expect(candidate).toContainText("won");

  // The partners list filters by territory (this one and those under it) and by "My partners".
  await page.goto("/partners");
  await pick(page, "Territory", territory, territory);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText(partnerName);
  await page.getByTestId("filter-mine").click();
  await expect(page).toHaveURL(/mine=1/);
  await expect(page.getByRole("heading", { name: "My partners" })).toBeVisible();
  await page.goto(`/partners/${partner.id}?tab=owners`);

  // Locking keeps the owners; the state shows and can be undone.
  await page.getByTestId("owners-lock-toggle").click();
  await expect(page.getByTestId("owners-lock-state")).toHaveText("Owners locked");
  await page.getByTestId("owners-lock-toggle").click();
  await expect(page.getByTestId("owners-lock-state")).toHaveText("Assigned automatically");
});
