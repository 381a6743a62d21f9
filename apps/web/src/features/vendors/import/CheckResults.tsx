// What the dry run found: every row with a problem (named by row and column), and the vendors of
// the file that are probably vendors already known, each to merge or keep apart.
import { Alert, Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { CheckResult, MergeSuggestion } from '../types';
import { targetKey } from '../types';

const n = (value: number) => value.toLocaleString('en-US');

export const decisionKey = (s: MergeSuggestion) => `${s.rowNumber}|${targetKey(s.target)}`;

/** Whether a suggestion is to be merged: the user's answer, else its default. */
export function accepted(s: MergeSuggestion, decisions: Map<string, boolean>): boolean {
  return decisions.get(decisionKey(s)) ?? s.mergeByDefault;
}

/** The vendors the commit creates with the user's answers (the check counted the defaults). */
export function newVendorsWith(check: CheckResult, decisions: Map<string, boolean>): number {
  let change = 0;
  for (const s of check.suggestions) {
    const answer = accepted(s, decisions);
    if (answer !== s.mergeByDefault) change += answer ? -1 : 1;
  }
  return check.newVendors + change;
}

const REASONS: Record<MergeSuggestion['reason'], string> = {
  'same domain': 'same web domain',
  'same name': 'same name',
  'similar name': 'nearly the same name',
};

export function ProblemList({ check }: { check: CheckResult }) {
  if (check.problemCount === 0) return null;
  const general = check.problems.filter((p) => p.rowNumber === 0);
  const rows = check.problems.filter((p) => p.rowNumber > 0);
  const badRows = new Set(rows.map((p) => p.rowNumber)).size;
  return (
    <Stack gap="xs" data-testid="import-problems">
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title="Nothing can be imported until these are fixed"
      >
        {general.map((p) => (
          <Text key={p.message} size="sm">
            {p.message}
          </Text>
        ))}
        {rows.length > 0 && (
          <Text size="sm">
            {n(check.problemCount)} {check.problemCount === 1 ? 'problem' : 'problems'}
            {check.problems.length < check.problemCount
              ? ` (the first ${n(check.problems.length)} are listed)`
              : ''}{' '}
            in {check.problems.length < check.problemCount ? 'at least ' : ''}
            {n(badRows)} {badRows === 1 ? 'row' : 'rows'}. Correct the file and upload it again, or change a
            column above if it was matched wrongly. Row numbers are the ones your spreadsheet program shows.
          </Text>
        )}
      </Alert>
      {rows.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560} mah={360}>
            <Table stickyHeader verticalSpacing={6} data-testid="problem-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Row</Table.Th>
                  <Table.Th w={200}>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several problems in one column
                  <Table.Tr key={`${p.rowNumber}-${p.column}-${i}`}>
                    <Table.Td>{p.rowNumber}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

export function MergeSuggestions({
  check,
  decisions,
  onDecide,
  disabled,
}: {
  check: CheckResult;
  decisions: Map<string, boolean>;
  onDecide: (suggestion: MergeSuggestion, merge: boolean) => void;
  disabled: boolean;
}) {
  if (check.suggestionCount === 0) return null;
  return (
    <Stack gap="xs" data-testid="merge-suggestions">
      <Title order={4}>Possible duplicates</Title>
      <Text size="sm" c="dimmed">
        These vendors of the file look like vendors already known. Merge adds their services to that vendor;
        keep separate makes a new vendor. Exact matches are merged unless you say otherwise; near matches only
        if you do.
        {check.suggestions.length < check.suggestionCount &&
          ` The first ${n(check.suggestions.length)} of ${n(check.suggestionCount)} are listed; the others take their default.`}
      </Text>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720} mah={420}>
          <Table stickyHeader verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>Row</Table.Th>
                <Table.Th>In the file</Table.Th>
                <Table.Th>Looks like</Table.Th>
                <Table.Th w={220}>Why</Table.Th>
                <Table.Th w={220}>Decision</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.suggestions.map((s) => (
                <Table.Tr key={decisionKey(s)} data-testid="merge-suggestion">
                  <Table.Td>{s.rowNumber}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.name}</Text>
                    {s.rows > 1 && (
                      <Text size="xs" c="dimmed">
                        {s.rows} rows
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.target.name}</Text>
                    <Text size="xs" c="dimmed">
                      {s.target.kind === 'vendor'
                        ? 'in the inventory'
                        : `row ${s.target.rowNumber} of this file`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      tt="none"
                      variant="light"
                      color={s.reason === 'similar name' ? 'yellow' : 'teal'}
                      radius="sm"
                    >
                      {REASONS[s.reason]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      disabled={disabled}
                      aria-label={`Row ${s.rowNumber}: merge or keep separate`}
                      value={accepted(s, decisions) ? 'merge' : 'separate'}
                      onChange={(value) => onDecide(s, value === 'merge')}
                      data={[
                        { value: 'merge', label: 'Merge' },
                        { value: 'separate', label: 'Keep separate' },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

export function CheckSummary({ check, decisions }: { check: CheckResult; decisions: Map<string, boolean> }) {
  const ok = check.problemCount === 0;
  const newVendors = newVendorsWith(check, decisions);
  const merged = check.vendorsInFile - newVendors;
  return (
    <Group gap="xs" data-testid="check-summary">
      {ok ? (
        <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" />
      ) : (
        <IconAlertTriangle size={20} color="var(--mantine-color-red-7)" />
      )}
      <Text size="sm" fw={600}>
        {ok
          ? `All ${n(check.rows)} rows are ready: ${n(newVendors)} new ${newVendors === 1 ? 'vendor' : 'vendors'}, ${n(check.services)} ${check.services === 1 ? 'service' : 'services'}${merged > 0 ? `, ${n(merged)} ${merged === 1 ? 'vendor' : 'vendors'} merged into ones already known` : ''}.`
          : `${n(check.validRows)} of ${n(check.rows)} rows are ready; ${n(check.rows - check.validRows)} ${check.rows - check.validRows === 1 ? 'has' : 'have'} problems.`}
      </Text>
    </Group>
  );
}
