// Importing vendors and services from a spreadsheet: upload a CSV or XLSX file, match its columns
// (the server guesses), see every problem by row and column in a dry run, decide on possible
// duplicates, then import every row or none, with a progress bar while the server writes.
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import {
  CheckSummary,
  decisionKey,
  MergeSuggestions,
  newVendorsWith,
  ProblemList,
} from './import/CheckResults';
import { ColumnMapping } from './import/ColumnMapping';
import { FileDrop } from './import/FileDrop';
import {
  MAX_UPLOAD_BYTES,
  useCommitImport,
  useImportCheck,
  useImportProgress,
  useRecheck,
  useUploadImport,
} from './import/queries';
import { canKeepInventory, InventoryReadOnlyNotice } from './permissions';
import { type ImportResult, type ImportSummary, type ColumnMapping as Mapping, targetKey } from './types';

const n = (value: number) => value.toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

function UploadStep({ orgId, onUploaded }: { orgId: string; onUploaded: (summary: ImportSummary) => void }) {
  const upload = useUploadImport(orgId);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<{ file: string; message: string } | null>(null);

  const send = (file: File) => {
    setError(null);
    if (file.size === 0) {
      setError({ file: file.name, message: 'The file is empty.' });
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setError({
        file: file.name,
        message: `The file is ${megabytes(file.size)}; at most 25 MB can be uploaded. Split it, or remove columns you do not import.`,
      });
      return;
    }
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: (summary) => {
          setProgress(null);
          onUploaded(summary);
        },
        onError: (err) => {
          setProgress(null);
          setError({
            file: file.name,
            message:
              err instanceof ApiError && err.status === 0
                ? 'The upload was interrupted. Check your connection and that the file is under 25 MB, then try again.'
                : errorMessage(err),
          });
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={820}>
      <FileDrop
        onFile={send}
        disabled={upload.isPending}
        accept=".csv,.xlsx,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        title="Upload a CSV or XLSX file of vendors"
        hint="One row per vendor, or per service of a vendor (rows naming the same vendor become one vendor). At most 25 MB and 200,000 rows. CSV in UTF-8, UTF-16 or Windows-1252, separated by commas, semicolons or tabs; for XLSX, the first sheet with data."
      />
      <Text size="sm" c="dimmed">
        Columns such as Vendor, Other names, Website, Contact, Contact email, Kinds of PHI, PHI records,
        Service, Category, Deployment and Hosting provider are recognized by their headers. For a file with
        exactly these columns, export the inventory as CSV from the inventory page.
      </Text>
      {progress !== null && (
        <Stack gap={4} data-testid="upload-progress">
          <Progress value={progress * 100} animated={progress >= 1} aria-label="Upload" />
          <Text size="sm" c="dimmed">
            {progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Reading the file…'}
          </Text>
        </Stack>
      )}
      {error && (
        <Alert color="red" title={`${error.file} cannot be imported`} data-testid="upload-error">
          {error.message}
        </Alert>
      )}
    </Stack>
  );
}

function Done({ orgId, result, onAgain }: { orgId: string; result: ImportResult; onAgain: () => void }) {
  return (
    <Paper withBorder p="xl" maw={820} data-testid="import-done">
      <Stack gap="md">
        <Group gap="sm">
          <IconCircleCheck size={28} color="var(--mantine-color-teal-7)" />
          <Title order={3}>Imported</Title>
        </Group>
        <Text>
          {n(result.vendorsCreated)} new {result.vendorsCreated === 1 ? 'vendor' : 'vendors'} and{' '}
          {n(result.servicesCreated)} {result.servicesCreated === 1 ? 'service' : 'services'} are in the
          inventory
          {result.addedToExisting > 0
            ? `; ${n(result.addedToExisting)} ${result.addedToExisting === 1 ? 'vendor' : 'vendors'} already there got new services`
            : ''}
          .
        </Text>
        <Group>
          <Button component={Link} to={`/o/${orgId}/vendors`}>
            Open the inventory
          </Button>
          <Button variant="default" onClick={onAgain}>
            Import another file
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CommitProgress({ orgId, importId }: { orgId: string; importId: string }) {
  const status = useImportProgress(orgId, importId, true);
  const progress = status.data?.progress;
  const writing = progress && progress.total > 0;
  return (
    <Stack gap={4} data-testid="commit-progress">
      <Progress
        value={writing ? (progress.done / progress.total) * 100 : 100}
        animated={!writing}
        striped={!writing}
        aria-label="Import progress"
      />
      <Text size="sm" c="dimmed">
        {writing
          ? `Writing ${n(progress.done)} of ${n(progress.total)} vendors and services…`
          : 'Checking every row once more, then writing them all in one go…'}
      </Text>
    </Stack>
  );
}

function MapAndImport({
  orgId,
  summary,
  onDone,
  onRestart,
}: {
  orgId: string;
  summary: ImportSummary;
  onDone: (result: ImportResult) => void;
  onRestart: () => void;
}) {
  const [mapping, setMapping] = useState<Mapping>(summary.mapping);
  const [debouncedMapping] = useDebouncedValue(mapping, 350);
  const [decisions, setDecisions] = useState<Map<string, boolean>>(new Map());
  const check = useImportCheck(orgId, summary.id, debouncedMapping, true);
  const recheck = useRecheck(orgId, summary.id);
  const commit = useCommitImport(orgId, summary.id);
  const result = check.data;
  const checking = check.isFetching || debouncedMapping !== mapping;
  const ready = result && !checking && result.problemCount === 0 && !commit.isPending;

  const submit = () => {
    if (!result) return;
    const merges = result.suggestions
      .filter((s) => decisions.has(decisionKey(s)))
      .map((s) => ({
        rowNumber: s.rowNumber,
        accept: decisions.get(decisionKey(s)) ?? s.mergeByDefault,
        target: targetKey(s.target),
      }));
    commit.mutate({ mapping, merges }, { onSuccess: onDone });
  };
  const newVendors = result ? newVendorsWith(result, decisions) : 0;

  return (
    <Stack gap="xl">
      <Group gap="xs">
        <Text size="sm">
          <b>{summary.filename}</b> ·{' '}
          {summary.format === 'xlsx' ? `XLSX, sheet “${summary.sheet ?? 'first'}”` : 'CSV'} ·{' '}
          {n(summary.rowCount)} {summary.rowCount === 1 ? 'row' : 'rows'}
          {summary.encoding ? ` · read as ${ENCODINGS[summary.encoding] ?? summary.encoding}` : ''}
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={onRestart} disabled={commit.isPending}>
          Upload another file
        </Button>
      </Group>
      {summary.encoding === 'windows-1252' && (
        <Text size="xs" c="dimmed" mt={-24}>
          The file was not UTF-8, so it was read as Windows-1252 (older Excel). If accented letters look wrong
          in the preview, save it as “CSV UTF-8” and upload it again.
        </Text>
      )}

      <ColumnMapping summary={summary} mapping={mapping} onChange={setMapping} />

      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>Check</Title>
          {checking && (
            <Text size="sm" c="dimmed">
              Checking {n(summary.rowCount)} rows…
            </Text>
          )}
        </Group>
        {checking && !result && <Progress value={100} animated striped aria-label="Checking" />}
        {check.isError && (
          <Alert color="red" title="The check failed">
            {errorMessage(check.error)}
          </Alert>
        )}
        {result && (
          <Stack gap="md" style={{ opacity: checking ? 0.6 : 1 }}>
            <CheckSummary check={result} decisions={decisions} />
            <ProblemList check={result} />
            <MergeSuggestions
              check={result}
              decisions={decisions}
              disabled={commit.isPending}
              onDecide={(s, merge) =>
                setDecisions((current) => {
                  const next = new Map(current);
                  next.set(decisionKey(s), merge);
                  return next;
                })
              }
            />
          </Stack>
        )}
      </Stack>

      <Paper withBorder p="lg" maw={820}>
        <Stack gap="sm">
          <Text size="sm">
            Every row is imported in one go, or none is: if anything goes wrong, the inventory stays as it
            was.
          </Text>
          {commit.isPending && <CommitProgress orgId={orgId} importId={summary.id} />}
          {commit.error && (
            <Alert color="red" title="Nothing was imported">
              <Stack gap="xs">
                <Text size="sm">{errorMessage(commit.error)}</Text>
                {commit.error instanceof ApiError && commit.error.issues.length > 0 && (
                  <Text size="sm">
                    {commit.error.issues
                      .slice(0, 5)
                      .map((i) => `${i.path}: ${i.message}`)
                      .join(' · ')}
                  </Text>
                )}
                {commit.error instanceof ApiError && commit.error.status === 409 && (
                  <Group>
                    <Button
                      size="xs"
                      variant="white"
                      color="red"
                      leftSection={<IconRefresh size={14} />}
                      onClick={() => {
                        commit.reset();
                        setDecisions(new Map());
                        void recheck();
                      }}
                    >
                      Check again
                    </Button>
                  </Group>
                )}
              </Stack>
            </Alert>
          )}
          <Group>
            <Button onClick={submit} disabled={!ready} loading={commit.isPending} data-testid="commit-import">
              {result && result.problemCount === 0
                ? `Import ${n(newVendors)} new ${newVendors === 1 ? 'vendor' : 'vendors'} and ${n(result.services)} ${result.services === 1 ? 'service' : 'services'}`
                : 'Import'}
            </Button>
            {result && result.problemCount > 0 && (
              <Text size="sm" c="dimmed">
                Fix the problems above first.
              </Text>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

export function VendorImportPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const step = result ? 2 : summary ? 1 : 0;
  const restart = () => {
    setSummary(null);
    setResult(null);
  };

  return (
    <Stack gap="lg" maw={1400}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/o/${orgId}/vendors`} size="sm">
          Vendor inventory
        </Anchor>
        <Text size="sm">Import a spreadsheet</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>Import vendors from a spreadsheet</Title>
        <Text c="dimmed" maw={860}>
          Bring in the vendor list you already keep: SMART reads it, you match its columns, a dry run names
          every problem by row and column, and possible duplicates are shown before anything is written.
        </Text>
      </Stack>
      {!canKeepInventory(membership.role) ? (
        <>
          <InventoryReadOnlyNotice />
          <Group>
            <Button
              component={Link}
              to={`/o/${orgId}/vendors`}
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
            >
              Back to the inventory
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Stepper active={result ? 3 : step} size="sm" maw={820} allowNextStepsSelect={false}>
            <Stepper.Step label="Upload" description="CSV or XLSX" />
            <Stepper.Step label="Match and check" description="Dry run, duplicates" />
            <Stepper.Step label="Imported" description="All rows or none" />
          </Stepper>
          {step === 0 && <UploadStep orgId={orgId} onUploaded={setSummary} />}
          {step === 1 && summary && (
            <MapAndImport
              key={summary.id}
              orgId={orgId}
              summary={summary}
              onDone={setResult}
              onRestart={restart}
            />
          )}
          {step === 2 && result && <Done orgId={orgId} result={result} onAgain={restart} />}
        </>
      )}
    </Stack>
  );
}
