// The chokepoints of the map being edited, beside the canvas: per function, the third parties whose
// failure alone stops it and the alternatives that are not really redundant, updated a moment after
// each edit by the what-if worker. Clicking a name selects that node on the map.
import { Alert, Anchor, Badge, Group, Loader, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { NODE_LOOK } from '../../map-style';
import classes from '../MapEditor.module.css';
import type { WhatIfState } from './use-what-if';
import type { WhatIfFunction, WhatIfNode } from './what-if';

interface Props {
  whatIf: WhatIfState;
  highlight: boolean;
  onHighlight: (on: boolean) => void;
  onSelectNode: (id: string) => void;
  onShowProblems: () => void;
  /** Whether the reader can edit the map: the hint about adding alternatives is for editors. */
  editable: boolean;
}

function NodeRow({ node, onSelectNode }: { node: WhatIfNode; onSelectNode: (id: string) => void }) {
  const look = NODE_LOOK[node.kind];
  return (
    <UnstyledButton
      className={classes.problemRow}
      onClick={() => onSelectNode(node.id)}
      data-testid="chokepoint-row"
      data-node={node.id}
    >
      <Group gap={8} wrap="nowrap" p={4} align="flex-start">
        <Badge
          size="xs"
          radius="sm"
          variant="outline"
          color="gray"
          style={{ flex: 'none', marginTop: 2, borderColor: look.border, color: look.border }}
          tt="none"
        >
          {look.label}
        </Badge>
        <Text size="sm">{node.label}</Text>
      </Group>
    </UnstyledButton>
  );
}

function FunctionChokepoints({
  report,
  onSelectNode,
}: {
  report: WhatIfFunction;
  onSelectNode: (id: string) => void;
}) {
  const { thirdParty, internal, falseRedundancies } = report;
  return (
    <Stack gap={4} data-testid="chokepoint-function" data-function={report.function.id}>
      <Anchor
        component="button"
        type="button"
        fw={600}
        size="sm"
        c="dark"
        ta="left"
        onClick={() => onSelectNode(report.function.id)}
      >
        {report.function.label}
      </Anchor>
      {falseRedundancies.map((r) => (
        <Alert
          key={`${r.group}:${r.shared.id}`}
          color="orange"
          variant="light"
          p={8}
          icon={<IconAlertTriangle size={16} />}
          data-testid="false-redundancy"
        >
          <Text size="sm">{r.explanation}</Text>
          <Anchor component="button" type="button" size="xs" onClick={() => onSelectNode(r.shared.id)}>
            Show {r.shared.label} on the map
          </Anchor>
        </Alert>
      ))}
      {thirdParty.length === 0 ? (
        <Group gap={6} wrap="nowrap" data-testid="chokepoint-none">
          <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" style={{ flex: 'none' }} />
          <Text size="sm" c="teal.8">
            No third party stops it on its own.
          </Text>
        </Group>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            Stops if any one of {thirdParty.length === 1 ? 'this' : `these ${thirdParty.length}`} fails:
          </Text>
          {thirdParty.map((node) => (
            <NodeRow key={node.id} node={node} onSelectNode={onSelectNode} />
          ))}
        </>
      )}
      {internal.length > 0 && (
        <Text size="xs" c="dimmed">
          {internal.length === 1 ? 'Its own step' : 'Its own steps and systems'}, each a single point of
          failure too:{' '}
          {internal.map((node, i) => (
            <span key={node.id}>
              {i > 0 && ', '}
              <Anchor component="button" type="button" size="xs" onClick={() => onSelectNode(node.id)}>
                {node.label}
              </Anchor>
            </span>
          ))}
          .
        </Text>
      )}
    </Stack>
  );
}

function Summary({ functions, chokepoints }: { functions: WhatIfFunction[]; chokepoints: number }) {
  const stopped = functions.filter((f) => f.thirdParty.length > 0).length;
  const falseOnes = new Set(
    functions.flatMap((f) => f.falseRedundancies.map((r) => `${r.group}:${r.shared.id}`)),
  ).size;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <Text size="sm" fw={500} data-testid="what-if-summary">
      {chokepoints === 0
        ? `No third party stops ${functions.length === 1 ? 'the function' : 'any of the functions'} on its own.`
        : `${plural(chokepoints, 'third party is a single point of failure', 'third parties are single points of failure')} of ${plural(stopped, 'function', 'functions')}`}
      {chokepoints > 0 &&
        (falseOnes > 0 ? `; ${plural(falseOnes, 'redundancy is', 'redundancies are')} false.` : '.')}
    </Text>
  );
}

