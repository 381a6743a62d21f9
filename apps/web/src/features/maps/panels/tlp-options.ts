// The TLP 2.0 levels with the sharing rule each one sets, worded for people choosing a marking.
import type { Tlp } from '@smart/core';

export const TLP_MEANINGS: Record<Tlp, string> = {
  CLEAR: 'May be shared publicly.',
  GREEN: 'May be shared within the health-sector community, not publicly.',
  AMBER: 'Within your organization and its clients, on a need-to-know basis.',
  'AMBER+STRICT': 'Within your organization only.',
  RED: 'Only the people it is given to, no further.',
};

export const TLP_OPTIONS: { value: Tlp; label: string }[] = (Object.keys(TLP_MEANINGS) as Tlp[]).map(
  (value) => ({
    value,
    label: `TLP:${value}`,
  }),
);

export function isTlp(value: unknown): value is Tlp {
  return TLP_OPTIONS.some((o) => o.value === value);
}
