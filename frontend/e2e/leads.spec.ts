import { expect, test } from "@playwright/test";
import { ADMIN, login, unique } from "./helpers";

test("leads: create, log an activity, convert to a new partner and find the activity there", async ({ page }) => {
  const tag = unique();
  const company = `Drukarnia ${tag}`;
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Leads" }).click();
  await page.getByTestId("new-lead").click();
  const dialog = page.getByRole("dialog", { name: "New lead" });
  await dialog.getByRole("textbox", { name: "First name", exact: true }).fill("Tomasz");
  await dialog.getByRole("textbox", { name: `Last name`, exact: true }).fill(`Wójcik ${tag}`);
  await dialog.getByRole("textbox", { name: "Company", exact: true }).fill(company);
  await dialog.getByRole("textbox", { name: "City", exact: true }).fill("Kraków");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: `Tomasz Wójcik ${tag}` })).toBeVisible();

  // Log a meeting on the lead.
  const form = page.getByRole("form", { name: "Log activity" });
  await form.getByRole("combobox", { name: "Kind", exact: true }).click();
  await page.getByRole("option", { name: "Meeting" }).click();
  await form.getByRole("textbox", { name: "Subject", exact: true }).fill(`First meeting ${tag}`);
  await form.getByRole("button", { name: "Log activity" }).click();
  await expect(page.getByTestId("activity-timeline")).toContainText(`First meeting ${tag}`);

  // Convert into a new partner: we land on it and the meeting moved along.
  await page.getByTestId("convert-lead").click();
  const convert = page.getByRole("dialog", { name: "Convert" });
  await expect(convert.getByRole("radio", { name: /a new partner/ })).toBeChecked();
  await convert.getByRole("button", { name: "Convert" }).click();
  await expect(page).toHaveURL(/\/partners\/[^/?]+/);
  await expect(page.getByRole("heading", { name: company })).toBeVisible();
  await page.getByRole("tab", { name: "Activities" }).click();
  await expect(page.getByTestId("activity-timeline")).toContainText(`First meeting ${tag}`);

  // The lead is now read-only and links to its partner.
  await page.goBack();
  await expect(page.getByText("This lead has been converted")).toBeVisible();
  await expect(page.getByTestId("convert-lead")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open the partner" })).toBeVisible();
});