function Timing({ whatIf, editable }: { whatIf: WhatIfState; editable: boolean }) {
  if (whatIf.state === 'running' || (whatIf.state === 'idle' && whatIf.result === null)) {
    return (
      <Group gap={6} data-testid="what-if-timing" data-state="running">
        <Loader size={10} />
        <Text size="xs" c="dimmed">
          Checking the map…
        </Text>
      </Group>
    );
  }
  if (whatIf.ms === null) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="what-if-timing" data-state={whatIf.state}>
      Checked in your browser in {whatIf.ms < 10 ? whatIf.ms.toFixed(1) : Math.round(whatIf.ms)} ms
      {editable ? ', and again a moment after each edit.' : '.'}
    </Text>
  );
}

export function ChokepointsPanel({
  whatIf,
  highlight,
  onHighlight,
  onSelectNode,
  onShowProblems,
  editable,
}: Props) {
  const result = whatIf.result;
  return (
    <Stack gap="md" data-testid="chokepoints-panel" data-state={whatIf.state}>
      <Stack gap={4}>
        <Switch
          checked={highlight}
          onChange={(event) => onHighlight(event.currentTarget.checked)}
          label="Highlight single points of failure on the map"
          data-testid="chokepoints-toggle"
        />
        <Text size="xs" c="dimmed">
          A single point of failure is a third party whose failure alone stops a critical function.
          {editable
            ? ' Add an alternative (k of n) on the step that needs it and watch it leave this list.'
            : ''}
        </Text>
        <Timing whatIf={whatIf} editable={editable} />
      </Stack>
      {whatIf.state === 'error' && (
        <Alert color="red" variant="light" data-testid="what-if-error">
          The map could not be checked: {whatIf.error}
        </Alert>
      )}
      {result?.status === 'blocked' && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          data-testid="what-if-blocked"
        >
          <Text size="sm">
            Fix the problems first:{' '}
            {result.problems.length === 1 ? 'one problem keeps' : 'these problems keep'} the map from being
            analysed.
          </Text>
          <Stack gap={2} mt={4}>
            {result.problems.slice(0, 5).map((p) => (
              <Text size="xs" key={`${p.path}-${p.message}`}>
                {p.message}
              </Text>
            ))}
          </Stack>
          <Anchor component="button" type="button" size="sm" mt={4} onClick={onShowProblems}>
            Show the problems
          </Anchor>
        </Alert>
      )}
      {result?.status === 'partial' && (
        <Alert
          color="gray"
          variant="light"
          p={8}
          icon={<IconInfoCircle size={16} />}
          data-testid="what-if-partial"
        >
          <Text size="xs">
            {result.setAside.length === 1
              ? `Analysed around one unfinished thing (${result.setAside[0]?.message}): the answer may change once it is fixed.`
              : `Analysed around ${result.setAside.length} unfinished things (such as: ${result.setAside[0]?.message}): the answer may change once they are fixed.`}{' '}
            <Anchor component="button" type="button" size="xs" onClick={onShowProblems}>
              Show the problems
            </Anchor>
          </Text>
        </Alert>
      )}
      {result && result.status !== 'blocked' && result.functions.length > 0 && (
        <Summary functions={result.functions} chokepoints={result.chokepoints.length} />
      )}
      {result && result.status !== 'blocked' && result.functions.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="what-if-no-functions">
          The map has no critical function yet: add one and connect it to the steps that deliver it.
        </Text>
      )}
      {result &&
        result.status !== 'blocked' &&
        result.functions.map((report) => (
          <FunctionChokepoints key={report.function.id} report={report} onSelectNode={onSelectNode} />
        ))}
    </Stack>
  );
}
