import { expect, request as playwrightRequest, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

/** Opens a Mantine select by its label and picks the option. */
async function pick(page: Page, scope: Page | Locator, label: string, option: string) {
  await scope.getByRole("combobox", { name: label, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The error text Mantine links to an input through aria-describedby. */
async function fieldError(page: Page, input: Locator) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const id = (await input.getAttribute("aria-describedby"))?.split(/\s+/).find((x) => x.endsWith("-error"));
  return page.locator(`[id="${id}"]`);
}

const tag = unique();
const key = `tier_${tag}`;

// A required partner field left behind (the test failed or timed out) would break every later spec that
// creates a partner: remove it with a request context of our own, the test's may be gone by now.
test.afterAll(async () => {
  const request = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const res = await request.get("/api/v1/custom-fields?entity=partners", { headers });
  const field = ((await res.json()) as { id: string; key: string; version: number }[]).find((f) => f.key === key);
  if (field) await request.delete(`/api/v1/custom-fields/${field.id}`, { headers: { ...headers, "If-Match": `"${field.version}"` } });
  await request.dispose();
});

test("custom fields: an admin defines a required choice field; partners get it in the form, the list and the filter", async ({ page }) => {
  const label = `Tier ${tag}`;
  const name = `Custom ${tag}`;
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Custom fields" }).click();
  await expect(page.getByRole("tab", { name: "Partners", selected: true })).toBeVisible();

  // Define it: a required, filterable choice shown in lists.
  await page.getByTestId("new-custom-field").click();
  const dialog = page.getByRole("dialog", { name: "New custom field" });
  await dialog.getByRole("textbox", { name: "Key", exact: true }).fill(key);
  await dialog.getByRole("textbox", { name: "Label", exact: true }).fill(label);
  await pick(page, dialog, "Type", "Choice");
  const options = dialog.getByRole("combobox", { name: "Options", exact: true });
  await options.fill("Gold");
  await options.press("Enter");
  await options.fill("Silver");
  await options.press("Enter");
  await dialog.getByRole("checkbox", { name: "Required" }).check();
  await dialog.getByRole("checkbox", { name: "Shown in lists" }).check();
  await dialog.getByRole("checkbox", { name: "Filterable" }).check();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("tabpanel", { name: "Partners" }).getByRole("row", { name: new RegExp(label) });
  await expect(row).toContainText(key);
  await expect(row).toContainText("Choice (Gold, Silver)");

  // Without a value the server refuses the partner, and says so beside the field.
  await page.goto("/partners/new");
  const form = page.getByRole("form", { name: "New partner" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByRole("button", { name: "Create", exact: true }).click();
  const tier = form.getByRole("combobox", { name: label, exact: true });
  await expect(await fieldError(page, tier)).toHaveText("This field is required.");
  await expect(page).toHaveURL(/\/partners\/new$/);
  await pick(page, form, label, "Gold");
  await form.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByTestId("custom-field-values")).toContainText(label);
  await expect(page.getByTestId("custom-field-values")).toContainText("Gold");

  // The list shows the column and filters by the field under its label.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("columnheader", { name: label })).toBeVisible();
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("button", { name: "Add condition" }).click();
  await pick(page, page, "Field", label);
  await pick(page, page, "Value", "Gold");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText("Gold");

  // Deleting the definition warns that the values go from every record.
  await page.goto("/admin/custom-fields?entity=partners");
  await page.getByRole("button", { name: `Delete ${label}` }).click();
  const confirm = page.getByRole("dialog", { name: "Delete" });
  await expect(confirm).toContainText("removed from every record");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Custom field deleted.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(label) })).toHaveCount(0);
});
