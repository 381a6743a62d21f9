// `smart analyze model.json`: the full Phase 1 analysis of a model document, or with --fail a
// scenario; as an aligned table (default), JSON or Markdown. Bad input exits with status 2.
import { readFileSync } from 'node:fs';
import {
  AnalysisError,
  analyzeModel,
  compileModel,
  DEFAULT_SCORE_WEIGHTS,
  formatIssue,
  parseDuration,
  parseModel,
  runScenario,
  SCORE_FACTORS,
  type ScoreWeights,
  type SmartModel,
  type WorkaroundMode,
} from '@smart/core';
import type { Command } from 'commander';
import { analysisSections, headline, type Section, scenarioSections } from './analyze-report';
import { markdownTable, textTable, wrapText } from './text-table';

export interface AnalyzeOptions {
  fail?: string;
  duration?: string;
  format?: string;
  workarounds?: string;
  weights?: string;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const FORMATS = ['table', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** Status for input the user must fix (malformed document, unknown id, bad option). */
export const EXIT_BAD_INPUT = 2;

/** Notes under a table are wrapped to this width (tables themselves are as wide as they need). */
const NOTE_WIDTH = 100;

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

class InputError extends Error {}

function readDocument(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`cannot read ${path}: ${READ_ERRORS[code] ?? (code || 'unknown error')}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function modelFrom(path: string): SmartModel {
  const parsed = parseModel(readDocument(path));
  if (parsed.ok) return parsed.model;
  const lines = parsed.issues.slice(0, 20).map((issue) => `  ${formatIssue(issue)}`);
  const more = parsed.issues.length > 20 ? [`  … and ${parsed.issues.length - 20} more`] : [];
  throw new InputError([`${path} is not a valid SMART model:`, ...lines, ...more].join('\n'));
}

function durationHours(text: string | undefined): number {
  const hours = parseDuration(text ?? '14d');
  if (hours === undefined) throw new InputError(`--duration: not a duration: "${text}" (try 90m, 36h, 14d)`);
  return hours;
}

/** "blastRadius=50,phi=0" → those weights; the others keep their defaults. */
export function parseWeights(text: string | undefined): Partial<ScoreWeights> | undefined {
  if (text === undefined) return undefined;
  const weights: Partial<ScoreWeights> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name = '', value = ''] = part.split('=').map((p) => p.trim());
    const factor = SCORE_FACTORS.find((f) => f === name);
    if (!factor)
      throw new InputError(
        `--weights: unknown factor "${name}"; the factors are ${SCORE_FACTORS.join(', ')}`,
      );
    const weight = Number(value);
    if (value === '' || !Number.isFinite(weight) || weight < 0 || weight > 100)
      throw new InputError(`--weights: ${name} must be a number from 0 to 100, got "${value}"`);
    weights[factor] = weight;
  }
  return weights;
}

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`${name}: expected one of ${allowed.join(', ')}, got "${value}"`);
}

function render(model: SmartModel, sections: Section[], format: Exclude<Format, 'json'>): string {
  const table = format === 'markdown' ? markdownTable : textTable;
  const heading = (title: string) =>
    format === 'markdown' ? `## ${title}` : `${title}\n${'='.repeat(title.length)}`;
  const top = format === 'markdown' ? `# ${headline(model)}` : headline(model);
  const blocks = sections.map((s) => {
    const parts = [heading(s.title)];
    if (s.intro) parts.push(format === 'markdown' ? s.intro : wrapText(s.intro, NOTE_WIDTH));
    if (s.header && s.rows?.length) parts.push(table(s.header, s.rows));
    const notes = (s.notes ?? []).map((note) =>
      format === 'markdown' ? `- ${note}` : wrapText(note, NOTE_WIDTH, '  ', '    '),
    );
    if (notes.length) parts.push(notes.join('\n'));
    return parts.join('\n\n');
  });
  return `${[top, ...blocks].join('\n\n')}\n`;
}

/** Runs the command on a file; never throws, returns what to print and the exit status. */
export function runAnalyzeCommand(path: string, options: AnalyzeOptions): CommandResult {
  try {
    const format = choice('--format', options.format, FORMATS) ?? 'table';
    const mode = choice<WorkaroundMode>('--workarounds', options.workarounds, ['ignore', 'count']);
    const hours = durationHours(options.duration);
    const weights = parseWeights(options.weights);
    const model = modelFrom(path);
    const graph = compileModel(model);
    const failed = (options.fail ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (failed.length > 0) {
      const scenario = runScenario(graph, { failed, durationHours: hours, workarounds: mode ?? 'count' });
      const stdout =
        format === 'json'
          ? `${JSON.stringify({ tlp: model.tlp, name: model.name, scenario }, null, 2)}\n`
          : render(model, scenarioSections(model, scenario), format);
      return { exitCode: 0, stdout, stderr: '' };
    }
    const analysis = analyzeModel(graph, {
      horizonHours: hours,
      workarounds: mode ?? 'ignore',
      ...(weights ? { weights } : {}),
    });
    const stdout =
      format === 'json'
        ? `${JSON.stringify({ tlp: model.tlp, name: model.name, analysis }, null, 2)}\n`
        : render(model, analysisSections(model, analysis), format);
    return { exitCode: 0, stdout, stderr: '' };
  } catch (error) {
    if (error instanceof InputError || error instanceof AnalysisError) {
      const prefix = error instanceof AnalysisError && error.code === 'unknown-node' ? '--fail: ' : '';
      return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `smart analyze: ${prefix}${error.message}\n` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 1, stdout: '', stderr: `smart analyze: internal error: ${message}\n` };
  }
}

/** Adds `smart analyze` to the program. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'analyze a SMART model document: single points of failure, blast radius, concentration, priorities',
    )
    .argument('<model>', 'path to a SMART model document (JSON)')
    .option('--fail <ids>', 'comma-separated ids of vendors, services or hosts to fail (runs a scenario)')
    .option('--duration <duration>', 'outage duration, e.g. 36h, 14d', '14d')
    // Choices are checked by runAnalyzeCommand, so that a wrong one exits with status 2 like any bad input.
    .option('--format <format>', 'output format: table, json or markdown', 'table')
    .option(
      '--workarounds <mode>',
      'ignore or count manual workarounds (default: count for --fail, else ignore)',
    )
    .option(
      '--weights <weights>',
      `score weights of the vendor ranking, e.g. blastRadius=50,phi=0 (factors: ${SCORE_FACTORS.join(', ')}; defaults ${Object.entries(
        DEFAULT_SCORE_WEIGHTS,
      )
        .map(([f, w]) => `${f}=${w}`)
        .join(',')})`,
    )
    .action((path: string, options: AnalyzeOptions) => {
      const result = runAnalyzeCommand(path, options);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
}
