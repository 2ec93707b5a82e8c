import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MappingSuggestion } from "../../../lib/api/types";
import {
  duplicateTargets,
  matchOnChoices,
  missingRequired,
  ON_DUPLICATE,
  type ImportOptions,
  type MappingState,
  type MatchOn,
  type OnDuplicate,
} from "../model/imports";
import { TemplatesBar } from "./TemplatesBar";

interface Props {
  suggestion: MappingSuggestion;
  options: ImportOptions;
  onOptions: (o: ImportOptions) => void;
  mapping: MappingState;
  onMapping: (m: MappingState) => void;
  /** Server field errors per header (`mapping.<header>`) and the rest. */
  errors: { byHeader: Record<string, string>; general: string[] };
  busy: boolean;
  onBack: () => void;
  onStart: (dryRun: boolean) => void;
}

const SKIP = "__skip__";
const SAMPLE_ROWS = 5;

/** Step 2: a field for every column, sample rows, saved templates, duplicate handling; dry run or import. */
export function MappingStep({ suggestion, options, onOptions, mapping, onMapping, errors, busy, onBack, onStart }: Props) {
  const { t } = useTranslation();
  const fieldLabel = (name: string) => {
    const f = suggestion.fields.find((x) => x.name === name);
    if (!f) return name;
    return name.startsWith("custom_fields.") ? f.label : t(`fields.${name}`, { defaultValue: f.label });
  };
  const fieldOptions = [
    { value: SKIP, label: t("imports.doNotImport") },
    ...suggestion.fields.map((f) => ({ value: f.name, label: f.required ? `${fieldLabel(f.name)} *` : fieldLabel(f.name) })),
  ];
  const required = suggestion.fields.filter((f) => f.required).map((f) => f.name);
  const multiple = suggestion.fields.filter((f) => f.multiple).map((f) => f.name);
  const missing = missingRequired(mapping, required);
  const doubled = duplicateTargets(mapping, multiple);
  const sample = suggestion.sample.slice(0, SAMPLE_ROWS);
  const valid = missing.length === 0 && doubled.length === 0;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Title order={4}>{t("imports.mappingTitle")}</Title>
            <Text size="sm" c="dimmed">
              {t("imports.detected", { encoding: suggestion.encoding, delimiter: suggestion.delimiter === "\t" ? "tab" : suggestion.delimiter })}
            </Text>
          </Group>
          <TemplatesBar entity={options.entity} headers={suggestion.headers} fields={suggestion.fields.map((f) => f.name)} mapping={mapping} onApply={onMapping} />
          <Table.ScrollContainer minWidth={600}>
            <Table data-testid="import-mapping" striped verticalSpacing="xs">
              <caption className="visually-hidden">{t("imports.mappingTitle")}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("imports.column")}</Table.Th>
                  <Table.Th scope="col">{t("imports.field")}</Table.Th>
                  <Table.Th scope="col">{t("imports.sampleValues")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {suggestion.headers.map((h, i) => (
                  <Table.Tr key={`${i}-${h}`} data-header={h}>
                    <Table.Td fw={500}>{h}</Table.Td>
                    <Table.Td miw={220}>
                      <Select
                        size="xs"
                        aria-label={t("imports.fieldFor", { header: h })}
                        data={fieldOptions}
                        searchable
                        allowDeselect={false}
                        value={mapping[h] || SKIP}
                        onChange={(v) => onMapping({ ...mapping, [h]: !v || v === SKIP ? "" : v })}
                        error={errors.byHeader[h] ?? (mapping[h] && doubled.includes(mapping[h]) ? t("imports.mappedTwice") : undefined)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {sample
                          .map((r) => r[i] ?? "")
                          .filter(Boolean)
                          .slice(0, 3)
                          .join(" · ")}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {missing.length > 0 && (
            <Alert color="yellow" data-testid="import-missing">
              {t("imports.missingRequired", { fields: missing.map(fieldLabel).join(", ") })}
            </Alert>
          )}
          {errors.general.length > 0 && (
            <Alert color="red" role="alert">
              {errors.general.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </Paper>
      {sample.length > 0 && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {t("imports.sampleRows")}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table data-testid="import-sample" striped verticalSpacing={4} fz="sm">
              <caption className="visually-hidden">{t("imports.sampleRows")}</caption>
              <Table.Thead>
                <Table.Tr>
                  {suggestion.headers.map((h, i) => (
                    <Table.Th key={`${i}-${h}`} scope="col">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sample.map((row, r) => (
                  <Table.Tr key={r}>
                    {suggestion.headers.map((h, i) => (
                      <Table.Td key={`${i}-${h}`}>{row[i] ?? ""}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Stack>
          <Group grow>
            <Select
              label={t("imports.onDuplicate")}
              data-testid="import-on-duplicate"
              data={ON_DUPLICATE.map((d) => ({ value: d, label: t(`imports.onDuplicateOptions.${d}`) }))}
              value={options.onDuplicate}
              allowDeselect={false}
              onChange={(v) => v && onOptions({ ...options, onDuplicate: v as OnDuplicate })}
            />
            <Select
              label={t("imports.matchOn")}
              data-testid="import-match-on"
              data={matchOnChoices(options.entity).map((m) => ({ value: m, label: t(`imports.matchOnOptions.${m}`) }))}
              value={options.matchOn}
              allowDeselect={false}
              onChange={(v) => v && onOptions({ ...options, matchOn: v as MatchOn })}
            />
          </Group>
          <Group justify="space-between">
            <Button variant="default" onClick={onBack} disabled={busy}>
              {t("imports.back")}
            </Button>
            <Group gap="xs">
              <Button variant="light" onClick={() => onStart(true)} loading={busy} disabled={!valid} data-testid="import-dry-run">
                {t("imports.dryRun")}
              </Button>
              <Button onClick={() => onStart(false)} loading={busy} disabled={!valid} data-testid="import-run">
                {t("imports.run")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
