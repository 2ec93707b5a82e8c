import { expect, test } from "@playwright/test";
import { ADMIN, PASSWORD, login, unique } from "./helpers";

test("admin creates a sales rep; the sales rep sees only the menu entries their grants allow", async ({ page, browser }) => {
  const id = unique();
  const email = `rep.${id}@example.com`;
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByTestId("new-user").click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Ivana Horvat ${id}`);
  await dialog.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await dialog.getByLabel("Roles").click();
  await page.getByRole("option", { name: "sales_rep" }).or(page.getByRole("option", { name: /sales rep/i })).first().click();
  await page.keyboard.press("Escape");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: `Ivana Horvat ${id}` })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(email);

  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await login(rep, email, PASSWORD);
  const nav = rep.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Teams" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "API keys" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "History" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Roles" })).toHaveCount(0);
  // Typing the address of a hidden screen does not open it either.
  await rep.goto("/roles");
  await expect(rep.getByText("No access")).toBeVisible();
  await repContext.close();
});

test("a server validation error is shown beside its field", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/users");
  await page.getByTestId("new-user").click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(`short.${unique()}@example.com`);
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("Too Short");
  await dialog.getByRole("textbox", { name: "Password", exact: true }).fill("short");
  await dialog.getByRole("button", { name: "Create" }).click();
  // The problem's errors[field=password] is rendered as the password input's own error message.
  const password = dialog.getByRole("textbox", { name: "Password", exact: true });
  await expect(password).toHaveAttribute("aria-describedby", /-error/);
  const errorId = (await password.getAttribute("aria-describedby"))?.split(/\s+/).find((x) => x.endsWith("-error"));
  // The server says which end of the length range was missed (`too_short` with params.min).
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Must be at least 12 characters long.");

  // A conflict on the email (409 email_taken) lands beside the email field.
  await dialog.getByRole("textbox", { name: "Email", exact: true }).fill(ADMIN.email);
  await dialog.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await dialog.getByRole("button", { name: "Create" }).click();
  const email = dialog.getByRole("textbox", { name: "Email", exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true");
  const emailErrorId = (await email.getAttribute("aria-describedby"))?.split(/\s+/).find((x) => x.endsWith("-error"));
  await expect(page.locator(`[id="${emailErrorId}"]`)).toHaveText("Another user already has this email.");
});
