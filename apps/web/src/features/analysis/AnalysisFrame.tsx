// The frame every analysis page shares: the step's heading, the five views as tabs, the TLP
// marking of the analysis (the strictest of its maps) and one place for loading, errors and the
// empty organization, so each page only draws its own content.
import { Alert, Anchor, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconMap2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/form-errors';
import { TlpBadge } from '../maps/TlpBadge';
import { StepHeader } from '../method/StepHeader';
import type { OrgAnalysis } from './types';

export const ANALYSIS_VIEWS = [
  { path: '', label: 'Overview' },
  { path: 'simulator', label: 'Outage simulator' },
  { path: 'chokepoints', label: 'Single points of failure' },
  { path: 'concentration', label: 'Concentration' },
  { path: 'priorities', label: 'Prioritized vendors' },
] as const;

export type AnalysisView = (typeof ANALYSIS_VIEWS)[number]['path'];

const DETAIL: Record<AnalysisView, string> = {
  '': 'Everything below is computed from your workflow maps and vendor inventory together, so a vendor that appears in several maps counts once.',
  simulator:
    'Choose what becomes unavailable and for how long; see which functions stop, which run on a workaround and until when, and how much harm that does.',
  chokepoints:
    'For each critical function, the vendors, services and hosts whose failure alone stops it, including backups that are not real backups.',
  concentration:
    'Vendors that many functions rely on, and service categories where a few vendors hold most of your organization or of the sector.',
  priorities:
    'Every vendor ranked by how much harm its failure would do, with the reasons. This list is what Phase 2 assesses first.',
};

function ViewTabs({ orgId, current }: { orgId: string; current: AnalysisView }) {
  const navigate = useNavigate();
  return (
    <Tabs
      // Mantine's tabs need a non-empty value: the overview's path is empty.
      value={current || 'overview'}
      onChange={(value) =>
        value !== null && navigate(`/o/${orgId}/analysis${value === 'overview' ? '' : `/${value}`}`)
      }
    >
      <Tabs.List>
        {ANALYSIS_VIEWS.map((view) => (
          <Tabs.Tab
            key={view.path}
            value={view.path || 'overview'}
            data-testid={`analysis-tab-${view.path || 'overview'}`}
          >
            {view.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

function EmptyOrganization({ orgId }: { orgId: string }) {
  return (
    <Stack align="center" gap="sm" p="xl" data-testid="analysis-empty">
      <Text fw={600}>There is nothing to analyze yet.</Text>
      <Text c="dimmed" ta="center" maw={560}>
        The analysis works from your workflow maps: which steps depend on which services, vendors and hosts.
        Add a map of at least one critical workflow and come back here.
      </Text>
      <Button component={Link} to={`/o/${orgId}/maps`} leftSection={<IconMap2 size={16} />}>
        Go to Maps
      </Button>
    </Stack>
  );
}

interface FrameProps {
  orgId: string;
  view: AnalysisView;
  analysis: { data?: OrgAnalysis; isPending: boolean; error: unknown };
  /** Drawn once the analysis has arrived and the organization has something to analyze. */
  children: (analysis: OrgAnalysis) => ReactNode;
  /** Buttons on the right of the tabs' row. */
  actions?: ReactNode;
}

export function AnalysisFrame({ orgId, view, analysis, children, actions }: FrameProps) {
  const location = useLocation();
  const data = analysis.data;
  // Empty only without any map: maps left out for their problems are listed by the overview,
  // with why and where to fix them.
  const empty = data !== undefined && data.maps.length === 0;
  return (
    <Stack gap="lg" maw={1800} data-testid={`analysis-${view || 'overview'}`} key={location.pathname}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <StepHeader path="analysis" detail={DETAIL[view]} />
        {data && (
          <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
            <TlpBadge tlp={data.tlp} size="lg" />
            <Text size="xs" c="dimmed" ta="right" maw={260}>
              Marked as the strictest of the maps it uses. Share accordingly.
            </Text>
          </Stack>
        )}
      </Group>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
        <div style={{ flex: 1 }}>
          <ViewTabs orgId={orgId} current={view} />
        </div>
        {actions}
      </Group>
      {analysis.isPending && <Skeleton h={320} />}
      {analysis.error !== null && analysis.error !== undefined && !data && (
        <Alert color="red" title="The analysis could not be computed">
          {errorMessage(analysis.error)}
        </Alert>
      )}
      {data && empty && <EmptyOrganization orgId={orgId} />}
      {data && !empty && children(data)}
    </Stack>
  );
}

/** A link to one map, by id, from anywhere in the analysis. */
export function MapLink({ orgId, mapId, children }: { orgId: string; mapId: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={`/o/${orgId}/maps/${mapId}`} size="sm">
      {children}
    </Anchor>
  );
}
