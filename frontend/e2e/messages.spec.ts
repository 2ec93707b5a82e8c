import { expect, test } from "@playwright/test";
import { ADMIN, createUser, login, PASSWORD, unique } from "./helpers";

test("messages and announcements: an admin writes to a new colleague and pins an announcement; the colleague reads, replies and marks it read", async ({
  page,
  request,
  browser,
}) => {
  const tag = unique();
  const subject = `Welcome aboard ${tag}`;
  const headline = `Office closed on Friday ${tag}`;
  const user = await createUser(request, ["viewer"], `Mira ${tag}`);

  // The admin sends a message from the UI.
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByTestId("nav-messages").click();
  await page.getByTestId("compose-message").click();
  const compose = page.getByRole("dialog", { name: "New message" });
  await compose.getByLabel("To users").fill(user.name);
  await page.getByRole("option", { name: new RegExp(user.name) }).click();
  await compose.getByRole("textbox", { name: "Subject" }).fill(subject);
  await compose.getByRole("textbox", { name: "Message" }).fill("Your desk is by the window.");
  await compose.getByRole("button", { name: "Send" }).click();
  await expect(compose).toHaveCount(0);
  await page.getByRole("tab", { name: "Sent" }).click();
  await expect(page.getByTestId("message-list")).toContainText(subject);

  // ...and publishes a pinned announcement.
  await page.getByTestId("nav-announcements").click();
  await page.getByTestId("new-announcement").click();
  const editor = page.getByRole("dialog", { name: "New announcement" });
  await editor.getByRole("textbox", { name: "Title" }).fill(headline);
  await editor.getByRole("textbox", { name: "Text" }).fill("The building is closed for maintenance.");
  await editor.getByRole("checkbox", { name: "Pin to the top" }).check();
  await editor.getByRole("button", { name: "Publish" }).click();
  const adminRow = page.getByTestId("announcement-list").getByRole("row").filter({ hasText: headline });
  await expect(adminRow).toContainText("Current");
  await expect(adminRow.getByRole("img", { name: "Pinned" })).toBeVisible();

  // The colleague logs in (a browser of their own) and sees one unread message in the menu.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await login(colleague, user.email, PASSWORD);

  // The pinned announcement is on the home page, unread until marked.
  const card = colleague.getByTestId("announcement").filter({ hasText: headline });
  await expect(card).toHaveAttribute("data-unread", "true");
  await expect(card).toHaveAttribute("data-pinned", "true");
  await expect(card.getByRole("img", { name: "Pinned" })).toBeVisible();
  await card.getByRole("button", { name: "Mark as read" }).click();
  await expect(card).not.toHaveAttribute("data-unread");
  await expect(card.getByRole("button", { name: "Mark as read" })).toHaveCount(0);

  await expect(colleague.getByTestId("messages-unread")).toHaveText("1");
  await colleague.getByTestId("nav-messages").click();
  const row = colleague.getByTestId("message-list").getByRole("row").filter({ hasText: subject });
  await expect(row).toHaveAttribute("data-unread", "true");
  await row.getByRole("link", { name: subject }).click();
  await expect(colleague.getByRole("heading", { name: subject })).toBeVisible();
  await expect(colleague.getByTestId("message-thread")).toContainText("Your desk is by the window.");
  // Opening the thread read it: the menu's count is gone.
  await expect(colleague.getByTestId("messages-unread")).toHaveCount(0);

  const reply = colleague.getByRole("form", { name: "Reply" });
  await reply.getByRole("textbox", { name: "Reply" }).fill("Thank you, see you Monday.");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(colleague.getByTestId("thread-message")).toHaveCount(2);
  await expect(colleague.getByTestId("message-thread")).toContainText("Thank you, see you Monday.");
  await other.close();

  // The admin sees who read the announcement, and the reply in the inbox.
  await page.reload();
  await adminRow.getByRole("button", { name: "Readers: 1" }).click();
  await expect(page.getByTestId("announcement-readers")).toContainText(user.name);
  await page.keyboard.press("Escape");
  await page.getByTestId("nav-messages").click();
  await expect(page.getByTestId("message-list").getByRole("row").filter({ hasText: `Re: ${subject}` })).toHaveAttribute("data-unread", "true");

  // Taking the announcement down (behind the confirm dialog) keeps later specs' home page as it was.
  await page.getByTestId("nav-announcements").click();
  await adminRow.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete" }).getByRole("button", { name: "Delete" }).click();
  await expect(adminRow).toHaveCount(0);
});
