import { expect, test } from "@playwright/test";
import { createUser, login, PASSWORD, unique } from "./helpers";

test("tasks: a deadline due soon rings the bell", async ({ page, request }) => {
  // The worker scans for due deadlines once a minute: allow for a whole scan interval and then some.
  test.setTimeout(150_000);
  const tag = unique();
  // A fresh user, so the badge counts only this test's alarm.
  const user = await createUser(request, ["viewer"], `Bell ${tag}`);
  await login(page, user.email, PASSWORD);
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);

  await page.getByTestId("nav-tasks").click();
  const form = page.getByRole("form", { name: "New task" });
  await form.getByRole("textbox", { name: "Task" }).fill(`Call back ${tag}`);
  // Default due time is an hour away; 30 minutes is well inside the 60-minute warning window.
  const due = new Date(Date.now() + 30 * 60_000);
  const p = (n: number) => String(n).padStart(2, "0");
  await form.getByLabel("Due").fill(`${due.getFullYear()}-${p(due.getMonth() + 1)}-${p(due.getDate())}T${p(due.getHours())}:${p(due.getMinutes())}`);
  await form.getByRole("button", { name: "Add task" }).click();
  const row = page.getByTestId("task-list").getByRole("row").filter({ hasText: `Call back ${tag}` });
  await expect(row).toBeVisible();
  await expect(row).not.toHaveAttribute("data-overdue");

  // The badge is pushed over the notification stream: no reload.
  await expect(page.getByTestId("unread-badge")).toHaveText("1", { timeout: 90_000 });
  await page.getByTestId("notification-bell").click();
  const item = page.getByTestId("notification-popover").getByTestId("notification-item").first();
  await expect(item).toHaveAttribute("data-unread", "true");
  await item.click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);

  // Marking it done takes it off the list.
  await row.getByRole("button", { name: "Done" }).click();
  await expect(row).toHaveCount(0);
});
