// The panel beside the canvas, in tabs: the details of what is selected (or of the map), the map's
// problems, its chokepoints (the live what-if), comments (on the selected node, or on the whole
// map) and the version history.
import { Badge, Paper, ScrollArea, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { CommentsPanel } from '../panels/CommentsPanel';
import { HistoryPanel } from '../panels/HistoryPanel';
import type { MapDetail } from '../types';
import { ProblemsList } from './ProblemsList';
import type { DraftProblem } from './problems';

export type SideTab = 'details' | 'problems' | 'chokepoints' | 'comments' | 'history';

interface Props {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  details: ReactNode;
  problems: readonly DraftProblem[];
  /** The chokepoints tab's content (the live what-if). */
  chokepoints: ReactNode;
  map: MapDetail;
  version: number;
  canEdit: boolean;
  selectedNode: { id: string; label: string } | null;
  onSelectNode: (id: string) => void;
  onRestored: (map: MapDetail) => void;
  width: number;
}

export function SidePanel(props: Props) {
  const { tab, problems, map } = props;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const scroll = (content: ReactNode) => (
    <ScrollArea h="100%" type="auto" offsetScrollbars scrollbarSize={8}>
      <div style={{ padding: 'var(--mantine-spacing-md)' }}>{content}</div>
    </ScrollArea>
  );
  return (
    <Paper
      withBorder
      w={props.width}
      style={{ flex: 'none', display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
      data-testid="side-panel"
    >
      <Tabs
        // Five tabs in the narrowest panel: a little less room around each so that all are seen.
        styles={{ tab: { paddingInline: 5, fontSize: 13 } }}
        value={tab}
        onChange={(value) => value && props.onTab(value as SideTab)}
        keepMounted={false}
        style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
      >
        <Tabs.List grow style={{ flexWrap: 'nowrap' }}>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab
            value="problems"
            rightSection={
              problems.length > 0 ? (
                <Badge size="xs" circle={problems.length < 10} color={errors > 0 ? 'red' : 'orange'}>
                  {problems.length}
                </Badge>
              ) : null
            }
          >
            Problems
          </Tabs.Tab>
          <Tabs.Tab value="chokepoints">Chokepoints</Tabs.Tab>
          <Tabs.Tab
            value="comments"
            rightSection={
              map.openComments > 0 ? (
                <Badge size="xs" circle={map.openComments < 10} color="blue" variant="light">
                  {map.openComments}
                </Badge>
              ) : null
            }
          >
            Comments
          </Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <div style={{ flex: 1, minHeight: 0 }}>
          <Tabs.Panel value="details" h="100%">
            {scroll(props.details)}
          </Tabs.Panel>
          <Tabs.Panel value="problems" h="100%">
            {scroll(<ProblemsList problems={problems} onSelectNode={props.onSelectNode} />)}
          </Tabs.Panel>
          <Tabs.Panel value="chokepoints" h="100%">
            {scroll(props.chokepoints)}
          </Tabs.Panel>
          <Tabs.Panel value="comments" h="100%">
            {scroll(
              <CommentsPanel
                mapId={map.id}
                nodeId={props.selectedNode?.id ?? null}
                nodeLabel={props.selectedNode?.label ?? null}
                canComment={map.canComment}
                onSelectNode={props.onSelectNode}
              />,
            )}
          </Tabs.Panel>
          <Tabs.Panel value="history" h="100%">
            {scroll(
              <HistoryPanel
                mapId={map.id}
                currentVersion={props.version}
                canEdit={props.canEdit}
                onRestored={props.onRestored}
              />,
            )}
          </Tabs.Panel>
        </div>
      </Tabs>
    </Paper>
  );
}
