import { expect, test } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

test("merge: a duplicate partner is merged into the one that stays and the moved counts show", async ({ page, request }) => {
  const tag = unique();
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const make = async (name: string) => {
    const res = await request.post("/api/v1/partners", { headers, data: { name } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const keep = await make(`Keep ${tag}`);
  const dup = await make(`Dup ${tag}`);
  const person = await request.post("/api/v1/persons", { headers, data: { first_name: "Ana", last_name: `Dup ${tag}`, partner_id: dup.id } });
  expect(person.status(), await person.text()).toBe(201);

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/partners/${keep.id}`);
  await page.getByTestId("merge-partner").click();
  const dialog = page.getByRole("dialog", { name: "Merge a duplicate" });
  const box = dialog.getByRole("combobox", { name: "Duplicate partner" });
  await box.click();
  await box.fill(`Dup ${tag}`);
  await page.getByRole("option", { name: `Dup ${tag}` }).click();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toContainText("This cannot be undone");
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(dialog.getByTestId("merge-result")).toContainText("Persons moved: 1");
  await dialog.getByRole("button", { name: "Close" }).first().click();
  await page.getByRole("tab", { name: "Persons" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`Dup ${tag}`) })).toBeVisible();
});
