// Durations as people write them ("14d", "36h", "90m", "1d12h", ISO 8601 "P2DT6H"), converted to hours,
// the one unit the engine uses internally.
import { z } from 'zod';

const UNIT_HOURS: Record<string, number> = { w: 168, d: 24, h: 1, m: 1 / 60 };
const SHORT_FORM = /^(?:\d+(?:\.\d+)?[wdhm])+$/;
const SHORT_PART = /(\d+(?:\.\d+)?)([wdhm])/g;
const ISO_FORM =
  /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/;

/** Hours in a duration string, or undefined when the string is not a duration. */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim().replace(/\s+/g, '').toLowerCase();
  if (compact === '0') return 0;
  if (SHORT_FORM.test(compact)) {
    let hours = 0;
    for (const [, amount, unit] of compact.matchAll(SHORT_PART)) {
      hours += Number(amount) * (UNIT_HOURS[unit ?? 'h'] ?? 1);
    }
    return hours;
  }
  return parseIsoDuration(text.trim().toUpperCase());
}

function parseIsoDuration(text: string): number | undefined {
  const match = ISO_FORM.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes] = match.map((part) => Number(part ?? 0));
  return (weeks ?? 0) * 168 + (days ?? 0) * 24 + (hours ?? 0) + (minutes ?? 0) / 60;
}

/** The shortest readable form of a number of hours: "14d", "36h", "90m", "1d12h". */
export function formatDuration(hours: number): string {
  if (!Number.isFinite(hours)) return 'never';
  if (hours === 0) return '0h';
  const totalMinutes = Math.round(hours * 60);
  if (totalMinutes < 60) return `${totalMinutes}m`;
  const days = Math.floor(totalMinutes / 1440);
  const restHours = Math.floor((totalMinutes % 1440) / 60);
  const restMinutes = totalMinutes % 60;
  const parts = [
    days ? `${days}d` : '',
    restHours ? `${restHours}h` : '',
    restMinutes ? `${restMinutes}m` : '',
  ];
  return parts.join('');
}

/** A duration field of the model document: a string such as "14d", "36h", "90m" or "P2DT6H". */
export const durationSchema = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, {
    message: 'not a duration: write it like "90m", "36h", "14d", "1d12h" or "P2DT6H"',
  })
  .meta({ description: 'A duration such as "90m", "36h", "14d", "2w", "1d12h" or ISO 8601 "P2DT6H".' });

/** Hours of a duration already accepted by durationSchema. */
export function hoursOf(duration: string): number {
  return parseDuration(duration) ?? 0;
}
