import { expect, test } from "@playwright/test";
import { ADMIN, adminToken, login, unique } from "./helpers";

test("attachments: upload a small text file to a partner and see it listed", async ({ page, request }) => {
  const tag = unique();
  const token = await adminToken(request);
  const res = await request.post("/api/v1/partners", { headers: { Authorization: `Bearer ${token}` }, data: { name: `Files Partner ${tag}` } });
  expect(res.status(), await res.text()).toBe(201);
  const partner = (await res.json()) as { id: string };

  await login(page, ADMIN.email, ADMIN.password);
  await page.goto(`/partners/${partner.id}`);
  await page.getByRole("tab", { name: "Attachments" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("upload-attachment").click();
  await (await chooser).setFiles({ name: `offer-${tag}.txt`, mimeType: "text/plain", buffer: Buffer.from("Offer for 2027\n") });
  const table = page.getByRole("table", { name: "Attachments" });
  const row = table.getByRole("row").filter({ hasText: `offer-${tag}.txt` });
  await expect(row).toBeVisible();
  await expect(row).toContainText("15 B");
  await expect(row).toContainText("text/plain");

  // Download goes through the API client (bearer token) and saves the blob.
  const download = page.waitForEvent("download");
  await row.getByRole("button", { name: `offer-${tag}.txt`, exact: true }).click();
  expect((await download).suggestedFilename()).toBe(`offer-${tag}.txt`);

  // Delete with confirmation.
  await row.getByRole("button", { name: `Delete offer-${tag}.txt` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("No files yet.")).toBeVisible();
});
