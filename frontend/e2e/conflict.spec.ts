import { expect, test } from "@playwright/test";
import { ADMIN, createUser, login } from "./helpers";

test("two people edit the same user: the second save shows a field-by-field 412 conflict", async ({ browser, request }) => {
  const target = await createUser(request, ["viewer"]);
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await login(alice, ADMIN.email, ADMIN.password);
  await login(bob, ADMIN.email, ADMIN.password);
  await alice.goto(`/users/${target.id}`);
  await bob.goto(`/users/${target.id}`);
  await expect(alice.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(target.name);
  await expect(bob.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(target.name);

  await alice.getByRole("textbox", { name: "Name", exact: true }).fill("Alice was here");
  await alice.getByRole("button", { name: "Save" }).click();
  await expect(alice.getByText("Changes saved.")).toBeVisible();

  await bob.getByRole("textbox", { name: "Name", exact: true }).fill("Bob was here");
  await bob.getByRole("button", { name: "Save" }).click();
  const dialog = bob.getByRole("dialog", { name: "Someone else changed this record" });
  await expect(dialog).toBeVisible();
  const row = dialog.getByRole("row", { name: /Name/ });
  await expect(row).toContainText("Alice was here");
  await expect(row).toContainText("Bob was here");

  await dialog.getByRole("button", { name: "Overwrite with my changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(bob.getByText("Changes saved.")).toBeVisible();
  await alice.reload();
  await expect(alice.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Bob was here");

  // The other way out: reload drops my edit and shows theirs.
  await alice.getByRole("textbox", { name: "Name", exact: true }).fill("Alice again");
  await alice.getByRole("button", { name: "Save" }).click();
  await expect(alice.getByText("Changes saved.")).toBeVisible();
  await bob.getByRole("textbox", { name: "Name", exact: true }).fill("Bob again");
  await bob.getByRole("button", { name: "Save" }).click();
  await bob.getByRole("button", { name: "Reload (drop my changes)" }).click();
  await expect(bob.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Alice again");
});
