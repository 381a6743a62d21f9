// The outage simulator: choose what becomes unavailable without warning and for how long, and
// see which critical functions stop, which run on a workaround and until when, on the maps and in
// a table, at any moment of the outage (the timeline), with each down node's chain of reasons and
// the harm on every materiality dimension over time. Scenarios can be saved, reopened, compared.
import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { FunctionOutcome } from '@smart/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import { AnalysisFrame } from './AnalysisFrame';
import { formatHours, formatMoment, functionAt, functionStory } from './format';
import { ImpactChart } from './ImpactChart';
import { CONDITION, indexAnalysis, kindLabel } from './labels';
import { canSaveScenarios } from './permissions';
import { useAnalysis, useRunScenario } from './queries';
import { ReasonPanel } from './ReasonPanel';
import { SavedScenarios } from './SavedScenarios';
import { ScenarioMap } from './ScenarioMap';
import type { OrgAnalysis, SavedScenario, ScenarioInput, ScenarioResult, WorkaroundChoice } from './types';

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

function ScenarioForm({
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

function StateBadge({ state }: { state: FunctionOutcome['state'] }) {
  const look = CONDITION[state];
  return (
    <Badge color={look.color} variant={state === 'up' ? 'light' : 'filled'} radius="sm" miw="max-content">
      {look.label}
    </Badge>
  );
}

function FunctionsTable({
  result,
  atHours,
  analysis,
  onSelect,
}: {
  result: ScenarioResult;
  atHours: number;
  analysis: OrgAnalysis;
  onSelect: (id: string) => void;
}) {
  const index = indexAnalysis(analysis);
  const order = { down: 0, degraded: 1, up: 2 } as const;
  const rows = [...result.scenario.functions].sort(
    (a, b) =>
      order[functionAt(a, atHours).state] - order[functionAt(b, atHours).state] ||
      a.label.localeCompare(b.label),
  );
  const levelName = (dimension: string, level: number) =>
    analysis.rubric.dimensions.find((d) => d.id === dimension)?.levels.find((l) => l.level === level)?.label;
  const worstNow = (fn: FunctionOutcome) => {
    const { levels } = functionAt(fn, atHours);
    const [dimension, level] = Object.entries(levels).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (level <= 0) return '';
    const dim = analysis.rubric.dimensions.find((d) => d.id === dimension);
    return `${levelName(dimension, level) ?? level} (${dim?.label.toLowerCase() ?? dimension})`;
  };
  return (
    <Table verticalSpacing="xs" highlightOnHover data-testid="scenario-functions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Critical function</Table.Th>
          <Table.Th w={170}>On {formatMoment(atHours)}</Table.Th>
          <Table.Th>Over the whole outage</Table.Th>
          <Table.Th>Worst harm by then</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((fn) => {
          const now = functionAt(fn, atHours);
          return (
            <Table.Tr
              key={fn.id}
              data-testid="scenario-function"
              data-function={fn.label}
              data-state={now.state}
              style={{ cursor: fn.state === 'up' ? 'default' : 'pointer' }}
              onClick={() => fn.state !== 'up' && onSelect(fn.id)}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {fn.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {index.mapNames(fn.id)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StateBadge state={now.state} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="function-story">
                  {functionStory(fn)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{worstNow(fn)}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Marks on the timeline: the start, the end, and each day something changes. */
function timelineMarks(result: ScenarioResult): { value: number }[] {
  const end = result.scenario.durationHours;
  const moments = new Set<number>([0, end]);
  for (const fn of result.scenario.functions)
    for (const p of fn.timeline) if (p.atHours <= end) moments.add(p.atHours);
  return [...moments].sort((a, b) => a - b).map((value) => ({ value }));
}

function Results({
  orgId,
  analysis,
  result,
}: {
  orgId: string;
  analysis: OrgAnalysis;
  result: ScenarioResult;
}) {
  const end = result.scenario.durationHours;
  const [atHours, setAtHours] = useState(end);
  const [selected, setSelected] = useState<string | null>(null);
  const index = indexAnalysis(analysis);
  const marks = useMemo(() => timelineMarks(result), [result]);
  const states = result.scenario.functions.map((f) => functionAt(f, atHours).state);
  const down = states.filter((s) => s === 'down').length;
  const degraded = states.filter((s) => s === 'degraded').length;
  // Maps with something affected, the most affected first; the others stay out of the way.
  const affectedMaps = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of result.scenario.nodes) {
      for (const mapId of index.nodes.get(n.id)?.mapIds ?? [])
        counts.set(mapId, (counts.get(mapId) ?? 0) + 1);
    }
    return analysis.maps
      .filter((m) => m.included && counts.has(m.id))
      .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  }, [analysis.maps, index.nodes, result.scenario.nodes]);
  const [mapTab, setMapTab] = useState<string | null>(affectedMaps[0]?.id ?? null);
  // Asking why a node is down also shows its map.
  const select = (id: string) => {
    setSelected(id);
    const mapIds = index.nodes.get(id)?.mapIds ?? [];
    if (mapTab && mapIds.includes(mapTab)) return;
    const shown = affectedMaps.find((m) => mapIds.includes(m.id));
    if (shown) setMapTab(shown.id);
  };

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" data-testid="scenario-result">
        <Group justify="space-between" align="flex-start" mb="md">
          <div>
            <Title order={4}>
              {result.scenario.failed.map(index.label).join(', ')} unavailable for {formatHours(end)}
            </Title>
            <Text size="sm" c="dimmed">
              {result.scenario.workarounds === 'count'
                ? 'Manual workarounds counted while they last.'
                : 'Manual workarounds left out.'}
            </Text>
          </div>
          <Group gap="lg" data-testid="scenario-summary">
            <Text size="sm">
              <Text span fw={700} c="red.8" fz="lg">
                {down}
              </Text>{' '}
              {down === 1 ? 'function' : 'functions'} down
            </Text>
            <Text size="sm">
              <Text span fw={700} c="orange.8" fz="lg">
                {degraded}
              </Text>{' '}
              on a workaround
            </Text>
            <Text size="sm">
              <Text span fw={700} fz="lg">
                {states.length - down - degraded}
              </Text>{' '}
              not affected
            </Text>
          </Group>
        </Group>
        <Text size="sm" fw={500} mb={4}>
          Move through the outage: {formatMoment(atHours)}
        </Text>
        <Slider
          min={0}
          max={end}
          step={1}
          value={atHours}
          onChange={setAtHours}
          // Every mark is labelled below as a button; labels here would overlap on long outages.
          marks={marks.map((m) => ({ value: m.value }))}
          label={formatMoment}
          thumbLabel="Moment of the outage"
          data-testid="timeline"
          mb="md"
        />
        <Group gap={6} mb="md" data-testid="key-moments">
          <Text size="xs" c="dimmed">
            When something changes:
          </Text>
          {marks.slice(0, 14).map((m) => (
            <Button
              key={m.value}
              size="compact-xs"
              variant={m.value === atHours ? 'filled' : 'default'}
              onClick={() => setAtHours(m.value)}
            >
              {formatMoment(m.value)}
            </Button>
          ))}
        </Group>
        <FunctionsTable result={result} atHours={atHours} analysis={analysis} onSelect={select} />
      </Card>

      <SimpleGrid cols={{ base: 1, xl: selected ? 3 : 1 }} spacing="lg">
        <Card withBorder padding="lg" style={{ gridColumn: selected ? 'span 2' : undefined }}>
          <Group justify="space-between" mb="xs">
            <Title order={4}>On the maps</Title>
            <Group gap="md">
              {(['down', 'degraded'] as const).map((c) => (
                <Group key={c} gap={6}>
                  <div style={{ width: 12, height: 12, borderRadius: 3, background: CONDITION[c].hex }} />
                  <Text size="xs">{CONDITION[c].label}</Text>
                </Group>
              ))}
              <Text size="xs" c="dimmed">
                Faded: not affected. Click a coloured box for the reasons.
              </Text>
            </Group>
          </Group>
          {affectedMaps.length === 0 ? (
            <Text c="dimmed">Nothing on your maps is affected.</Text>
          ) : (
            <Tabs value={mapTab} onChange={setMapTab} keepMounted={false}>
              <Tabs.List mb="sm">
                {affectedMaps.map((m) => (
                  <Tabs.Tab key={m.id} value={m.id}>
                    {m.name}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {affectedMaps.map((m) => (
                <Tabs.Panel key={m.id} value={m.id}>
                  <ScenarioMap
                    orgId={orgId}
                    mapId={m.id}
                    scenario={result.scenario}
                    atHours={atHours}
                    onSelect={select}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </Card>
        {selected && (
          <ReasonPanel scenario={result.scenario} nodeId={selected} onClose={() => setSelected(null)} />
        )}
      </SimpleGrid>

      <ImpactChart result={result} dimensions={analysis.rubric.dimensions} atHours={atHours} />
    </Stack>
  );
}

function Simulator({ orgId, analysis }: { orgId: string; analysis: OrgAnalysis }) {
  const { membership } = useCurrentOrg();
  const run = useRunScenario(orgId);
  const [input, setInput] = useState<ScenarioInput | null>(null);
  const [open, setOpen] = useState<SavedScenario | null>(null);
  // A new form for an opened scenario: its choices become the form's starting values.
  const [formKey, setFormKey] = useState(0);
  const index = indexAnalysis(analysis);
  const start = (next: ScenarioInput) => {
    setInput(next);
    run.mutate(next);
  };
  const openSaved = (saved: SavedScenario | null) => {
    setOpen(saved);
    if (!saved) return;
    setFormKey((k) => k + 1);
    start({ failed: saved.failed, durationHours: saved.durationHours, workarounds: saved.workarounds });
  };
  return (
    <>
      <SavedScenarios
        orgId={orgId}
        canWrite={canSaveScenarios(membership.role)}
        current={input}
        open={open}
        onOpen={openSaved}
        dimensions={analysis.rubric.dimensions}
        label={index.label}
      />
      <ScenarioForm key={formKey} analysis={analysis} onRun={start} running={run.isPending} initial={input} />
      {run.isError && <Alert color="red">{errorMessage(run.error)}</Alert>}
      {run.data && (
        // A new run starts its timeline at the end of the outage.
        <Results key={`${run.submittedAt}`} orgId={orgId} analysis={analysis} result={run.data} />
      )}
    </>
  );
}

export function SimulatorPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const analysis = useAnalysis(orgId);
  return (
    <AnalysisFrame orgId={orgId} view="simulator" analysis={analysis}>
      {(data) => <Simulator orgId={orgId} analysis={data} />}
    </AnalysisFrame>
  );
}
