// The line key (flow types) and the shape key (node kinds) of the maps, as data: the editor, the
// SVG/PNG exports and the reports all draw and explain a map from these two tables.
import type { FlowType, NodeKind } from '@smart/core';

export interface LineStyle {
  label: string;
  meaning: string;
  /** Stroke colour (hex), chosen to stay distinct for common colour-vision deficiencies. */
  color: string;
  stroke: 'solid' | 'dashed' | 'dotted' | 'double';
  /** SVG stroke-dasharray for the stroke, or "" for solid lines. */
  dashArray: string;
  width: number;
}

export interface ShapeStyle {
  label: string;
  meaning: string;
  shape: 'ellipse' | 'rounded-rectangle' | 'rectangle' | 'hexagon' | 'parallelogram' | 'cylinder' | 'note';
  fill: string;
  border: string;
}

/** Every flow type of the model document, with how a map draws it. */
export const lineKey: Readonly<Record<FlowType, LineStyle>> = {
  information: {
    label: 'Information flow',
    meaning: 'Data or messages pass along this link: orders, results, claims, reports.',
    color: '#1f6feb',
    stroke: 'solid',
    dashArray: '',
    width: 2,
  },
  payment: {
    label: 'Payment flow',
    meaning: 'Money or payment information passes along this link: claims paid, remittances, transfers.',
    color: '#1a7f37',
    stroke: 'double',
    dashArray: '',
    width: 3,
  },
  material: {
    label: 'Material flow',
    meaning: 'Physical goods move along this link: specimens, drugs, blood, devices, supplies.',
    color: '#bc4c00',
    stroke: 'dashed',
    dashArray: '8 4',
    width: 2,
  },
  support: {
    label: 'Support and hosting',
    meaning:
      'The node runs on, or is maintained by, what it points to: hosting, vendor support, a fourth party.',
    color: '#6e7781',
    stroke: 'dotted',
    dashArray: '2 4',
    width: 1.5,
  },
};

/** Lines that are not dependencies of their own but mark how a map keeps running. */
export const overlayLineKey = {
  alternative: {
    label: 'Alternative',
    meaning: 'One of a group of alternatives: the step keeps running while enough of them run (k of n).',
    color: '#8250df',
    stroke: 'dashed',
    dashArray: '4 3',
    width: 2,
  },
  workaround: {
    label: 'Manual workaround',
    meaning: 'A downtime procedure that keeps the step running at reduced capacity for a limited time.',
    color: '#9a6700',
    stroke: 'dotted',
    dashArray: '1 3',
    width: 2,
  },
} as const satisfies Record<string, LineStyle>;

/** Every kind of node, plus the manual workaround, with how a map draws it. */
export const shapeKey: Readonly<Record<NodeKind | 'workaround', ShapeStyle>> = {
  function: {
    label: 'Critical function',
    meaning: 'An outcome the organization must keep delivering, with its tolerance and impact curve.',
    shape: 'hexagon',
    fill: '#ffebe9',
    border: '#cf222e',
  },
  step: {
    label: 'Process step',
    meaning: 'A step of the workflow, numbered in order and performed by an actor.',
    shape: 'rounded-rectangle',
    fill: '#ddf4ff',
    border: '#0969da',
  },
  system: {
    label: 'Internal system',
    meaning: 'A system the organization runs itself.',
    shape: 'rectangle',
    fill: '#f6f8fa',
    border: '#57606a',
  },
  service: {
    label: 'Third-party service',
    meaning: 'A service or product from an outside vendor, labelled with its category.',
    shape: 'parallelogram',
    fill: '#fff8c5',
    border: '#9a6700',
  },
  vendor: {
    label: 'Vendor',
    meaning: 'The third (or fourth) party behind services and hosts; its failure fails all of them.',
    shape: 'ellipse',
    fill: '#fbefff',
    border: '#8250df',
  },
  host: {
    label: 'Host or infrastructure',
    meaning: 'Where services run: a cloud region, a hosted environment, a data center.',
    shape: 'cylinder',
    fill: '#eaeef2',
    border: '#424a53',
  },
  workaround: {
    label: 'Manual workaround',
    meaning: 'A downtime procedure with its capacity, staff and how long it can last.',
    shape: 'note',
    fill: '#fff1e5',
    border: '#bc4c00',
  },
};
