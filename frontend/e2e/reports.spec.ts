import { expect, test } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

test("reports: contact cost groups this month's activities by partner with totals", async ({ page, request }) => {
  const tag = unique();
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const res = await request.post("/api/v1/partners", { headers, data: { name: `Report Partner ${tag}` } });
  expect(res.status(), await res.text()).toBe(201);
  const partner = (await res.json()) as { id: string };
  const act = await request.post("/api/v1/activities", {
    headers,
    data: { partner_id: partner.id, kind: "call", subject: `Report call ${tag}`, duration_minutes: 75 },
  });
  expect(act.status(), await act.text()).toBe(201);

  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Contact cost" }).click();
  const table = page.getByRole("table", { name: "Contact cost" });
  const row = table.getByRole("row", { name: new RegExp(`Report Partner ${tag}`) });
  await expect(row).toContainText("1:15");
  await expect(table.getByRole("row", { name: /^Total/ })).toBeVisible();
  await page.getByText("Month", { exact: true }).click();
  await expect(table.getByRole("columnheader", { name: "Month" })).toBeVisible();
});
