import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../../lib/auth/auth-context";

export function UserMenu() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const name = auth.user?.name ?? "";
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={t("shell.userMenu")} data-testid="user-menu">
          <Avatar radius="xl" size="sm" color="blue">
            {name.slice(0, 1).toUpperCase() || "?"}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {name}
          </Text>
          <Text size="xs">{auth.user?.email}</Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t("shell.account")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          data-testid="logout"
          onClick={() => void auth.logout().then(() => navigate("/login", { replace: true }))}
        >
          {t("shell.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
