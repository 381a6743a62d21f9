// Pictures of the whole map (React Flow's "download image" approach): the canvas's viewport element
// rendered by html-to-image with a transform that frames every node, the map's name and TLP marking
// drawn above them (ExportHeader, placed in the same flow coordinates). PNGs of very large maps are
// scaled down to stay within what a browser can draw.
import { getNodesBounds, type Node, type Rect } from '@xyflow/react';
import { toBlob, toSvg } from 'html-to-image';

/** Space around the map and the height of the band with its name and marking, in flow units. */
export const EXPORT_PADDING = 40;
export const EXPORT_HEADER = 64;
/** Browsers refuse canvases much beyond this many pixels a side. */
const MAX_PNG_SIDE = 12_000;

export function download(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** The area an image shows: every node, plus the header band above them. */
export function exportFrame(nodes: Node[]): Rect {
  const bounds = getNodesBounds(nodes);
  return {
    x: bounds.x - EXPORT_PADDING,
    y: bounds.y - EXPORT_PADDING - EXPORT_HEADER,
    width: Math.max(bounds.width, 480) + 2 * EXPORT_PADDING,
    height: bounds.height + 2 * EXPORT_PADDING + EXPORT_HEADER,
  };
}

/** Leaves out what is only there for editing: handles and problem markers. */
function keep(node: HTMLElement): boolean {
  const classes = node.classList;
  if (!classes) return true;
  return !classes.contains('react-flow__handle') && !classes.contains('map-node-problem');
}

export async function renderImage(viewport: HTMLElement, frame: Rect, format: 'svg' | 'png'): Promise<Blob> {
  const scale = format === 'png' ? Math.min(2, MAX_PNG_SIDE / Math.max(frame.width, frame.height)) : 1;
  const width = Math.ceil(frame.width * scale);
  const height = Math.ceil(frame.height * scale);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    filter: keep,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${-frame.x * scale}px, ${-frame.y * scale}px) scale(${scale})`,
    },
  };
  if (format === 'png') {
    const blob = await toBlob(viewport, { ...options, pixelRatio: 1 });
    if (!blob) throw new Error('The browser could not draw the map as a PNG.');
    return blob;
  }
  // A file rather than a data: address, which browsers cap at a few megabytes.
  const dataUrl = await toSvg(viewport, options);
  const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return new Blob([svg], { type: 'image/svg+xml' });
}
