// A vendor's rank in words a board member understands: what stops, how bad it gets, why nothing
// protects it, the patient data at stake, and the sector picture.
import { type CompiledGraph, labelOf } from '../graph/compile';
import { formatDuration } from '../model/duration';
import type { VendorPriority } from './priority';

const percent = (share: number) => `${Math.round(share * 100)}%`;

function listOf(names: readonly string[], limit = 4): string {
  if (names.length <= limit) {
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  }
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function stopSentence(graph: CompiledGraph, entry: VendorPriority): string {
  const name = entry.vendor.label;
  const down = entry.functionsTakenDown;
  if (down.length > 0) {
    const labels = down.map((id) => labelOf(graph, graph.indexOf.get(id) ?? 0));
    const total = graph.functionNodes.length;
    const functions = total === 1 ? 'critical function' : 'critical functions';
    return `If ${name} became unavailable without warning, ${down.length} of ${total} ${functions} would stop: ${listOf(labels)}.`;
  }
  if (entry.functionsDependent > 0) {
    if (entry.functionsDependent === 1) {
      return `1 critical function relies on ${name}, but would not stop if it went dark: an alternative or a workaround covers it.`;
    }
    return `${entry.functionsDependent} critical functions rely on ${name}, but none would stop if it went dark: alternatives or workarounds cover them.`;
  }
  return `No critical function relies on ${name}.`;
}

function mitigationSentence(entry: VendorPriority): string | undefined {
  const down = entry.functionsTakenDown.length;
  if (down === 0) return undefined;
  const covered = entry.functionsDependent - down;
  if (covered <= 0) return 'No alternative vendor or workaround keeps these running.';
  return `${plural(covered, 'other function that relies on it is', 'other functions that rely on it are')} protected by alternatives or workarounds; these are not.`;
}

function sectorSentence(entry: VendorPriority): string | undefined {
  const sector = entry.sector;
  if (!sector) return undefined;
  if (sector.concentrated && sector.isTopTwo) {
    return `In the sector, the top two vendors of ${sector.category} hold ${percent(sector.top2Share)}, and ${entry.vendor.label} is one of them: an outage would hit many organizations at once.`;
  }
  return `It holds about ${percent(sector.share)} of the sector's ${sector.category}.`;
}

/** The explanation of one vendor's rank, sentence by sentence. */
export function explainPriority(graph: CompiledGraph, entry: VendorPriority, horizonHours: number): string[] {
  const sentences = [stopSentence(graph, entry)];
  const worst = entry.worst;
  if (worst && worst.level > 0) {
    const within = Number.isFinite(horizonHours) ? `Within ${formatDuration(horizonHours)}` : 'Eventually';
    sentences.push(
      `${within}, the worst would be a ${worst.levelName} (level ${worst.level}) ${worst.dimensionLabel.toLowerCase()} impact, on ${worst.functionLabel}.`,
    );
  }
  const mitigation = mitigationSentence(entry);
  if (mitigation) sentences.push(mitigation);
  if (entry.phiRecords > 0)
    sentences.push(`It handles about ${entry.phiRecords.toLocaleString('en-US')} patient records.`);
  const sector = sectorSentence(entry);
  if (sector) sentences.push(sector);
  if (entry.pathText) sentences.push(`On the map: ${entry.pathText}.`);
  return sentences;
}
