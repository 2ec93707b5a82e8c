import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, PASSWORD, adminToken, createUser, login, unique } from "./helpers";

interface Stage {
  id: string;
  name: string;
  outcome: string;
}
interface Deal {
  id: string;
  version: number;
  title: string;
  stage_id: string;
  status: string;
  realised_amount?: number | null;
}

async function post<T>(request: APIRequestContext, headers: Record<string, string>, url: string, data: unknown, status = 201): Promise<T> {
  const res = await request.post(url, { headers, data });
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

test("deals board: a sales rep drags deals between stages, wins one, and meets a conflict", async ({ page, request }) => {
  const tag = unique();
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };

  // Arrange through the API: a pipeline, a rep who owns a partner, and three of the rep's deals in the first stage.
  const type = await post<{ id: string; stages: Stage[] }>(request, headers, "/api/v1/deal-types", {
    kind: "sale",
    name: `Board ${tag}`,
    stages: [
      { name: "Contact", planned_days: 10, probability: 20, outcome: "open" },
      { name: "Offer", planned_days: 10, probability: 60, outcome: "open" },
      { name: "Won", probability: 100, outcome: "won" },
      { name: "Lost", probability: 0, outcome: "lost" },
    ],
  });
  const stage = (name: string) => type.stages.find((s) => s.name === name)!;
  const rep = await createUser(request, ["sales_rep"], `Deal Rep ${tag}`);
  const partner = await post<{ id: string }>(request, headers, "/api/v1/partners", { name: `Board Partner ${tag}` });
  const owners = await request.put(`/api/v1/partners/${partner.id}/owners`, { headers, data: { primary_id: rep.id } });
  expect(owners.status(), await owners.text()).toBe(200);
  const deal = (title: string, amount: number) =>
    post<Deal>(request, headers, "/api/v1/deals", {
      type_id: type.id,
      title: `${title} ${tag}`,
      partner_id: partner.id,
      owner_id: rep.id,
      expected_amount: amount,
      currency: "EUR",
    });
  const first = await deal("Crane", 150_000);
  const second = await deal("Forklift", 90_000);
  const third = await deal("Shelves", 20_000);

  // As the rep: the menu leads to the deals, the list to the board of this pipeline.
  await login(page, rep.email, PASSWORD);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Deals", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Deals", exact: true })).toBeVisible();
  await page.goto(`/deals/board?type_id=${type.id}`);
  const column = (name: string) => page.getByTestId(`board-column-${stage(name).id}`);
  const card = (d: Deal) => page.getByTestId(`deal-card-${d.id}`);
  await expect(column("Contact").getByTestId(`deal-card-${first.id}`)).toBeVisible();
  await expect(column("Contact").getByTestId("column-count")).toHaveText("3");
  await expect(column("Contact").getByTestId("column-amount")).toHaveText("€2,600.00");
  await expect(card(first)).toContainText(`Board Partner ${tag}`);
  await expect(card(first)).toContainText("€1,500.00");

  // Drag the first deal to the second column: it arrives, the sums follow, and it stays there after a reload.
  await card(first).dragTo(column("Offer"));
  await expect(column("Offer").getByTestId(`deal-card-${first.id}`)).toBeVisible();
  await expect(column("Contact").getByTestId(`deal-card-${first.id}`)).toHaveCount(0);
  await expect(column("Offer").getByTestId("column-count")).toHaveText("1");
  await expect(column("Offer").getByTestId("column-amount")).toHaveText("€1,500.00");
  await page.reload();
  await expect(column("Offer").getByTestId(`deal-card-${first.id}`)).toBeVisible();
  await expect(column("Contact").getByTestId("column-count")).toHaveText("2");

  // Drag the second deal to Won: the realised value is asked for first, then it is won.
  await card(second).dragTo(column("Won"));
  const won = page.getByRole("dialog", { name: "Won: Won" });
  await expect(won).toBeVisible();
  const realised = won.getByRole("textbox", { name: /Realised value/ });
  await expect(realised).toHaveValue("900");
  await realised.fill("875.50");
  await won.getByRole("button", { name: "Move" }).click();
  await expect(won).toBeHidden();
  await expect(column("Won").getByTestId(`deal-card-${second.id}`)).toContainText("€875.50");
  const afterWin = (await (await request.get(`/api/v1/deals/${second.id}`, { headers })).json()) as Deal;
  expect([afterWin.status, afterWin.stage_id, afterWin.realised_amount]).toEqual(["won", stage("Won").id, 87_550]);

  // Someone changes the third deal behind the board's back: the drag is refused with a clear message and the
  // board reloads (showing their title), the card staying where it was.
  const changed = await request.patch(`/api/v1/deals/${third.id}`, {
    headers: { ...headers, "If-Match": `"${third.version}"` },
    data: { title: `Shelves renamed ${tag}` },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await card(third).dragTo(column("Offer"));
  await expect(page.getByTestId("board-conflict")).toContainText("Someone else changed");
  await expect(column("Contact").getByTestId(`deal-card-${third.id}`)).toContainText(`Shelves renamed ${tag}`);
  await expect(column("Offer").getByTestId(`deal-card-${third.id}`)).toHaveCount(0);
  const untouched = (await (await request.get(`/api/v1/deals/${third.id}`, { headers })).json()) as Deal;
  expect(untouched.stage_id).toBe(stage("Contact").id);

  // With the fresh version the same drag goes through.
  await card(third).dragTo(column("Offer"));
  await expect(column("Offer").getByTestId(`deal-card-${third.id}`)).toBeVisible();
});

