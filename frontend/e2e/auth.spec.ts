import { expect, test } from "@playwright/test";
import { ADMIN, login } from "./helpers";

test("the bootstrap administrator logs in, sees every admin screen, and logs out", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  for (const entry of ["Users", "Roles", "Teams", "API keys", "History"]) {
    await expect(nav.getByRole("link", { name: entry })).toBeVisible();
  }
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(ADMIN.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
});

test("a reload keeps the session; a refused refresh token sends the user to login with a message", async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/roles");
  await expect(page.getByRole("heading", { name: "Roles" })).toBeVisible();
  // The access token lives in memory only: a reload restores the session from the rotated refresh token.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Roles" })).toBeVisible();
  const stored = await page.evaluate(() => Object.keys(sessionStorage).concat(Object.keys(localStorage)).join(","));
  expect(stored).toContain("crm.refresh_token");
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("eyJ");

  await page.evaluate(() => sessionStorage.setItem("crm.refresh_token", "revoked-or-garbage"));
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("session-expired")).toBeVisible();
});
