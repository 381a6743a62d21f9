// A TLP 2.0 marking as FIRST specifies it: the label in its colour on a black background.
import { Badge, type BadgeProps } from '@mantine/core';
import type { Tlp } from '@smart/core';

export const TLP_COLOR: Record<Tlp, string> = {
  CLEAR: '#FFFFFF',
  GREEN: '#33FF00',
  AMBER: '#FFC000',
  'AMBER+STRICT': '#FFC000',
  RED: '#FF2B2B',
};

export function TlpBadge({ tlp, ...props }: { tlp: Tlp } & BadgeProps) {
  return (
    <Badge
      radius={2}
      tt="none"
      ff="monospace"
      fw={700}
      styles={{ root: { background: '#000000', color: TLP_COLOR[tlp] } }}
      data-testid="tlp-marking"
      {...props}
    >
      TLP:{tlp}
    </Badge>
  );
}
