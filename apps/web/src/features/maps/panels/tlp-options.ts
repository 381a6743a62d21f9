// The TLP 2.0 levels with the sharing rule each one sets, worded for people choosing a marking.
import type { Tlp } from '@smart/core';

export const TLP_OPTIONS: { value: Tlp; label: string }[] = [
  { value: 'CLEAR', label: 'TLP:CLEAR · may be shared publicly' },
  { value: 'GREEN', label: 'TLP:GREEN · within the health-sector community' },
  { value: 'AMBER', label: 'TLP:AMBER · your organization and its clients, need to know' },
  { value: 'AMBER+STRICT', label: 'TLP:AMBER+STRICT · your organization only' },
  { value: 'RED', label: 'TLP:RED · only the people it is given to, no further' },
];

export function isTlp(value: unknown): value is Tlp {
  return TLP_OPTIONS.some((o) => o.value === value);
}
