// The map's problems in a list beside the canvas: what keeps it from being analysed (errors) and
// what looks unfinished (warnings). Clicking one selects the node it is about and brings it into view.
import { Alert, Group, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconExclamationCircle } from '@tabler/icons-react';
import classes from './MapEditor.module.css';
import type { DraftProblem } from './problems';

/** Past this many rows the list says how many more there are instead of drawing them all. */
const SHOWN = 200;

function ProblemRow({
  problem,
  onSelectNode,
}: {
  problem: DraftProblem;
  onSelectNode: (id: string) => void;
}) {
  const isError = problem.severity === 'error';
  const content = (
    <Group gap={8} wrap="nowrap" align="flex-start" p={6}>
      <ThemeIcon
        size={20}
        radius="xl"
        variant="light"
        color={isError ? 'red' : 'orange'}
        style={{ flex: 'none' }}
      >
        {isError ? <IconExclamationCircle size={14} /> : <IconAlertTriangle size={14} />}
      </ThemeIcon>
      <Text size="sm">{problem.message}</Text>
    </Group>
  );
  const nodeId = problem.nodeId;
  if (!nodeId) return <div data-testid="problem-row">{content}</div>;
  return (
    <UnstyledButton
      className={classes.problemRow}
      onClick={() => onSelectNode(nodeId)}
      data-testid="problem-row"
    >
      {content}
    </UnstyledButton>
  );
}

export function ProblemsList({
  problems,
  onSelectNode,
}: {
  problems: readonly DraftProblem[];
  onSelectNode: (id: string) => void;
}) {
  if (problems.length === 0) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="problems-none">
        No problems: every service has a vendor, every function a tolerance, every line two ends. The map can
        be analysed.
      </Alert>
    );
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <Stack gap={4} data-testid="problems-list">
      <Text size="xs" c="dimmed" mb={4}>
        {errors > 0
          ? `${errors} ${errors === 1 ? 'problem keeps' : 'problems keep'} the map from being analysed`
          : 'Nothing keeps the map from being analysed'}
        {warnings > 0 ? `; ${warnings} ${warnings === 1 ? 'thing looks' : 'things look'} unfinished.` : '.'}{' '}
        Click one to show it on the map.
      </Text>
      {problems.slice(0, SHOWN).map((problem) => (
        <ProblemRow
          key={`${problem.path}-${problem.message}`}
          problem={problem}
          onSelectNode={onSelectNode}
        />
      ))}
      {problems.length > SHOWN && (
        <Text size="xs" c="dimmed">
          and {problems.length - SHOWN} more
        </Text>
      )}
    </Stack>
  );
}
