import { expect, test } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

test("outbox: an email to a partner goes out and shows as sent", async ({ page, request }) => {
  const tag = unique();
  const token = await adminToken(request);
  const res = await request.post("/api/v1/partners", { headers: { Authorization: `Bearer ${token}` }, data: { name: `Mail Partner ${tag}` } });
  expect(res.status(), await res.text()).toBe(201);

  await login(page, ADMIN.email, ADMIN.password);
  await page.getByTestId("nav-outbox").click();
  await page.getByTestId("send-email").click();
  const form = page.getByRole("form", { name: "Send email" });
  await form.getByRole("textbox", { name: "To" }).fill(`buyer.${tag}@example.com`);
  await form.getByRole("textbox", { name: "Subject" }).fill(`Offer ${tag}`);
  await form.getByRole("textbox", { name: "Message" }).fill("Please find our offer below.");
  await form.getByRole("combobox", { name: "Partner" }).fill(`Mail Partner ${tag}`);
  await page.getByRole("option", { name: `Mail Partner ${tag}` }).click();
  await form.getByRole("button", { name: "Send", exact: true }).click();
  await expect(form).toBeHidden();

  // The list refreshes itself while the message is queued or sending.
  const row = page.getByRole("row").filter({ hasText: `Offer ${tag}` });
  await expect(row.getByTestId("email-status")).toHaveText("Sent", { timeout: 30_000 });
  await row.click();
  const detail = page.getByTestId("email-detail");
  await expect(detail).toContainText(`buyer.${tag}@example.com`);
  await expect(detail).toContainText(`Mail Partner ${tag}`);
  await expect(detail).toContainText("Please find our offer below.");
});

test("jobs: the admin sees a mailing's fan-out job done, with its progress", async ({ page, request }) => {
  // Emails themselves go out through the outbox pump, not as jobs; a mailing is fanned out by a job.
  const tag = unique();
  const token = await adminToken(request);
  const h = { Authorization: `Bearer ${token}` };
  const person = await request.post("/api/v1/persons", {
    headers: h,
    data: { first_name: "Jana", last_name: `Job ${tag}`, emails: [`jana.${tag}@example.com`], marketing_consent: true, consent_source: "form" },
  });
  expect(person.status(), await person.text()).toBe(201);
  const tpl = await request.post("/api/v1/email-templates", {
    headers: h,
    data: { key: `jobs_${tag}`, language: "en", name: `Jobs ${tag}`, purpose: "transactional", subject: "Hi {{ person.first_name }}", text: "Hello." },
  });
  expect(tpl.status(), await tpl.text()).toBe(201);
  const mailing = await request.post("/api/v1/mailings", {
    headers: h,
    data: { template_key: `jobs_${tag}`, person_ids: [((await person.json()) as { id: string }).id] },
  });
  expect(mailing.status(), await mailing.text()).toBe(202);

  await login(page, ADMIN.email, ADMIN.password);
  await page.getByTestId("nav-jobs").click();
  await page.getByRole("textbox", { name: "Kind" }).fill("mailing.fan_out");
  // The list refreshes itself while the job is queued or running.
  const row = page.getByRole("row").filter({ has: page.getByText("mailing.fan_out") }).first();
  await expect(row.getByTestId("job-status")).toHaveText("Done", { timeout: 30_000 });
  await expect(row.getByRole("progressbar")).toBeVisible();
  await expect(row).toContainText("1 / 1");
  // Neither retry nor cancel applies to a finished job.
  await expect(row.getByRole("button", { name: "Retry" })).toBeDisabled();
  await expect(row.getByRole("button", { name: "Cancel job" })).toBeDisabled();

  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Done" }).click();
  await expect(row.getByTestId("job-status")).toHaveText("Done");
});

test("partner page: send email opens prefilled with the partner and its address", async ({ page, request }) => {
  const tag = unique();
  const token = await adminToken(request);
  const res = await request.post("/api/v1/partners", {
    headers: { Authorization: `Bearer ${token}` },
    data: { name: `Prefill Partner ${tag}`, emails: [`office.${tag}@example.com`] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const partner = (await res.json()) as { id: string };

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/partners/${partner.id}?tab=activities`);
  await page.getByTestId("send-email").click();
  const form = page.getByRole("form", { name: "Send email" });
  await expect(form.getByRole("textbox", { name: "To" })).toHaveValue(`office.${tag}@example.com`);
  await expect(form.getByRole("combobox", { name: "Partner" })).toHaveValue(`Prefill Partner ${tag}`);
  await form.getByRole("textbox", { name: "Subject" }).fill(`Hello ${tag}`);
  await form.getByRole("textbox", { name: "Message" }).fill("Hello from the partner page.");
  await form.getByRole("button", { name: "Send", exact: true }).click();
  await expect(form).toBeHidden();
  // Once sent, the mail is logged on the partner's timeline.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("activity-timeline")).toContainText(`Hello ${tag}`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});
