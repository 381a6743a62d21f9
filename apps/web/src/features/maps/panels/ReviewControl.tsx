// Placeholder until built: the map's review status and the buttons that move it.
import type { MapDetail } from '../types';

export interface ReviewControlProps {
  map: MapDetail;
  /** Called with the map after a review change (its version has moved on). */
  onChanged: (map: MapDetail) => void;
}

export function ReviewControl(_props: ReviewControlProps) {
  return null;
}
