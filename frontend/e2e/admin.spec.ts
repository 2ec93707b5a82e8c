import { expect, test } from "@playwright/test";
import { ADMIN, createUser, login, unique } from "./helpers";

test("users list: filter builder, sortable headers, saved view", async ({ page, request }) => {
  const tag = unique();
  await createUser(request, ["viewer"], `Filter ${tag} A`);
  await createUser(request, ["viewer"], `Filter ${tag} B`);
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/users");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByRole("textbox", { name: "Value" }).fill(tag);
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);

  // Sorted by name ascending by default; a header click flips it to descending (sort=-name).
  const nameHeader = page.getByRole("columnheader", { name: /Name/ });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.first()).toContainText(`Filter ${tag} A`);
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(rows.first()).toContainText(`Filter ${tag} B`);

  // Keyboard: rows are focusable, arrows move, Enter opens.
  await rows.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1)).toBeFocused();

  await page.getByRole("button", { name: "Saved views" }).click();
  await page.getByRole("menuitem", { name: "Save current view…" }).click();
  await page.getByRole("textbox", { name: "View name", exact: true }).fill(`View ${tag}`);
  await page.getByRole("dialog", { name: "Save view" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: `View: View ${tag}` })).toBeVisible();

  await page.keyboard.press("Escape");
  await rows.nth(1).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Filter ${tag} A` })).toBeVisible();
});

test("API keys: the secret is shown once; a key can be revoked", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/api-keys");
  await page.getByRole("button", { name: "New API key" }).click();
  await page.getByRole("dialog", { name: "New API key" }).getByRole("textbox", { name: "Name", exact: true }).fill(`ERP sync ${unique()}`);
  await page.getByRole("dialog", { name: "New API key" }).getByRole("button", { name: "Create" }).click();
  const secret = page.getByTestId("api-key-secret");
  await expect(secret).toHaveText(/\S{16,}/);
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(secret).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke" }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("API key revoked.")).toBeVisible();
});

test("roles: grants matrix saves a scope change; history shows it", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/roles/new");
  const key = `e2e_${unique()}`;
  await page.getByRole("textbox", { name: "Key", exact: true }).fill(key);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Role ${key}`);
  await page.getByLabel("Teams: Read", { exact: true }).selectOption("team");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: `Role ${key}` })).toBeVisible();
  await expect(page.getByLabel("Teams: Read", { exact: true })).toHaveValue("team");
  await page.getByLabel("Users: Read", { exact: true }).selectOption("all");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Users: Read", { exact: true })).toHaveValue("all");
  await expect(page.getByRole("region", { name: "History" }).getByText("Updated")).toBeVisible();

  await page.goto("/history");
  await page.getByRole("combobox", { name: "Record type" }).click();
  await page.getByRole("option", { name: "Role", exact: true }).click();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator("tbody tr").first()).toContainText("Role");
});

test("the layout works at tablet width (768px)", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/users");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Users" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
