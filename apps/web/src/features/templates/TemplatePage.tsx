// One template in full: the rendered map with its legend, where a single failure stops the
// workflow (found by the analysis engine, in the browser), the risk summary, the steps with their
// standards, the actors, sector concentration and the public sources.
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Spoiler,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { analyzeModel, compileModel, type FullAnalysis } from '@smart/core';
import type { ServiceCategory, Template } from '@smart/templates';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../app/form-errors';
import { MapCanvas } from '../maps/MapCanvas';
import { MapLegend } from '../maps/MapLegend';
import { TlpBadge } from '../maps/TlpBadge';
import { useCurrentOrg } from '../shell/current-org';
import { type TemplateDetail, useTemplate } from './queries';

function labelOf(template: Template, id: string): string {
  const m = template.model;
  const all = [...m.functions, ...m.processSteps, ...m.systems, ...m.services, ...m.vendors, ...m.hosts];
  return all.find((n) => n.id === id)?.label ?? id;
}

interface Names {
  actor: (id: string) => string;
  category: (id: string) => string;
}

function namesOf(template: Template, categories: ServiceCategory[]): Names {
  const actors = new Map(template.actors.map((a) => [a.id, a.label]));
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  return { actor: (id) => actors.get(id) ?? id, category: (id) => labels.get(id) ?? id };
}

function Chokepoints({ template, analysis }: { template: Template; analysis: FullAnalysis | null }) {
  return (
    <Stack gap="sm">
      <Title order={4}>Where one failure stops the workflow</Title>
      <List spacing="xs">
        {template.chokepoints.map((c) => (
          <List.Item key={`${c.function}-${c.node}`}>
            <Text size="sm">
              <b>{labelOf(template, c.node)}</b> stops <b>{labelOf(template, c.function)}</b>: {c.why}
            </Text>
          </List.Item>
        ))}
      </List>
      {analysis && (
        <Text size="sm" c="dimmed" data-testid="template-analysis">
          The analysis finds {analysis.singlePoints.reduce((n, f) => n + f.singlePoints.length, 0)} single
          points of failure across {analysis.summary.functions}{' '}
          {analysis.summary.functions === 1 ? 'function' : 'functions'}
          {analysis.summary.falseRedundancies > 0
            ? `, and ${analysis.summary.falseRedundancies} false redundancy`
            : ''}
          . The third parties and infrastructure among them are highlighted on the map.
        </Text>
      )}
    </Stack>
  );
}

