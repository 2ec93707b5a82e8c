import { Button, Checkbox, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  columns: { key: string; header: string }[];
  visible: string[];
  onChange: (visible: string[]) => void;
}

export function ColumnChooser({ columns, visible, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default">
          {t("table.columns")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {columns.map((c) => (
          <Menu.Item key={c.key} component="div">
            <Checkbox
              size="xs"
              label={c.header}
              checked={visible.includes(c.key)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const next = on ? columns.map((x) => x.key).filter((k) => k === c.key || visible.includes(k)) : visible.filter((k) => k !== c.key);
                if (next.length > 0) onChange(next);
              }}
            />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
