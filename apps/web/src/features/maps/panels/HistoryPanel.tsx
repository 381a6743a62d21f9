// Placeholder until built: the map's versions, the difference between two, and restore.
import type { MapDetail } from '../types';

export interface HistoryPanelProps {
  mapId: string;
  currentVersion: number;
  canEdit: boolean;
  /** Called with the map as restored, so the editor can load it. */
  onRestored: (map: MapDetail) => void;
}

export function HistoryPanel(_props: HistoryPanelProps) {
  return null;
}
