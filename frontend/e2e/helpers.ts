import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@example.com", password: "e2e-Admin-Passw0rd" };
export const PASSWORD = "e2e-User-Passw0rd-1";

/** A unique suffix so tests never collide on emails or names within one database. */
export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(Email|E-pošta|Adres e-mail|E-mail)/).fill(email);
  await page.getByLabel(/^(Password|Lozinka|Hasło|Parolă)/).fill(password);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

export async function adminToken(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/v1/auth/login", { data: ADMIN });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  version: number;
}

/** Arrange step through the API (the UI path is tested on its own). */
export async function createUser(request: APIRequestContext, roles: string[], name = `User ${unique()}`): Promise<CreatedUser> {
  const token = await adminToken(request);
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`;
  const res = await request.post("/api/v1/users", {
    headers: { Authorization: `Bearer ${token}` },
    data: { email, name, password: PASSWORD, roles, locale: "en" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CreatedUser;
}
