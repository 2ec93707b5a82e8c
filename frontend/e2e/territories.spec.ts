import { expect, test } from "@playwright/test";
import { ADMIN, login, unique } from "./helpers";

test("territories: add a root and a child, edit it, and deleting a parent explains the 409", async ({ page }) => {
  const tag = unique();
  const root = `Region ${tag}`;
  const child = `County ${tag}`;
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Territories" }).click();
  await expect(page.getByText("relocate partners and reassign their owners in the background")).toBeVisible();

  await page.getByTestId("new-territory").click();
  let dialog = page.getByRole("dialog", { name: "New territory" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(root);
  const countries = dialog.getByRole("combobox", { name: "Countries" });
  await countries.fill("pl");
  await countries.press("Enter");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const rootItem = page.getByRole("treeitem", { name: root });
  await expect(rootItem).toContainText("PL");

  // A child, under the root, with a postal code range.
  await rootItem.getByRole("button", { name: "Add under" }).click();
  dialog = page.getByRole("dialog", { name: "New territory" });
  await expect(dialog).toContainText(`Under: ${root}`);
  await dialog.getByRole("textbox", { name: "Name" }).fill(child);
  const postal = dialog.getByRole("combobox", { name: "Postal codes" });
  await postal.fill("00-001..00-999");
  await postal.press("Enter");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const childItem = page.getByRole("treeitem", { name: child });
  await expect(childItem).toHaveAttribute("aria-level", "2");
  await expect(childItem).toContainText("00-001..00-999");

  // A bad postal code is refused beside its field.
  await childItem.getByRole("button", { name: "Edit" }).click();
  dialog = page.getByRole("dialog", { name: "Edit territory" });
  const edit = dialog.getByRole("combobox", { name: "Postal codes" });
  await edit.fill("20000-10000");
  await edit.press("Enter");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(edit).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Use a prefix (21) or a range of codes of one length (10000-10999).")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Rename it.
  await childItem.getByRole("button", { name: "Edit" }).click();
  dialog = page.getByRole("dialog", { name: "Edit territory" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(`${child} renamed`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("treeitem", { name: `${child} renamed` })).toBeVisible();

  // The parent cannot go while the child is under it.
  await rootItem.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("territory-error")).toContainText("Territories lie under this one");
  await expect(rootItem).toBeVisible();

  // Child first, then the parent.
  await page.getByRole("treeitem", { name: `${child} renamed` }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("treeitem", { name: `${child} renamed` })).toHaveCount(0);
  await rootItem.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete" }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("treeitem", { name: root })).toHaveCount(0);
});
