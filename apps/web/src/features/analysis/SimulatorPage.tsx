// The outage simulator: choose what becomes unavailable without warning and for how long, and
// see which critical functions stop, which run on a workaround and until when, on the maps and in
// a table, at any moment of the outage (the timeline), with each down node's chain of reasons and
// the harm on every materiality dimension over time. Scenarios can be saved, reopened, compared.
import { Alert, Button, Card, Group, SimpleGrid, Slider, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import { AnalysisFrame } from './AnalysisFrame';
import { formatHours, formatMoment, functionAt } from './format';
import { ImpactChart } from './ImpactChart';
import { CONDITION, indexAnalysis } from './labels';
import { canSaveScenarios } from './permissions';
import { useAnalysis, useRunScenario } from './queries';
import { ReasonPanel } from './ReasonPanel';
import { SavedScenarios } from './SavedScenarios';
import { ScenarioForm } from './ScenarioForm';
import { FunctionsTable } from './ScenarioFunctions';
import { ScenarioMap } from './ScenarioMap';
import type { OrgAnalysis, SavedScenario, ScenarioInput, ScenarioResult } from './types';

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
    // A scenario limited to one map or one function shows only the maps of that scope.
    const { mapId, functionId } = result.scope;
    const inScope = (id: string) =>
      mapId ? id === mapId : functionId ? (index.nodes.get(functionId)?.mapIds ?? []).includes(id) : true;
    return analysis.maps
      .filter((m) => m.included && counts.has(m.id) && inScope(m.id))
      .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
  }, [analysis.maps, index.nodes, result.scenario.nodes, result.scope]);
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
              {result.scope.mapId
                ? `Only the map ${index.maps.get(result.scope.mapId)?.name ?? ''}. `
                : result.scope.functionId
                  ? `Only ${index.label(result.scope.functionId)}. `
                  : 'The whole organization. '}
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
                    selected={selected}
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
