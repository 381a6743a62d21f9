// The seed fixtures (packages/core/fixtures/*.json), parsed and compiled, for tests.
import { readFileSync } from 'node:fs';
import { type CompiledGraph, compileModel } from '../graph/compile';
import type { SmartModel, SmartModelInput } from '../model/document';
import { formatIssue, parseModel } from '../model/validate';

export const FIXTURES = [
  'one-clearinghouse',
  'two-clearinghouses-one-host',
  'rural-clinic-bundled-vendor',
  'pharmacy-switch-fourth-party',
  'shared-host-two-paths',
] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function fixturePath(name: FixtureName): string {
  return new URL(`../../fixtures/${name}.json`, import.meta.url).pathname;
}

/** A fixture as a typed model and its compiled graph; throws if the fixture is not valid. */
export function loadFixture(name: FixtureName): { model: SmartModel; graph: CompiledGraph } {
  const parsed = parseModel(JSON.parse(readFileSync(fixturePath(name), 'utf8')));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map(formatIssue).join('; ')}`);
  return { model: parsed.model, graph: compileModel(parsed.model) };
}

/** A model written inline in a test (defaults filled in), parsed and compiled. */
export function compileDocument(input: SmartModelInput): { model: SmartModel; graph: CompiledGraph } {
  const parsed = parseModel(input);
  if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('; '));
  return { model: parsed.model, graph: compileModel(parsed.model) };
}
