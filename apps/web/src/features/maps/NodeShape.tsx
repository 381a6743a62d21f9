// The outline of a map node in the shape the key gives its kind, drawn as SVG behind the text so
// the border follows the shape (hexagon, parallelogram, cylinder ...), as in exported maps.
import type { ShapeStyle } from '@smart/templates/keys';
import type { ReactElement } from 'react';

interface Props {
  look: ShapeStyle;
  width: number;
  height: number;
  strokeWidth: number;
}

export function shapeInset(shape: ShapeStyle['shape'], width: number): number {
  if (shape === 'hexagon' || shape === 'parallelogram') return Math.min(18, width * 0.08);
  if (shape === 'ellipse') return width * 0.1;
  return 0;
}

export function NodeShape({ look, width: w, height: h, strokeWidth }: Props) {
  const s = strokeWidth / 2;
  const inset = shapeInset(look.shape, w);
  const common = { fill: look.fill, stroke: look.border, strokeWidth };
  let outline: ReactElement;
  switch (look.shape) {
    case 'hexagon':
      outline = (
        <polygon
          {...common}
          points={`${inset},${s} ${w - inset},${s} ${w - s},${h / 2} ${w - inset},${h - s} ${inset},${h - s} ${s},${h / 2}`}
        />
      );
      break;
    case 'parallelogram':
      outline = (
        <polygon
          {...common}
          points={`${inset + s},${s} ${w - s},${s} ${w - inset - s},${h - s} ${s},${h - s}`}
        />
      );
      break;
    case 'ellipse':
      outline = <ellipse {...common} cx={w / 2} cy={h / 2} rx={w / 2 - s} ry={h / 2 - s} />;
      break;
    case 'cylinder': {
      const ry = 7;
      outline = (
        <>
          <path
            {...common}
            d={`M${s},${ry} V${h - ry} A${w / 2 - s},${ry} 0 0 0 ${w - s},${h - ry} V${ry}`}
          />
          <ellipse {...common} cx={w / 2} cy={ry} rx={w / 2 - s} ry={ry - s} />
        </>
      );
      break;
    }
    case 'note': {
      const fold = 12;
      outline = (
        <>
          <polygon
            {...common}
            points={`${s},${s} ${w - fold},${s} ${w - s},${fold} ${w - s},${h - s} ${s},${h - s}`}
          />
          <polyline
            fill="none"
            stroke={look.border}
            strokeWidth={strokeWidth}
            points={`${w - fold},${s} ${w - fold},${fold} ${w - s},${fold}`}
          />
        </>
      );
      break;
    }
    case 'rounded-rectangle':
      outline = <rect {...common} x={s} y={s} width={w - 2 * s} height={h - 2 * s} rx={12} />;
      break;
    default:
      outline = <rect {...common} x={s} y={s} width={w - 2 * s} height={h - 2 * s} rx={2} />;
  }
  return (
    <svg width={w} height={h} style={{ position: 'absolute', inset: 0, overflow: 'visible' }} aria-hidden>
      {outline}
    </svg>
  );
}
