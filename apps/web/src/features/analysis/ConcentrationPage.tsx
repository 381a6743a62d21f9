// Concentration: the vendors that many critical functions rely on, and per service category how
// much of it one or two vendors hold, in your organization and in the sector (from the templates'
// sector data), with the categories where the sector's top two hold over 90% flagged.
import { Badge, Card, Group, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { CategoryConcentration, ShareSummary } from '@smart/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCurrentOrg } from '../shell/current-org';
import { categoryLabel } from '../vendors/categories';
import { AnalysisFrame } from './AnalysisFrame';
import { percent } from './labels';
import { useAnalysis } from './queries';
import type { OrgAnalysis } from './types';

const hhiWords = (hhi: number) =>
  hhi > 2500 ? 'highly concentrated' : hhi >= 1500 ? 'moderately concentrated' : 'not concentrated';

function Shares({ summary }: { summary: ShareSummary }) {
  return (
    <Stack gap={2}>
      <Text size="sm">
        Largest {percent(summary.top1Share)} · top two {percent(summary.top2Share)}
      </Text>
      <Tooltip label="Herfindahl–Hirschman index, 0 to 10,000: above 2,500 is highly concentrated">
        <Text size="xs" c="dimmed">
          HHI {Math.round(summary.hhi).toLocaleString('en-US')} ({hhiWords(summary.hhi)})
        </Text>
      </Tooltip>
    </Stack>
  );
}

function VendorsBehindFunctions({ analysis }: { analysis: OrgAnalysis }) {
  const total = analysis.summary.functions;
  const rows = [...analysis.concentration.vendors]
    .filter((v) => v.functionsDependent > 0)
    .sort(
      (a, b) => b.functionsDependent - a.functionsDependent || b.functionsTakenDown - a.functionsTakenDown,
    );
  return (
    <Card withBorder padding="lg">
      <Title order={4}>Vendors behind many functions</Title>
      <Text size="sm" c="dimmed" mb="sm">
        How many of your {total} critical functions rely on each vendor in any way, and how many stop if it
        fails on its own.
      </Text>
      <Table verticalSpacing="xs" data-testid="vendor-concentration">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Vendor</Table.Th>
            <Table.Th w={260}>Functions that rely on it</Table.Th>
            <Table.Th>Functions it stops alone</Table.Th>
            <Table.Th>Services</Table.Th>
            <Table.Th>Categories</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr key={v.vendor.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {v.vendor.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Progress value={total ? (100 * v.functionsDependent) / total : 0} w={120} size="md" />
                  <Text size="sm">
                    {v.functionsDependent} of {total}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  c={v.functionsTakenDown > 0 ? 'red.8' : undefined}
                  fw={v.functionsTakenDown > 0 ? 600 : 400}
                >
                  {v.functionsTakenDown}
                </Text>
              </Table.Td>
              <Table.Td>{v.services}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {v.categories.map(categoryLabel).join(', ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function CategoryRow({ c }: { c: CategoryConcentration }) {
  const ours = c.organization.vendors
    .slice()
    .sort((a, b) => b.share - a.share)
    .map((v) => `${v.vendor.label} (${percent(v.share)})`)
    .join(', ');
  return (
    <Table.Tr data-testid={`category-${c.category}`}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {categoryLabel(c.category)}
        </Text>
        {c.sectorConcentrated && (
          <Badge color="red" variant="light" radius="sm" mt={4} leftSection={<IconAlertTriangle size={12} />}>
            Sector concentrated
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{ours}</Text>
      </Table.Td>
      <Table.Td>
        {c.organization.vendors.length <= 1 ? (
          <Text size="sm" c="dimmed">
            All from one vendor
          </Text>
        ) : (
          <Shares summary={c.organization} />
        )}
      </Table.Td>
      <Table.Td>
        {c.sector ? (
          <Stack gap={2}>
            <Shares summary={c.sector} />
            <Text size="xs" c="dimmed">
              {c.sector.vendors
                .slice(0, 3)
                .map((v) => `${v.vendor} ${percent(v.share)}`)
                .join(', ')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No sector data
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Categories({ analysis }: { analysis: OrgAnalysis }) {
  const rows = [...analysis.concentration.categories].sort(
    (a, b) =>
      Number(b.sectorConcentrated) - Number(a.sectorConcentrated) ||
      (b.sector?.top2Share ?? 0) - (a.sector?.top2Share ?? 0) ||
      a.category.localeCompare(b.category),
  );
  return (
    <Card withBorder padding="lg">
      <Title order={4}>Service categories</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Your own share of services per vendor in each category, beside the sector’s market shares. Where one
        or two vendors hold over 90% of the sector, switching away after an outage is hard for everyone at
        once.
      </Text>
      <Table verticalSpacing="xs" data-testid="category-concentration">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={240}>Category</Table.Th>
            <Table.Th>Your vendors (share of your services)</Table.Th>
            <Table.Th w={220}>Your concentration</Table.Th>
            <Table.Th w={300}>Sector concentration</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <CategoryRow key={c.category} c={c} />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function ConcentrationPage() {
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const analysis = useAnalysis(orgId);
  return (
    <AnalysisFrame orgId={orgId} view="concentration" analysis={analysis}>
      {(data) => (
        <>
          <VendorsBehindFunctions analysis={data} />
          <Categories analysis={data} />
        </>
      )}
    </AnalysisFrame>
  );
}
