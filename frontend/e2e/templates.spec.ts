import { expect, test } from "@playwright/test";
import { ADMIN, login, unique } from "./helpers";

test("templates: create one with a placeholder and preview it with sample values", async ({ page }) => {
  const tag = unique();
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByTestId("nav-email_templates").click();
  await page.getByRole("link", { name: "New template" }).click();
  const form = page.getByRole("form", { name: "Template" });
  await form.getByRole("textbox", { name: "Key" }).fill(`welcome_${tag}`);
  await form.getByRole("textbox", { name: "Name" }).fill(`Welcome ${tag}`);

  // A syntax mistake comes back on its own field, in the engine's words.
  await form.getByRole("textbox", { name: "Subject" }).fill("Hello {{ person.first_name ");
  await form.getByRole("textbox", { name: "Plain text" }).fill("Dear {{ person.first_name }}, welcome.");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByRole("textbox", { name: "Subject" })).toHaveAttribute("aria-invalid", "true");

  await form.getByRole("textbox", { name: "Subject" }).fill("Hello {{ person.first_name }}");
  await form.getByRole("textbox", { name: "HTML" }).fill("<p>Dear <b>{{ person.first_name }}</b> at {{ partner.name }}</p>");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/email-templates\/[^/]+$/);
  await expect(page.getByRole("heading", { name: `Welcome ${tag}` })).toBeVisible();

  const preview = page.getByTestId("template-preview");
  await preview.getByRole("button", { name: "Show preview" }).click();
  await expect(preview.getByTestId("preview-subject")).toHaveText("Hello Ivana");
  await expect(preview.getByTestId("preview-text")).toContainText("Dear Ivana, welcome.");
  const frame = preview.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(frame.contentFrame().locator("b")).toHaveText("Ivana");
});
