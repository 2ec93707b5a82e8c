import { expect, test } from "@playwright/test";
import { ADMIN, adminToken, createUser, login, unique } from "./helpers";

test("reassign: a manager hands an unassigned partner to a sales rep, locked", async ({ page, request }) => {
  const tag = unique();
  const rep = await createUser(request, ["sales_rep"], `Taker ${tag}`);
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const name = `Orphan Partner ${tag}`;
  const created = await request.post("/api/v1/partners", { headers, data: { name, city: "Split" } });
  expect(created.status(), await created.text()).toBe(201);
  const partner = (await created.json()) as { id: string };
  // Its creator owns it: take that away, so it is unassigned.
  const cleared = await request.put(`/api/v1/partners/${partner.id}/owners`, { headers, data: { primary_id: null } });
  expect(cleared.status(), await cleared.text()).toBe(200);

  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Reassignment" }).click();
  await expect(page.getByRole("heading", { name: "Reassign partners" })).toBeVisible();
  const unassigned = page.getByRole("table", { name: "Unassigned partners" });
  await unassigned.getByRole("checkbox", { name: `Select ${name}` }).check();

  const owner = page.getByRole("combobox", { name: "New primary owner" });
  await owner.click();
  await owner.fill(rep.name);
  await page.getByRole("option", { name: rep.name }).click();
  await page.getByRole("checkbox", { name: "Lock against automatic reassignment" }).check();
  await page.getByTestId("hand-over").click();
  await expect(page.getByTestId("reassign-result")).toHaveText("1 partners handed over.");
  await expect(unassigned.getByRole("checkbox", { name: `Select ${name}` })).toHaveCount(0);

  // The partner now has the rep, set by hand and locked.
  await page.goto(`/partners/${partner.id}?tab=owners`);
  await expect(page.getByTestId("owners-primary")).toHaveText(rep.name);
  await expect(page.getByTestId("owners-primary-source")).toHaveText("set by hand");
  await expect(page.getByTestId("owners-lock-state")).toHaveText("Owners locked");

  // The reports list it under the rep.
  await page.goto("/reports/assignment");
  await expect(page.getByTestId("owners-report")).toContainText(rep.name);
});
