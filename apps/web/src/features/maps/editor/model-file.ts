// The SMART model document as a file: written from a map (file name from the map's name, its TLP
// inside), and read back with every reason a file cannot be used said in words.
import { draftModelSchema, formatPath, MODEL_FORMAT } from '@smart/core';
import type { DraftModel } from '../draft';

/** The largest file a map save accepts (the server's body limit, with room for the layout). */
export const MAX_MODEL_FILE_BYTES = 7 * 1024 * 1024;
const ISSUES_SHOWN = 12;

/** "Claims and Payments (Riverbend)" → "claims-and-payments-riverbend". */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || 'map';
}

export function modelFileName(name: string): string {
  return `${fileStem(name)}.smart.json`;
}

export function modelFileText(model: DraftModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

export type ReadModelResult =
  | { ok: true; model: DraftModel; nodeCount: number }
  | { ok: false; title: string; details: string[] };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A model document from a file's text, or what is wrong with it. */
export function parseModelFile(fileName: string, size: number, text: string): ReadModelResult {
  if (size > MAX_MODEL_FILE_BYTES) {
    return {
      ok: false,
      title: `“${fileName}” is too large`,
      details: [`It is ${(size / 1024 / 1024).toFixed(1)} MB; a map's document can be at most 7 MB.`],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      title: `“${fileName}” is not a JSON file`,
      details: [error instanceof Error ? error.message : String(error)],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      title: `“${fileName}” is not a SMART model document`,
      details: [`A model document is a JSON object; this file holds ${describe(data)}.`],
    };
  }
  const format = (data as { format?: unknown }).format;
  if (format !== MODEL_FORMAT) {
    return {
      ok: false,
      title: `“${fileName}” is not a SMART model document`,
      details: [
        format === undefined
          ? `A model document says "format": "${MODEL_FORMAT}"; this file has no "format".`
          : `A model document says "format": "${MODEL_FORMAT}"; this file says ${JSON.stringify(format)}.`,
      ],
    };
  }
  const parsed = draftModelSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      return path ? `${path}: ${issue.message}` : issue.message;
    });
    return {
      ok: false,
      title: `“${fileName}” has ${issues.length} ${issues.length === 1 ? 'mistake' : 'mistakes'}`,
      details: [
        ...issues.slice(0, ISSUES_SHOWN),
        ...(issues.length > ISSUES_SHOWN ? [`and ${issues.length - ISSUES_SHOWN} more`] : []),
      ],
    };
  }
  const m = parsed.data;
  const nodeCount =
    m.functions.length +
    m.processSteps.length +
    m.systems.length +
    m.services.length +
    m.vendors.length +
    m.hosts.length +
    m.workarounds.length;
  return { ok: true, model: m, nodeCount };
}
