import { expect, test } from "@playwright/test";
import { PASSWORD, createUser, login } from "./helpers";

test("switching to Croatian translates the interface and is remembered for the user", async ({ page, request, browser }) => {
  const user = await createUser(request, ["admin"]);
  await login(page, user.email, PASSWORD);
  await page.getByTestId("language-switcher").click();
  await page.getByRole("option", { name: "Hrvatski" }).click();

  const nav = page.getByRole("navigation", { name: "Glavna navigacija" });
  await expect(nav.getByRole("link", { name: "Korisnici" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Uloge" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Povijest" })).toBeVisible();
  await nav.getByRole("link", { name: "Korisnici" }).click();
  await expect(page.getByRole("heading", { name: "Korisnici" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Novi korisnik" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /E-pošta/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "hr");

  // Saved with the user: a fresh browser applies it at login.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await login(page2, user.email, PASSWORD);
  await expect(page2.getByRole("navigation", { name: "Glavna navigacija" })).toBeVisible();
  await other.close();
});
