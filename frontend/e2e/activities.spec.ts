import { expect, test } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

test("activities: log a call on a partner and see it in the timeline", async ({ page, request }) => {
  const tag = unique();
  const token = await adminToken(request);
  const res = await request.post("/api/v1/partners", { headers: { Authorization: `Bearer ${token}` }, data: { name: `Activity Partner ${tag}` } });
  expect(res.status(), await res.text()).toBe(201);
  const partner = (await res.json()) as { id: string };

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/partners/${partner.id}?tab=activities`);
  await page.getByRole("tab", { name: "Activities" }).click();
  const form = page.getByRole("form", { name: "Log activity" });
  await expect(form.getByRole("combobox", { name: "Kind", exact: true })).toHaveValue("Call");
  await form.getByRole("textbox", { name: "Subject", exact: true }).fill(`Offer call ${tag}`);
  await form.getByRole("textbox", { name: "Duration (minutes)" }).fill("25");
  await form.getByRole("textbox", { name: "Description" }).fill("Discussed the 2027 offer.");
  await form.getByRole("button", { name: "Log activity" }).click();
  const item = page.getByTestId("activity-timeline").getByRole("listitem").filter({ hasText: `Offer call ${tag}` });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Call");
  await expect(item).toContainText("0:25");
  await expect(item).toContainText("Discussed the 2027 offer.");
  await expect(form.getByRole("textbox", { name: "Subject", exact: true })).toHaveValue("");
});