test("deal page: create a deal, move it, lines with totals, an edit conflict, cancel and reopen, bulk reassign", async ({ page, request }) => {
  const tag = unique();
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const type = await post<{ id: string; stages: Stage[] }>(request, headers, "/api/v1/deal-types", {
    kind: "sale",
    name: `Page ${tag}`,
    stages: [
      { name: "Contact", planned_days: 10, probability: 20, outcome: "open" },
      { name: "Offer", planned_days: 10, probability: 60, outcome: "open" },
      { name: "Won", probability: 100, outcome: "won" },
      { name: "Lost", probability: 0, outcome: "lost" },
    ],
  });
  const stage = (name: string) => type.stages.find((s) => s.name === name)!;
  const partnerName = `Page Partner ${tag}`;
  await post(request, headers, "/api/v1/partners", { name: partnerName });
  const rep = await createUser(request, ["sales_rep"], `Other Rep ${tag}`);

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/deals/new?type_id=${type.id}`);
  const form = page.getByRole("form", { name: "New deal" });
  await form.getByRole("textbox", { name: /^Title/ }).fill(`Warehouse ${tag}`);
  await form.getByRole("combobox", { name: "Partner" }).fill(partnerName);
  await page.getByRole("option", { name: partnerName }).click();
  await form.getByRole("textbox", { name: /^Expected value/ }).fill("1500");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: `Warehouse ${tag}` })).toBeVisible();
  await expect(page.getByTestId("deal-amount")).toContainText("€1,500.00");
  await expect(page.getByTestId("deal-partner")).toHaveText(partnerName);
  await expect(page.getByTestId(`stage-${stage("Contact").id}`)).toHaveAttribute("aria-current", "step");
  const dealId = page.url().split("/").pop()!;

  // Move on through the stage bar; the history and the timeline show it.
  await page.getByTestId(`stage-${stage("Offer").id}`).click();
  await expect(page.getByTestId(`stage-${stage("Offer").id}`)).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("stage-history")).toContainText("Contact");
  await expect(page.getByTestId("deal-timeline")).toContainText("Moved from Contact to Offer");

  // A line: 3 h at 40.00 less 10 % -> 108.00, the total follows and the server agrees.
  const lines = page.getByTestId("deal-lines");
  await lines.getByRole("button", { name: "Add line" }).click();
  await lines.getByRole("textbox", { name: "Description, line 1" }).fill("Installation");
  await lines.getByRole("textbox", { name: "Quantity, line 1" }).fill("3");
  await lines.getByRole("textbox", { name: "Unit price, line 1" }).fill("40");
  await lines.getByRole("textbox", { name: "Discount, line 1" }).fill("10");
  await expect(lines.getByTestId("line-net-1")).toHaveText("€108.00");
  await expect(lines.getByTestId("lines-total")).toHaveText("€108.00");
  await lines.getByRole("button", { name: "Save lines" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByTestId("deal-lines").getByTestId("lines-total")).toHaveText("€108.00");
  const saved = (await (await request.get(`/api/v1/deals/${dealId}`, { headers })).json()) as Deal & { lines_total: number };
  expect(saved.lines_total).toBe(10_800);

  // Someone renames it meanwhile: my save meets the conflict dialog; reloading shows theirs.
  const theirs = await request.patch(`/api/v1/deals/${dealId}`, {
    headers: { ...headers, "If-Match": `"${saved.version}"` },
    data: { title: `Theirs ${tag}` },
  });
  expect(theirs.status(), await theirs.text()).toBe(200);
  const edit = page.getByRole("form", { name: "Edit deal" });
  await edit.getByRole("textbox", { name: /^Title/ }).fill(`Mine ${tag}`);
  await edit.getByRole("button", { name: "Save" }).click();
  const conflict = page.getByRole("dialog", { name: "Someone else changed this record" });
  await expect(conflict).toContainText(`Theirs ${tag}`);
  await conflict.getByRole("button", { name: "Reload (drop my changes)" }).click();
  await expect(page.getByRole("heading", { name: `Theirs ${tag}` })).toBeVisible();

  // Cancel with a reason, then reopen.
  await page.getByTestId("deal-cancel").click();
  const cancel = page.getByRole("dialog", { name: "Cancel the deal" });
  await cancel.getByRole("textbox", { name: /^Reason/ }).fill("Budget frozen");
  await cancel.getByRole("button", { name: "Cancel deal" }).click();
  await expect(page.getByTestId("deal-status")).toHaveText("Cancelled");
  await page.getByTestId("deal-reopen").click();
  await expect(page.getByTestId("deal-status")).toHaveText("Open");

  // Lost asks for the reason.
  await page.getByTestId(`stage-${stage("Lost").id}`).click();
  const lost = page.getByRole("dialog", { name: "Lost: Lost" });
  await lost.getByRole("button", { name: "Move" }).click();
  await expect(lost.getByText("This field is required.")).toBeVisible();
  await lost.getByRole("textbox", { name: /^Reason/ }).fill("Went with a competitor");
  await lost.getByRole("button", { name: "Move" }).click();
  await expect(page.getByTestId("deal-status")).toHaveText("Lost");

  // Log a call on the deal and send an email from a template: both land on the deal's timeline.
  await post(request, headers, "/api/v1/email-templates", {
    key: `deal_${tag}`,
    language: "en",
    name: `Deal mail ${tag}`,
    purpose: "transactional",
    subject: `Offer ${tag}`,
    text: "Hello.",
  });
  const log = page.getByRole("form", { name: "Log activity" });
  await log.getByRole("textbox", { name: "Subject", exact: true }).fill(`Call about the offer ${tag}`);
  await log.getByRole("button", { name: "Log activity" }).click();
  await expect(page.getByTestId("deal-timeline")).toContainText(`Call about the offer ${tag}`);
  await page.getByTestId("deal-send-email").click();
  const mail = page.getByRole("dialog", { name: "Send email" });
  await mail.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: new RegExp(`Deal mail ${tag}`) }).click();
  await mail.getByRole("textbox", { name: "Other addresses" }).fill(`buyer.${tag}@example.com`);
  await mail.getByRole("button", { name: "Send" }).click();
  await expect(mail).toBeHidden();
  await expect(page.getByTestId("deal-timeline")).toContainText(`Offer ${tag}`);

  // The list finds it; select it and hand it to the other rep.
  await page.goto("/deals");
  await page.getByRole("textbox", { name: "Search" }).fill(`Theirs ${tag}`);
  const row = page.getByRole("row", { name: new RegExp(`Theirs ${tag}`) });
  await expect(row).toContainText("Lost");
  await expect(row).toContainText("€1,500.00");
  await row.getByTestId(`select-deal-${dealId}`).check();
  const bulk = page.getByTestId("deals-bulk");
  await bulk.getByRole("combobox", { name: "New owner" }).click();
  await page.getByRole("option", { name: rep.name }).click();
  await bulk.getByTestId("bulk-reassign").click();
  await expect(page.getByText("Deals changed: 1.")).toBeVisible();
  const after = (await (await request.get(`/api/v1/deals/${dealId}`, { headers })).json()) as { owner_id: string };
  expect(after.owner_id).toBe(rep.id);
});
