// Phase 1 · Step 5, the overview of the critical function analysis: which maps it uses (and which
// it leaves out, with why and where to fix it), the headline figures a board asks for first, the
// five vendors that matter most, and the way into the four detailed views.
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { VendorPriority } from '@smart/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconBolt,
  IconChartPie,
  IconListNumbers,
  IconTargetArrow,
} from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { TlpBadge } from '../maps/TlpBadge';
import { useCurrentOrg } from '../shell/current-org';
import { categoryLabel } from '../vendors/categories';
import { AnalysisFrame, MapLink } from './AnalysisFrame';
import { REVIEW_LABEL } from './labels';
import { useAnalysis } from './queries';
import type { OrgAnalysis } from './types';

function Figure({
  value,
  label,
  tone,
  testId,
}: {
  value: ReactNode;
  label: string;
  tone?: string;
  testId: string;
}) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Text fz={36} fw={700} c={tone} lh={1.1}>
        {value}
      </Text>
      <Text size="sm" mt={6}>
        {label}
      </Text>
    </Card>
  );
}

function Headlines({ analysis }: { analysis: OrgAnalysis }) {
  const { summary } = analysis;
  const concentrated = summary.concentratedCategories;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <Figure
        testId="figure-single-points"
        value={`${summary.functionsWithSinglePoints} of ${summary.functions}`}
        label="critical functions have a single point of failure: one thing whose failure alone stops them"
        tone={summary.functionsWithSinglePoints > 0 ? 'red.8' : undefined}
      />
      <Figure
        testId="figure-false-redundancies"
        value={summary.falseRedundancies}
        label={
          summary.falseRedundancies === 1
            ? 'backup arrangement is not a real backup (both sides share one provider)'
            : 'backup arrangements are not real backups (both sides share one provider)'
        }
        tone={summary.falseRedundancies > 0 ? 'orange.8' : undefined}
      />
      <Figure
        testId="figure-concentrated"
        value={concentrated.length}
        label={
          concentrated.length === 0
            ? 'service categories where one or two vendors hold over 90% of the sector'
            : `service ${concentrated.length === 1 ? 'category' : 'categories'} where one or two vendors hold over 90% of the sector: ${concentrated.map(categoryLabel).join(', ')}`
        }
      />
      <Figure
        testId="figure-vendors"
        value={summary.vendors}
        label="vendors found behind your critical functions"
      />
    </SimpleGrid>
  );
}

/** One line under a top vendor: what its failure stops and the worst harm, not the full story. */
function vendorLine(p: VendorPriority): string {
  const stops = `Its failure alone stops ${p.functionsTakenDown.length} of the ${p.functionsDependent} functions that rely on it`;
  return p.worst
    ? `${stops}; worst harm: ${p.worst.levelName} (${p.worst.dimensionLabel.toLowerCase()})`
    : stops;
}