function StepsTable({ template, names }: { template: Template; names: Names }) {
  const m = template.model;
  const steps = [...m.processSteps].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const servicesOf = (stepId: string) =>
    m.dependencies
      .filter((d) => d.from === stepId)
      .flatMap((d) => {
        const service = m.services.find((s) => s.id === d.to);
        return service ? [{ service, standard: d.standard }] : [];
      });
  return (
    <Table striped withTableBorder aria-label="Workflow steps">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={50}>#</Table.Th>
          <Table.Th>Step</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>Third-party services and standards</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {steps.map((step) => (
          <Table.Tr key={step.id}>
            <Table.Td>{step.order ?? ''}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {step.label ?? step.id}
              </Text>
              {step.notes && (
                <Text size="xs" c="dimmed">
                  {step.notes}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{step.actor ? names.actor(step.actor) : ''}</Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {servicesOf(step.id).map(({ service, standard }) => (
                  <Text size="sm" key={service.id}>
                    {service.label ?? service.id}{' '}
                    <Text span c="dimmed" size="xs">
                      ({names.category(service.category)}
                      {standard ? ` · ${standard}` : ''})
                    </Text>
                  </Text>
                ))}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function TemplateView({ detail }: { detail: TemplateDetail }) {
  const { template, categories } = detail;
  const names = useMemo(() => namesOf(template, categories), [template, categories]);
  const [highlight, setHighlight] = useState(true);
  const analysis = useMemo(() => {
    try {
      return analyzeModel(compileModel(template.model));
    } catch {
      return null;
    }
  }, [template]);
  // Nearly every step of an unadapted map is a single point of failure; what a risk team acts on
  // are the third parties and infrastructure among them.
  const thirdPartySinglePoints = useMemo(() => {
    const m = template.model;
    const outside = new Set([...m.services, ...m.vendors, ...m.hosts].map((n) => n.id));
    return new Set(
      analysis?.singlePoints.flatMap((f) => f.singlePoints).filter((id) => outside.has(id)) ?? [],
    );
  }, [analysis, template]);
  const sourceById = new Map(template.sources.map((s) => [s.id, s]));

  return (
    <Tabs defaultValue="map" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="map">Map</Tabs.Tab>
        <Tabs.Tab value="risk">Risk summary</Tabs.Tab>
        <Tabs.Tab value="steps">Steps and standards</Tabs.Tab>
        <Tabs.Tab value="actors">Actors</Tabs.Tab>
        <Tabs.Tab value="sources">Sources ({template.sources.length})</Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="map" pt="md">
        <Stack gap="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Arrows point the way things flow: from a provider to the step that needs it. Scroll to zoom,
              drag to pan.
            </Text>
            <Switch
              checked={highlight}
              onChange={(event) => setHighlight(event.currentTarget.checked)}
              label={`Highlight third parties that are single points of failure (${thirdPartySinglePoints.size})`}
            />
          </Group>
          <MapCanvas
            model={template.model}
            names={names}
            highlighted={highlight ? thirdPartySinglePoints : undefined}
            height="max(520px, calc(100vh - 250px))"
          />
          <Paper withBorder p="md">
            <MapLegend />
          </Paper>
          <Paper withBorder p="md">
            <Chokepoints template={template} analysis={analysis} />
          </Paper>
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="risk" pt="md">
        <Stack gap="md" maw={900}>
          <Title order={4}>{template.riskSummary.function}</Title>
          <List spacing="xs">
            {template.riskSummary.points.map((point) => (
              <List.Item key={point}>{point}</List.Item>
            ))}
          </List>
          {template.riskSummary.services.length > 0 && (
            <Text size="sm">
              <b>Key third-party services:</b> {template.riskSummary.services.join(', ')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {template.riskSummary.attribution}
          </Text>
          {template.concentration.length > 0 && (
            <>
              <Title order={4}>Sector concentration</Title>
              <List spacing="xs">
                {template.concentration.map((fact) => (
                  <List.Item key={`${fact.category}-${fact.statement}`}>
                    <Text size="sm">
                      <Badge variant="light" color="orange" radius="sm" mr={6} tt="none">
                        {names.category(fact.category)}
                      </Badge>
                      {fact.statement}{' '}
                      {fact.sources.map((id) => {
                        const source = sourceById.get(id);
                        return source ? (
                          <Anchor key={id} href={source.url} target="_blank" rel="noreferrer" size="xs">
                            [{source.publisher ?? source.title}]
                          </Anchor>
                        ) : null;
                      })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {template.incidents.length > 0 && (
            <>
              <Title order={4}>When it went wrong</Title>
              <List spacing="xs">
                {template.incidents.map((incident) => (
                  <List.Item key={incident.summary}>
                    <Text size="sm">
                      <b>{incident.year}.</b> {incident.summary}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="steps" pt="md">
        <StepsTable template={template} names={names} />
      </Tabs.Panel>

      <Tabs.Panel value="actors" pt="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} maw={1100}>
          {template.actors.map((actor) => (
            <Paper withBorder p="md" key={actor.id}>
              <Group gap="xs" mb={4}>
                <Text fw={600}>{actor.label}</Text>
                <Badge variant="light" color="gray" radius="sm">
                  {actor.kind}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {actor.description}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Tabs.Panel>

      <Tabs.Panel value="sources" pt="md">
        <Stack gap="xs" maw={900}>
          <Text size="sm" c="dimmed">
            This map was written by SMART from public information. It is not the HSCC’s own map, which is
            shared under TLP:RED with sector members only.
          </Text>
          <List spacing="xs">
            {template.sources.map((source) => (
              <List.Item key={source.id}>
                <Anchor href={source.url} target="_blank" rel="noreferrer">
                  {source.title}
                </Anchor>
                <Text span size="sm" c="dimmed">
                  {source.publisher ? ` · ${source.publisher}` : ''}
                  {source.year ? ` · ${source.year}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

export function TemplatePage() {
  const orgId = useCurrentOrg().membership.id;
  const { templateId = '' } = useParams();
  const query = useTemplate(templateId);
  const template = query.data?.template;
  return (
    <Stack gap="md" maw={1400}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/o/${orgId}/maps`} size="sm">
          Maps
        </Anchor>
        <Anchor component={Link} to={`/o/${orgId}/maps/templates`} size="sm">
          Template library
        </Anchor>
        <Text size="sm">{template?.title ?? '…'}</Text>
      </Breadcrumbs>
      {query.isPending && <Skeleton h={500} />}
      {query.isError && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {template && (
        <>
          <Stack gap={6}>
            <Group gap="sm" align="center">
              <Title order={2}>
                {template.number}. {template.title}
              </Title>
              <TlpBadge tlp={template.model.tlp} />
              <Badge variant="light" color="gray" radius="sm">
                v{template.version}
              </Badge>
            </Group>
            <Spoiler maxHeight={48} showLabel="Read more" hideLabel="Show less" maw={980}>
              <Text>{template.workflow}</Text>
            </Spoiler>
          </Stack>
          {query.data && <TemplateView detail={query.data} />}
        </>
      )}
    </Stack>
  );
}
