import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

interface Stage {
  id: string;
  name: string;
  outcome: string;
  probability: number;
}
interface DealType {
  id: string;
  name: string;
  kind: string;
  stages: Stage[];
}

/** Arrange through the API: POST and check the status. */
async function post<T>(request: APIRequestContext, headers: Record<string, string>, url: string, data: unknown, status = 201): Promise<T> {
  const res = await request.post(url, { headers, data });
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

test("deal reports: a pipeline made on the admin screen, forecast against realised by hand, and an exchange rate", async ({ page, request }) => {
  const tag = unique();
  const typeName = `Pipeline ${tag}`;
  await login(page, ADMIN.email, ADMIN.password);
  const nav = page.getByRole("navigation", { name: "Main navigation" });

  // A sale deal type through the admin screen: Lead (25 %, 10 days), Offer (60 %), Won, Lost.
  await nav.getByRole("link", { name: "Deal types", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Deal types" })).toBeVisible();
  await page.getByTestId("new-deal-type").click();
  const dialog = page.getByRole("dialog", { name: "New deal type" });
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(typeName);
  await expect(dialog.getByRole("combobox", { name: "Kind" })).toHaveValue("sale");
  await dialog.getByRole("switch", { name: "Deals may skip stages" }).check();
  await dialog.getByRole("textbox", { name: "Name of stage 1" }).fill("Lead");
  await dialog.getByRole("textbox", { name: "Probability of stage 1" }).fill("25");
  await dialog.getByRole("textbox", { name: "Planned days of stage 1" }).fill("10");
  // The new open stage goes after the last open one; move it up and back down again.
  await dialog.getByTestId("add-stage").click();
  await dialog.getByRole("textbox", { name: "Name of stage 2" }).fill("Offer");
  await dialog.getByRole("button", { name: "Move stage 2 up" }).click();
  await expect(dialog.getByRole("textbox", { name: "Name of stage 1" })).toHaveValue("Offer");
  await dialog.getByRole("button", { name: "Move stage 1 down" }).click();
  await expect(dialog.getByRole("textbox", { name: "Name of stage 2" })).toHaveValue("Offer");
  await dialog.getByRole("textbox", { name: "Probability of stage 2" }).fill("60");
  // A stage too many, removed again; a closing stage first is refused before anything is sent.
  await dialog.getByTestId("add-stage").click();
  await dialog.getByRole("button", { name: "Remove stage 3" }).click();
  await expect(dialog.getByRole("textbox", { name: "Name of stage 4" })).toHaveValue("Lost");
  await expect(dialog.getByRole("textbox", { name: "Name of stage 5" })).toHaveCount(0);
  await dialog.getByRole("combobox", { name: "Outcome of stage 1" }).selectOption("won");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByTestId("stage-problems")).toContainText("Deals start in the first stage, which must be open.");
  await dialog.getByRole("combobox", { name: "Outcome of stage 1" }).selectOption("open");
  await dialog.getByRole("textbox", { name: "Probability of stage 1" }).fill("25");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const typeRow = page.getByRole("row", { name: new RegExp(typeName) });
  await expect(typeRow).toContainText("Lead · 25 %");
  await expect(typeRow).toContainText("Offer · 60 %");
  await expect(typeRow).toContainText("Won · 100 %");
  await expect(typeRow).toContainText("Deals may skip stages");

  // Deals through the API, all closing in May 2031.
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const typesRes = await request.get("/api/v1/deal-types", { headers });
  expect(typesRes.status()).toBe(200);
  const type = ((await typesRes.json()) as DealType[]).find((d) => d.name === typeName);
  expect(type, "the new type is listed by the API").toBeTruthy();
  const stage = (name: string) => type!.stages.find((s) => s.name === name)!;
  expect([stage("Lead").probability, stage("Offer").probability, stage("Won").outcome]).toEqual([25, 60, "won"]);
  const partner = await post<{ id: string }>(request, headers, "/api/v1/partners", { kind: "company", name: `Deal Partner ${tag}`, country: "HR" });
  const deal = (title: string, amount: number, extra: Record<string, unknown> = {}) =>
    post<{ id: string; version: number }>(request, headers, "/api/v1/deals", {
      type_id: type!.id,
      title: `${title} ${tag}`,
      partner_id: partner.id,
      expected_amount: amount,
      currency: "EUR",
      expected_close_on: "2031-05-20",
      ...extra,
    });
  await deal("Lead deal", 100_000); // 1,000.00 at 25 % -> 250.00
  await deal("Offer deal", 40_000, { stage_id: stage("Offer").id }); // 400.00 at 60 % -> 240.00
  const won = await deal("Won deal", 80_000);
  const moved = await request.post(`/api/v1/deals/${won.id}/move`, {
    headers: { ...headers, "If-Match": `"${won.version}"` },
    data: { stage_id: stage("Won").id, realised_amount: 75_000, realised_on: "2031-05-10" },
  });
  expect(moved.status(), await moved.text()).toBe(200);

  // Removing a stage that deals are in is refused (409 stage_in_use) and explained.
  await nav.getByRole("link", { name: "Deal types", exact: true }).click();
  await page.getByRole("row", { name: new RegExp(typeName) }).getByRole("button", { name: "Edit" }).click();
  const editor = page.getByRole("dialog", { name: "Edit deal type" });
  await expect(editor.getByRole("textbox", { name: "Name of stage 2" })).toHaveValue("Offer");
  await editor.getByRole("button", { name: "Remove stage 2" }).click();
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByTestId("deal-type-error")).toContainText("Deals are still in a stage you removed");
  await editor.getByRole("button", { name: "Cancel" }).click();
  await expect(editor).toBeHidden();

  // By hand: open 2, pipeline 1,400.00, weighted 250.00 + 240.00 = 490.00; won 1, realised 750.00.
  await nav.getByRole("link", { name: "Deal reports", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Deal reports" })).toBeVisible();
  const typeBox = page.getByRole("combobox", { name: "Deal type", exact: true });
  await typeBox.click();
  await typeBox.fill(typeName);
  await page.getByRole("option", { name: typeName }).click();
  const table = page.getByRole("table", { name: "Forecast vs realised" });
  const may = table.locator('tr[data-month="2031-05"]');
  await expect(may).toHaveCount(1);
  await expect(may.getByRole("cell")).toHaveText(["May 2031", "2", "€1,400.00", "€490.00", "1", "€750.00"]);
  await expect(table.getByRole("row", { name: /^Total/ })).toContainText("€490.00");
  await expect(page.getByTestId("forecast-chart")).toBeVisible();
  await expect(page.getByRole("img", { name: /Weighted forecast, pipeline and realised per month \(EUR\)/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /May 2031: weighted forecast €490\.00, pipeline €1,400\.00, realised €750\.00/ })).toBeVisible();

  // The stage report of the type: three deals entered the first stage.
  await page.getByRole("tab", { name: "Stage conversion" }).click();
  const stages = page.getByRole("table", { name: "Stage conversion" });
  await expect(stages.getByRole("row", { name: /Lead/ })).toBeVisible();

  // An exchange rate through its screen, then the converter uses it.
  await nav.getByRole("link", { name: "Exchange rates", exact: true }).click();
  const form = page.getByRole("form", { name: "Add an exchange rate" });
  await form.getByRole("textbox", { name: "Currency" }).fill("CHF");
  await form.getByRole("textbox", { name: "Rate" }).fill("1,0633");
  await form.getByRole("button", { name: "Save rate" }).click();
  const rates = page.getByRole("table", { name: "Exchange rates" });
  await expect(rates.getByRole("row", { name: /CHF/ }).first()).toContainText("1.0633");
  const converter = page.getByRole("form", { name: "Converter" });
  await converter.getByRole("textbox", { name: "Currency" }).fill("CHF");
  await converter.getByRole("button", { name: "Convert" }).click();
  await expect(page.getByTestId("conversion")).toContainText("= €106.33");

  // A price list, then a product with its price on it.
  await nav.getByRole("link", { name: "Products", exact: true }).click();
  await page.getByRole("tab", { name: "Price lists" }).click();
  await page.getByTestId("new-price-list").click();
  const listDialog = page.getByRole("dialog", { name: "New price list" });
  await listDialog.getByRole("textbox", { name: "Name" }).fill(`Retail ${tag}`);
  await listDialog.getByRole("button", { name: "Create" }).click();
  await expect(listDialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Price lists" }).getByRole("row", { name: new RegExp(`Retail ${tag}`) })).toContainText("EUR");
  await page.getByRole("tab", { name: "Products" }).click();
  await page.getByTestId("new-product").click();
  const productDialog = page.getByRole("dialog", { name: "New product" });
  await productDialog.getByRole("textbox", { name: "Code" }).fill(`P-${tag}`);
  await productDialog.getByRole("textbox", { name: "Name" }).fill(`Installation ${tag}`);
  await productDialog.getByRole("textbox", { name: `Retail ${tag} (EUR)` }).fill("125,5");
  // The server's field errors show beside their fields.
  await productDialog.getByRole("button", { name: "Create" }).click();
  await expect(productDialog.getByRole("textbox", { name: "Unit" })).toHaveAttribute("aria-invalid", "true");
  await productDialog.getByRole("textbox", { name: "Unit" }).fill("h");
  await productDialog.getByRole("button", { name: "Create" }).click();
  await expect(productDialog).toBeHidden();
  await page.getByRole("searchbox", { name: "Search" }).fill(`P-${tag}`);
  const productRow = page.getByRole("table", { name: "Products and price lists" }).getByRole("row", { name: new RegExp(`Installation ${tag}`) });
  await expect(productRow).toContainText("25 %");
  await productRow.getByRole("button", { name: "Edit" }).click();
  await expect(page.getByRole("dialog", { name: "Edit product" }).getByRole("textbox", { name: `Retail ${tag} (EUR)` })).toHaveValue("125.50");
});