function TopVendors({ analysis, orgId }: { analysis: OrgAnalysis; orgId: string }) {
  const top = analysis.priorities.slice(0, 5);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={4}>The five vendors that matter most</Title>
        <Anchor component={Link} to={`/o/${orgId}/analysis/priorities`} size="sm">
          Full prioritized list
        </Anchor>
      </Group>
      {top.length === 0 ? (
        <Text c="dimmed">No vendor is recorded in the maps yet.</Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="top-vendors">
          <Table.Tbody>
            {top.map((p) => (
              <Table.Tr key={p.vendor.id}>
                <Table.Td w={40}>
                  <Text fw={700}>{p.rank}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fw={600}>{p.vendor.label}</Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {vendorLine(p)}
                  </Text>
                </Table.Td>
                <Table.Td w={90} ta="right">
                  <Text size="sm">score {Math.round(p.score)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function MapsUsed({ analysis, orgId }: { analysis: OrgAnalysis; orgId: string }) {
  const left = analysis.maps.filter((m) => !m.included);
  return (
    <Card withBorder padding="lg" data-testid="analysis-maps">
      <Title order={4} mb="sm">
        Maps in this analysis
      </Title>
      {left.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} mb="sm">
          {left.length === 1 ? 'One map is' : `${left.length} maps are`} left out until{' '}
          {left.length === 1 ? 'its' : 'their'} problems are fixed, so the figures here do not cover{' '}
          {left.length === 1 ? 'it' : 'them'}.
        </Alert>
      )}
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Map</Table.Th>
            <Table.Th>Review</Table.Th>
            <Table.Th>Functions</Table.Th>
            <Table.Th>Marking</Table.Th>
            <Table.Th>In the analysis</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.maps.map((m) => (
            <Fragment key={m.id}>
              <Table.Tr
                data-testid={`analysis-map-${m.id}`}
                style={m.included ? undefined : { borderBottom: 0 }}
              >
                <Table.Td>
                  <MapLink orgId={orgId} mapId={m.id}>
                    {m.name}
                  </MapLink>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    style={{ flex: 'none' }}
                    miw="max-content"
                    variant="light"
                    color={m.reviewStatus === 'validated' ? 'green' : 'gray'}
                    radius="sm"
                  >
                    {REVIEW_LABEL[m.reviewStatus]}
                  </Badge>
                </Table.Td>
                <Table.Td>{m.functions}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <TlpBadge tlp={m.tlp} size="sm" miw="max-content" />
                </Table.Td>
                <Table.Td>
                  {m.included ? (
                    <Text size="sm">Included</Text>
                  ) : (
                    <Text size="sm" c="orange.9" fw={600}>
                      Left out
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              {!m.included && (
                // The reason gets the row's full width: squeezed in a column it read as a list of words.
                <Table.Tr data-testid={`analysis-map-problem-${m.id}`}>
                  <Table.Td colSpan={5} pt={0}>
                    <Text size="sm" c="orange.9">
                      Why: {m.problem ?? 'the map has problems'}{' '}
                      <MapLink orgId={orgId} mapId={m.id}>
                        Fix it in the editor
                      </MapLink>
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Materiality levels come from{' '}
        {analysis.rubric.source === 'approved'
          ? `your approved rubric (version ${analysis.rubric.version ?? ''})`
          : 'the default rubric: your organization has not approved one yet'}
        .
      </Text>
    </Card>
  );
}

const VIEW_CARDS = [
  {
    to: 'simulator',
    icon: IconBolt,
    title: 'Outage simulator',
    text: 'What happens if a vendor goes dark for a day, a week or a month.',
  },
  {
    to: 'chokepoints',
    icon: IconTargetArrow,
    title: 'Single points of failure',
    text: 'What each critical function cannot do without, and backups that are not backups.',
  },
  {
    to: 'concentration',
    icon: IconChartPie,
    title: 'Concentration',
    text: 'Vendors behind many functions, and markets held by one or two vendors.',
  },
  {
    to: 'priorities',
    icon: IconListNumbers,
    title: 'Prioritized vendors',
    text: 'Every vendor ranked and explained; export it or save it for Phase 2.',
  },
] as const;

function Views({ orgId }: { orgId: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {VIEW_CARDS.map((v) => (
        <Card
          key={v.to}
          withBorder
          padding="lg"
          component={Link}
          to={`/o/${orgId}/analysis/${v.to}`}
          data-testid={`view-${v.to}`}
        >
          <Group gap="sm" wrap="nowrap" mb={6}>
            <ThemeIcon variant="light" size={32}>
              <v.icon size={18} />
            </ThemeIcon>
            <Text fw={600}>{v.title}</Text>
            <IconArrowRight size={16} style={{ marginLeft: 'auto' }} />
          </Group>
          <Text size="sm" c="dimmed">
            {v.text}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function AnalysisPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const analysis = useAnalysis(orgId);
  return (
    <AnalysisFrame orgId={orgId} view="" analysis={analysis}>
      {(data) => (
        <>
          <Headlines analysis={data} />
          <Views orgId={orgId} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <TopVendors analysis={data} orgId={orgId} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <MapsUsed analysis={data} orgId={orgId} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </AnalysisFrame>
  );
}
