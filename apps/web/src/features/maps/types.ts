// The maps API as the web app sees it: summaries, the full map with its draft model and layout,
// history, differences, comments, review and links to the vendor inventory.
import type { Tlp } from '@smart/core';

export interface UserRef {
  id: string;
  name: string;
}

export type ReviewStatus = 'draft' | 'in_review' | 'validated';

export interface Position {
  x: number;
  y: number;
}

export type MapLayout = Record<string, Position>;

export interface DraftProblem {
  path: string;
  message: string;
  nodeId?: string;
  severity: 'error' | 'warning';
}

export interface MapSummary {
  id: string;
  name: string;
  templateId: string | null;
  subTeamId: string | null;
  subTeamName: string | null;
  tlp: Tlp;
  reviewStatus: ReviewStatus;
  reviewedBy: UserRef | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  version: number;
  nodeCount: number;
  problemCount: number;
  openComments: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: UserRef | null;
  canEdit: boolean;
}

export interface MapDetail extends MapSummary {
  /** The map's SMART model document in its draft form (see @smart/core draftModelSchema). */
  model: DraftModelDocument;
  layout: MapLayout;
  problems: DraftProblem[];
  canReview: boolean;
  canComment: boolean;
}

/** A draft model document as stored: the SMART model with services' vendors and functions' tolerances optional. */
export type DraftModelDocument = Record<string, unknown> & { tlp: Tlp; name?: string };

export type HistoryKind = 'create' | 'import' | 'edit' | 'restore';

export interface MapVersionSummary {
  version: number;
  kind: HistoryKind;
  name: string;
  createdAt: string;
  savedAt: string;
  savedBy: UserRef | null;
  summary: string;
}

export interface MapVersion {
  version: number;
  kind: HistoryKind;
  name: string;
  tlp: Tlp;
  model: DraftModelDocument;
  layout: MapLayout;
  savedAt: string;
  savedBy: UserRef | null;
}

export interface ModelChange {
  change: 'added' | 'removed' | 'changed';
  entity:
    | 'map'
    | 'function'
    | 'step'
    | 'system'
    | 'service'
    | 'vendor'
    | 'host'
    | 'workaround'
    | 'dependency'
    | 'alternatives';
  id: string;
  label: string;
  details: string[];
}

export interface MapDiff {
  from: number;
  to: number;
  changes: ModelChange[];
  summary: string;
}

export interface MapComment {
  id: string;
  nodeId: string | null;
  body: string;
  author: UserRef;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: UserRef | null;
}

export interface MapLink {
  id: string;
  nodeId: string;
  service: { id: string; name: string; category: string; vendorId: string; vendorName: string };
}

export interface VendorMapLink {
  id: string;
  mapId: string;
  mapName: string;
  nodeId: string;
  nodeLabel: string;
  nodeKind: string;
  serviceId: string;
  serviceName: string;
  steps: { id: string; label: string }[];
}

export interface SelectionItem {
  templateId: string;
  rank: number;
  importance: number;
  impact: number;
  reason: string;
}

export interface MapSelection {
  items: SelectionItem[];
  version: number;
  updatedAt: string | null;
  updatedBy: UserRef | null;
}
