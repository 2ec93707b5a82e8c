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

test("merge from the duplicate warning: created anyway, the new partner is merged into the one that existed", async ({ page, request }) => {
  const tag = unique();
  const name = `Twin ${tag}`;
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const res = await request.post("/api/v1/partners", { headers, data: { name, city: "Zagreb" } });
  expect(res.status(), await res.text()).toBe(201);
  const keep = (await res.json()) as { id: string };

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/partners/new");
  const form = page.getByRole("form", { name: "New partner" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByRole("textbox", { name: "City", exact: true }).fill("Zagreb");
  await form.getByRole("button", { name: "Create", exact: true }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning.getByRole("link", { name: "Open" })).toHaveAttribute("href", `/partners/${keep.id}`);
  // Before the partner exists there is nothing to merge.
  await expect(warning.getByRole("button", { name: "Merge into this one" })).toHaveCount(0);
  await warning.getByRole("button", { name: "Create anyway" }).click();

  // The new partner's page still lists the likely duplicate and offers the merge, preselected.
  await expect(page).not.toHaveURL(/\/partners\/new$/);
  await expect(page).not.toHaveURL(new RegExp(keep.id));
  const onPage = page.getByTestId("duplicate-warning");
  await onPage.getByRole("button", { name: "Merge into this one" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge a duplicate" });
  await expect(dialog.getByRole("combobox", { name: "Duplicate partner" })).toHaveValue(`${name} (Zagreb)`);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toContainText("This cannot be undone");
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(dialog.getByTestId("merge-result")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/partners/${keep.id}$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();
});
