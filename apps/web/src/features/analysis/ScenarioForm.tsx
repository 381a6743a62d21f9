// The simulator's question: what becomes unavailable (vendors, services, hosts or internal systems
// from the maps, searchable), for how long (days or hours, with presets), whether manual
// workarounds count, and over which area (the whole organization, one map, one function).
import {
  Button,
  Card,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { indexAnalysis, kindLabel } from './labels';
import type { OrgAnalysis, ScenarioInput, WorkaroundChoice } from './types';

const PRESETS = [
  { label: '1 day', hours: 24 },
  { label: '7 days', hours: 168 },
  { label: '21 days', hours: 504 },
  { label: '30 days', hours: 720 },
];

const FAILABLE = ['vendor', 'service', 'host', 'system'] as const;
const GROUP_TITLE: Record<(typeof FAILABLE)[number], string> = {
  vendor: 'Vendors',
  service: 'Services',
  host: 'Hosts and clouds',
  system: 'Internal systems',
};

type ScopeKind = 'org' | 'map' | 'function';

export function ScenarioForm({
  analysis,
  onRun,
  running,
  initial,
}: {
  analysis: OrgAnalysis;
  onRun: (input: ScenarioInput) => void;
  running: boolean;
  initial: ScenarioInput | null;
}) {
  const index = indexAnalysis(analysis);
  const [failed, setFailed] = useState<string[]>(initial?.failed ?? []);
  const [amount, setAmount] = useState<number>(initial ? initial.durationHours / 24 : 7);
  const [unit, setUnit] = useState<'days' | 'hours'>('days');
  const [workarounds, setWorkarounds] = useState<WorkaroundChoice>(initial?.workarounds ?? 'count');
  const [scopeKind, setScopeKind] = useState<ScopeKind>(
    initial?.scope?.functionId ? 'function' : initial?.scope?.mapId ? 'map' : 'org',
  );
  const [scopeId, setScopeId] = useState<string | null>(
    initial?.scope?.functionId ?? initial?.scope?.mapId ?? null,
  );
  const hours = Math.round(unit === 'days' ? amount * 24 : amount);

  const options = FAILABLE.map((kind) => ({
    group: GROUP_TITLE[kind],
    items: analysis.nodes
      .filter((n) => n.kind === kind)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((n) => ({ value: n.id, label: n.label })),
  })).filter((g) => g.items.length > 0);

  const scopeOptions =
    scopeKind === 'map'
      ? analysis.maps.filter((m) => m.included).map((m) => ({ value: m.id, label: m.name }))
      : analysis.nodes
          .filter((n) => n.kind === 'function')
          .map((n) => ({ value: n.id, label: `${n.label} (${index.mapNames(n.id)})` }));

  const valid = failed.length > 0 && hours >= 1 && hours <= 8760 && (scopeKind === 'org' || scopeId !== null);
  const run = () =>
    onRun({
      failed,
      durationHours: hours,
      workarounds,
      ...(scopeKind === 'map' && scopeId ? { scope: { mapId: scopeId } } : {}),
      ...(scopeKind === 'function' && scopeId ? { scope: { functionId: scopeId } } : {}),
    });

  return (
    <Card withBorder padding="lg" data-testid="scenario-form">
      <Title order={4} mb="sm">
        What fails, and for how long
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm">
          <MultiSelect
            label="Unavailable without warning"
            description="One or more vendors, services, hosts or internal systems from your maps"
            placeholder={failed.length ? '' : 'Search by name'}
            data={options}
            value={failed}
            onChange={setFailed}
            searchable
            clearable
            maxValues={50}
            nothingFoundMessage="Nothing by that name in your maps"
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {kindLabel(index.nodes.get(option.value)?.kind ?? '')} ·{' '}
                  {index.mapNames(option.value) || 'inventory'}
                </Text>
              </Stack>
            )}
            data-testid="failed-select"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Affected area
            </Text>
            <SegmentedControl
              value={scopeKind}
              onChange={(v) => {
                setScopeKind(v as ScopeKind);
                setScopeId(null);
              }}
              data={[
                { value: 'org', label: 'Whole organization' },
                { value: 'map', label: 'One map' },
                { value: 'function', label: 'One function' },
              ]}
            />
            {scopeKind !== 'org' && (
              <Select
                aria-label={scopeKind === 'map' ? 'Map' : 'Function'}
                placeholder={scopeKind === 'map' ? 'Choose a map' : 'Choose a critical function'}
                data={scopeOptions}
                value={scopeId}
                onChange={setScopeId}
                searchable
              />
            )}
          </Stack>
        </Stack>
        <Stack gap="sm">
          <Group gap="sm" align="flex-end">
            <NumberInput
              label="For"
              value={amount}
              onChange={(v) => setAmount(typeof v === 'number' ? v : Number(v) || 0)}
              min={unit === 'days' ? 0.05 : 1}
              max={unit === 'days' ? 365 : 8760}
              w={110}
              data-testid="duration-amount"
            />
            <SegmentedControl
              value={unit}
              onChange={(v) => {
                const next = v as 'days' | 'hours';
                setAmount(next === 'days' ? Math.round((hours / 24) * 100) / 100 : hours);
                setUnit(next);
              }}
              data={[
                { value: 'days', label: 'days' },
                { value: 'hours', label: 'hours' },
              ]}
            />
          </Group>
          <Chip.Group>
            <Group gap={6}>
              {PRESETS.map((p) => (
                <Chip
                  key={p.hours}
                  checked={hours === p.hours}
                  onChange={() => {
                    setUnit('days');
                    setAmount(p.hours / 24);
                  }}
                  size="sm"
                >
                  {p.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Switch
            label="Count manual workarounds (paper, phone, by hand) while they last"
            checked={workarounds === 'count'}
            onChange={(e) => setWorkarounds(e.currentTarget.checked ? 'count' : 'ignore')}
          />
          <Group>
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={run}
              loading={running}
              disabled={!valid}
            >
              Run the scenario
            </Button>
            {hours > 8760 && (
              <Text size="sm" c="red">
                At most one year.
              </Text>
            )}
          </Group>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
