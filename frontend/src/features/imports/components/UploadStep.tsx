import { Button, FileInput, Group, Paper, Select, Stack } from "@mantine/core";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { DELIMITERS, ENCODINGS, type ImportEntity, type ImportOptions } from "../model/imports";

interface Props {
  entities: ImportEntity[];
  options: ImportOptions;
  onOptions: (o: ImportOptions) => void;
  file: File | null;
  onFile: (f: File | null) => void;
  busy: boolean;
  onNext: () => void;
}

const DETECT = "detect";

/** Step 1: what is imported, the file, and how to read it ("detect" unless told). */
export function UploadStep({ entities, options, onOptions, file, onFile, busy, onNext }: Props) {
  const { t } = useTranslation();
  const delimiterLabel = (d: string) => (d === "tab" ? t("imports.delimiters.tab") : d === ";" ? t("imports.delimiters.semicolon") : t("imports.delimiters.comma"));
  return (
    <Paper withBorder p="md">
      <Stack>
        <Select
          label={t("imports.entity")}
          data-testid="import-entity"
          data={entities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
          value={options.entity}
          allowDeselect={false}
          onChange={(v) => v && onOptions({ ...options, entity: v as ImportEntity })}
        />
        <FileInput
          label={t("imports.file")}
          placeholder={t("imports.filePlaceholder")}
          accept=".csv,.txt,text/csv,text/plain"
          value={file}
          onChange={onFile}
          clearable
          fileInputProps={{ "data-testid": "import-file" } as ComponentProps<"input">}
        />
        <Group grow>
          <Select
            label={t("imports.encoding")}
            data={[{ value: DETECT, label: t("imports.detect") }, ...ENCODINGS.map((e) => ({ value: e, label: e }))]}
            value={options.encoding || DETECT}
            allowDeselect={false}
            onChange={(v) => onOptions({ ...options, encoding: !v || v === DETECT ? "" : v })}
          />
          <Select
            label={t("imports.delimiter")}
            data={[{ value: DETECT, label: t("imports.detect") }, ...DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(d) }))]}
            value={options.delimiter || DETECT}
            allowDeselect={false}
            onChange={(v) => onOptions({ ...options, delimiter: !v || v === DETECT ? "" : v })}
          />
        </Group>
        <Group justify="flex-end">
          <Button onClick={onNext} disabled={!file} loading={busy} data-testid="import-next">
            {t("imports.next")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
