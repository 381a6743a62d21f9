// Why a node is down or on a workaround in a scenario: for a critical function, the engine's own
// sentence and its reason steps; for any other node, the chain of what it lost, down to what
// failed, read from the scenario.
import { Badge, Card, CloseButton, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Scenario } from '@smart/core';
import { formatMoment, reasonChain } from './format';
import { CONDITION, kindLabel } from './labels';

export function ReasonPanel({
  scenario,
  nodeId,
  onClose,
}: {
  scenario: Scenario;
  nodeId: string;
  onClose: () => void;
}) {
  const fn = scenario.functions.find((f) => f.id === nodeId);
  // A function's chain starts at the node that took it down; other nodes' chains start at them.
  const chainStart = fn ? (fn.reason[1]?.id ?? fn.reason[0]?.id ?? nodeId) : nodeId;
  const chain = reasonChain(scenario, chainStart);
  const title = fn?.label ?? chain[0]?.label ?? nodeId;
  return (
    <Card withBorder padding="lg" data-testid="reason-panel">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Why
          </Text>
          <Title order={4}>{title}</Title>
        </div>
        <CloseButton aria-label="Close the reasons" onClick={onClose} />
      </Group>
      {fn && (
        <Stack gap={6} mb="md">
          <Group gap="xs">
            <Badge color={CONDITION[fn.state].color} radius="sm">
              {CONDITION[fn.state].label}
            </Badge>
            {fn.downAtHours !== undefined && <Text size="sm">from {formatMoment(fn.downAtHours)}</Text>}
          </Group>
          {fn.explanation && (
            <Text size="sm" data-testid="reason-explanation">
              {fn.explanation}
            </Text>
          )}
          {fn.workarounds.map((w) => (
            <Text key={w.workaround} size="sm" c="orange.9">
              Workaround: {w.label}, at {Math.round(w.capacity * 100)}% capacity
              {w.staff ? ` with ${w.staff} more staff` : ''}, from {formatMoment(w.fromHours)} until{' '}
              {formatMoment(w.untilHours)}.
            </Text>
          ))}
        </Stack>
      )}
      {chain.length > 0 && (
        <>
          <Text size="sm" fw={600} mb="xs">
            The chain, from {fn ? 'what it lost' : 'this node'} to what failed
          </Text>
          <Timeline bulletSize={14} lineWidth={2} active={chain.length}>
            {chain.map((link) => (
              <Timeline.Item
                key={link.id}
                color={CONDITION[link.state].color}
                title={
                  <Text size="sm" fw={600}>
                    {link.label}
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {kindLabel(link.kind)} · {link.why}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Card>
  );
}
