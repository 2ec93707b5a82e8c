import { Stack, Stepper, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api/problem";
import type { MappingSuggestion } from "../../../lib/api/types";
import { useAuth } from "../../../lib/auth/auth-context";
import { errorMessage, fieldErrorMessage } from "../../../lib/errors";
import { can } from "../../../lib/permissions";
import { toastError } from "../../../lib/toast";
import { IMPORTS_KEY, importKey, startImport, suggestMapping } from "../api/imports";
import {
  fitMatchOn,
  importableEntities,
  initialMapping,
  splitMappingErrors,
  type ImportOptions,
  type MappingState,
} from "../model/imports";
import { ImportResult } from "./ImportResult";
import { MappingStep } from "./MappingStep";
import { RecentImports } from "./RecentImports";
import { UploadStep } from "./UploadStep";

/** What started an import, kept so a dry run can be run for real with the same file, mapping and options. */
interface Run {
  id: string;
  options: ImportOptions;
  mapping: MappingState;
  file: File;
}

const noErrors = { byHeader: {} as Record<string, string>, general: [] as string[] };

/** The import wizard: file, mapping, progress, result; recent imports below. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { grants } = useAuth();
  const entities = importableEntities((e) => can(grants, e, "import"));
  const first = entities[0] ?? "partners";
  const [options, setOptionsState] = useState<ImportOptions>({
    entity: first,
    encoding: "",
    delimiter: "",
    onDuplicate: "skip",
    matchOn: fitMatchOn(first, "tax_id"),
  });
  const [file, setFile] = useState<File | null>(null);
  const [suggestion, setSuggestion] = useState<MappingSuggestion | null>(null);
  const [mapping, setMapping] = useState<MappingState>({});
  const [errors, setErrors] = useState(noErrors);
  const [busy, setBusy] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);
  const [run, setRun] = useState<Run | null>(null);

  const setOptions = (o: ImportOptions) => {
    const next = { ...o, matchOn: fitMatchOn(o.entity, o.matchOn) };
    // Another entity has other fields: the suggestion no longer fits.
    if (next.entity !== options.entity) setSuggestion(null);
    setOptionsState(next);
  };

  const suggest = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const s = await suggestMapping(options, file);
      setSuggestion(s);
      setMapping(initialMapping(s.headers, s.mapping));
      setErrors(noErrors);
    } catch (err) {
      toastError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const start = async (dryRun: boolean, source: Omit<Run, "id">) => {
    setBusy(true);
    setErrors(noErrors);
    try {
      const imp = await startImport(source.options, source.mapping, dryRun, source.file);
      qc.setQueryData(importKey(imp.id), imp);
      setRun({ ...source, id: imp.id });
      setImportId(imp.id);
      void qc.invalidateQueries({ queryKey: [...IMPORTS_KEY, "list"] });
    } catch (err) {
      if (isApiError(err) && err.status === 422 && err.problem.errors?.length) {
        setErrors(splitMappingErrors(err.problem.errors, (e) => fieldErrorMessage(t, e.code, e.message, e.params)));
        setImportId(null);
      } else {
        toastError(errorMessage(t, err));
      }
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setImportId(null);
    setSuggestion(null);
    setMapping({});
    setErrors(noErrors);
    setFile(null);
    setRun(null);
  };

  const step = importId ? 2 : suggestion ? 1 : 0;
  const sameRun = run && run.id === importId ? run : null;

  if (entities.length === 0) return <Text>{t("common.forbidden")}</Text>;

  return (
    <Stack>
      <Title order={2}>{t("imports.title")}</Title>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t("imports.steps.file")} />
        <Stepper.Step label={t("imports.steps.mapping")} />
        <Stepper.Step label={t("imports.steps.result")} />
      </Stepper>
      {step === 0 && (
        <UploadStep entities={entities} options={options} onOptions={setOptions} file={file} onFile={setFile} busy={busy} onNext={() => void suggest()} />
      )}
      {step === 1 && suggestion && file && (
        <MappingStep
          suggestion={suggestion}
          options={options}
          onOptions={setOptions}
          mapping={mapping}
          onMapping={setMapping}
          errors={errors}
          busy={busy}
          onBack={() => setSuggestion(null)}
          onStart={(dryRun) => void start(dryRun, { options, mapping, file })}
        />
      )}
      {step === 2 && importId && (
        <ImportResult
          key={importId}
          id={importId}
          onRunForReal={sameRun ? () => void start(false, sameRun) : undefined}
          runBusy={busy}
          onNew={reset}
        />
      )}
      <RecentImports onOpen={(id) => setImportId(id)} />
    </Stack>
  );
}
