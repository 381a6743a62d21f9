// Writes docs/model/smart-model.schema.json from the zod schema of the model document.
// Run: npx tsx packages/core/scripts/json-schema.ts   (a unit test checks the file is up to date)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { smartModelJsonSchemaText } from '../src/model/json-schema';

export const SCHEMA_FILE = new URL('../../../docs/model/smart-model.schema.json', import.meta.url).pathname;

mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
writeFileSync(SCHEMA_FILE, smartModelJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
