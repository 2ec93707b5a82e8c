import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, PASSWORD, adminToken, createUser, login, unique } from "./helpers";

/** Opens a Mantine select by its label and picks the option (typing first narrows long lists). */
async function pick(page: Page, scope: Page | Locator, label: string, option: string | RegExp, type?: string) {
  const box = scope.getByRole("combobox", { name: label, exact: true });
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole("option", { name: option }).first().click();
}

/** The error text Mantine links to an input through aria-describedby. */
async function fieldError(page: Page, input: Locator) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const id = (await input.getAttribute("aria-describedby"))?.split(/\s+/).find((x) => x.endsWith("-error"));
  return page.locator(`[id="${id}"]`);
}

async function addListItem(page: Page, list: string, code: string, name: string) {
  await page.getByRole("tab", { name: list }).click();
  await page.getByRole("tabpanel", { name: list }).getByRole("button", { name: "New item" }).click();
  const dialog = page.getByRole("dialog", { name: "New item" });
  await dialog.getByRole("textbox", { name: "Code", exact: true }).fill(code);
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("tabpanel", { name: list }).getByRole("row", { name: new RegExp(name) })).toBeVisible();
}

test("partners: lists, tax id check, duplicate warning, branch, person, owner; the owner sees only theirs", async ({ page, browser, request }) => {
  const tag = unique();
  const rep = await createUser(request, ["sales_rep"], `Rep ${tag}`);
  const name = `Kraš ${tag} d.d.`;
  const legalForm = `d.d. ${tag}`;
  const group = `Retail ${tag}`;

  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Lists" }).click();
  await addListItem(page, "Legal forms", `dd_${tag}`, legalForm);
  await addListItem(page, "Partner groups", `retail_${tag}`, group);

  // A tax id with a wrong check digit: the server's field error lands beside the tax id.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Partners" }).click();
  await page.getByTestId("new-partner").click();
  const form = page.getByRole("form", { name: "New partner" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await pick(page, form, "Legal form", legalForm);
  await form.getByRole("textbox", { name: "Tax ID", exact: true }).fill("69435151531");
  await pick(page, form, "Tax ID country", "Croatia (HR)", "Croatia");
  await form.getByRole("textbox", { name: "City", exact: true }).fill("Zagreb");
  await pick(page, form, "Group", group);
  await form.getByRole("button", { name: "Create", exact: true }).click();
  const taxId = form.getByRole("textbox", { name: "Tax ID", exact: true });
  await expect(await fieldError(page, taxId)).toHaveText("The check digit of this tax ID is wrong.");
  await taxId.fill("69435151530");
  await form.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const partnerUrl = page.url();

  // The same name and city again: the warning lists the existing partner and why.
  await page.goto("/partners/new");
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByRole("textbox", { name: "City", exact: true }).fill("Zagreb");
  await form.getByRole("textbox", { name: "City", exact: true }).blur();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("same name and city");
  // Saving is held back until the user decides.
  await form.getByRole("button", { name: "Create", exact: true }).click();
  await expect(warning.getByRole("button", { name: "Create anyway" })).toBeVisible();
  await expect(page).toHaveURL(/\/partners\/new$/);
  await warning.getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(partnerUrl);

  // A branch.
  await page.getByRole("tab", { name: "Branches" }).click();
  await page.getByTestId("new-branch").click();
  const branchDialog = page.getByRole("dialog", { name: "New branch" });
  await branchDialog.getByRole("textbox", { name: "Name", exact: true }).fill(`Poslovnica Split ${tag}`);
  await branchDialog.getByRole("textbox", { name: "City", exact: true }).fill("Split");
  await branchDialog.getByRole("button", { name: "Create" }).click();
  await expect(branchDialog).toBeHidden();
  await expect(page.getByRole("tabpanel", { name: "Branches" }).getByRole("row", { name: /Poslovnica Split/ })).toBeVisible();

  // A person, the partner already filled in; in that branch.
  await page.getByRole("tab", { name: "Persons" }).click();
  await page.getByTestId("new-partner-person").click();
  const personDialog = page.getByRole("dialog", { name: "New person" });
  await expect(personDialog.getByRole("combobox", { name: "Partner", exact: true })).toHaveValue(`${name} (Zagreb)`);
  await personDialog.getByRole("textbox", { name: "First name", exact: true }).fill("Ivana");
  await personDialog.getByRole("textbox", { name: "Last name", exact: true }).fill(`Kovač ${tag}`);
  await pick(page, personDialog, "Branch", /Poslovnica Split/);
  await personDialog.getByRole("button", { name: "Create" }).click();
  await expect(personDialog).toBeHidden();
  await expect(page.getByRole("tabpanel", { name: "Persons" }).getByRole("row", { name: new RegExp(`Ivana Kovač ${tag}`) })).toBeVisible();

  // The sales rep becomes the primary owner.
  await page.getByRole("tab", { name: "Owners" }).click();
  await pick(page, page.getByRole("form", { name: "Change owners" }), "Primary owner", new RegExp(`Rep ${tag}`));
  await page.getByRole("form", { name: "Change owners" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Owners saved.")).toBeVisible();
  await expect(page.getByTestId("owners-primary")).toHaveText(`Rep ${tag}`);

  // The sales rep sees that partner and no other.
  const repContext = await browser.newContext();
  const repPage = await repContext.newPage();
  await login(repPage, rep.email, PASSWORD);
  await repPage.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Partners" }).click();
  const rows = repPage.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText(`Rep ${tag}`);
  await repContext.close();
});

test("lists admin: add, reorder, rename, deactivate, delete", async ({ page }) => {
  const tag = unique();
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/lists?list=tags");
  const panel = page.getByRole("tabpanel", { name: "Tags" });
  for (const n of ["A", "B"]) {
    await panel.getByRole("button", { name: "New item" }).click();
    const d = page.getByRole("dialog", { name: "New item" });
    await d.getByRole("textbox", { name: "Code", exact: true }).fill(`t${n}_${tag}`);
    await d.getByRole("textbox", { name: "Name", exact: true }).fill(`Tag ${n} ${tag}`);
    await d.getByRole("button", { name: "Create" }).click();
    await expect(d).toBeHidden();
  }
  const rows = panel.locator("tbody tr");
  await expect(rows.nth(0)).toContainText(`Tag A ${tag}`);
  await panel.getByRole("button", { name: `Move Tag B ${tag} up` }).click();
  await expect(rows.nth(0)).toContainText(`Tag B ${tag}`);
  await panel.getByRole("button", { name: `Edit Tag A ${tag}` }).click();
  const e = page.getByRole("dialog", { name: "Edit item" });
  await e.getByRole("textbox", { name: "Name", exact: true }).fill(`Tag A2 ${tag}`);
  await e.getByRole("button", { name: "Save" }).click();
  await expect(e).toBeHidden();
  await expect(panel).toContainText(`Tag A2 ${tag}`);
  await panel.getByRole("row", { name: new RegExp(`Tag A2 ${tag}`) }).getByRole("button", { name: "Deactivate" }).click();
  await expect(panel.getByRole("row", { name: new RegExp(`Tag A2 ${tag}`) }).getByRole("button", { name: "Activate" })).toBeVisible();
  await panel.getByRole("button", { name: `Delete Tag A2 ${tag}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(panel).not.toContainText(`Tag A2 ${tag}`);
});

test("partner details save with If-Match and show the 412 dialog; a person's consent needs its source", async ({ page, request }) => {
  const token = await adminToken(request);
  const h = { Authorization: `Bearer ${token}` };
  const p = await (await request.post("/api/v1/partners", { headers: h, data: { name: `Edit ${unique()}`, city: "Osijek" } })).json();
  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/partners/${p.id}`);
  await page.getByRole("textbox", { name: "City", exact: true }).fill("Rijeka");
  await page.getByRole("textbox", { name: "Street", exact: true }).fill("Korzo 1");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  // Someone else saves in between: the next save shows the field-by-field conflict.
  const theirs = await request.patch(`/api/v1/partners/${p.id}`, { headers: { ...h, "If-Match": '"2"' }, data: { city: "Pula" } });
  expect(theirs.status(), await theirs.text()).toBe(200);
  await page.getByRole("textbox", { name: "City", exact: true }).fill("Zadar");
  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("dialog", { name: "Someone else changed this record" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("row", { name: /City/ })).toContainText("Pula");
  await dialog.getByRole("button", { name: "Overwrite with my changes" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "City", exact: true })).toHaveValue("Zadar");
  // A cleared field is saved as empty.
  await page.getByRole("textbox", { name: "Street", exact: true }).fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Street", exact: true })).toHaveValue("");
  // A server field error (emails) lands beside the field.
  await page.getByRole("combobox", { name: "Emails" }).fill("not-an-email");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(await fieldError(page, page.getByRole("combobox", { name: "Emails" }))).toHaveText("Enter a valid email address.");

  // Consent needs to say how it was given, and how it was withdrawn.
  await page.goto("/persons");
  await page.getByTestId("new-person").click();
  const d = page.getByRole("dialog", { name: "New person" });
  await d.getByRole("textbox", { name: "First name", exact: true }).fill("Ana");
  await d.getByRole("textbox", { name: "Last name", exact: true }).fill("Horvat");
  const partnerBox = d.getByRole("combobox", { name: "Partner", exact: true });
  await partnerBox.click();
  await partnerBox.fill(p.name.slice(0, 8));
  await page.getByRole("option", { name: new RegExp(p.name) }).click();
  await d.getByRole("checkbox", { name: "Agrees to receive marketing" }).check();
  await d.getByRole("button", { name: "Create" }).click();
  await expect(d.getByText("This field is required.")).toBeVisible();
  await d.getByRole("textbox", { name: "How was consent given?" }).fill("signed paper");
  await d.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: "Ana Horvat" })).toBeVisible();
  await expect(page.getByTestId("consent-at")).toBeVisible();
  await page.getByRole("checkbox", { name: "Agrees to receive marketing" }).uncheck();
  await page.getByRole("textbox", { name: "How was consent withdrawn?" }).fill("phone call");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Changes saved.").first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Agrees to receive marketing" })).not.toBeChecked();
});
