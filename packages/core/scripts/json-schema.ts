// Writes docs/model/smart-model.schema.json from the zod schema of the model document, formatted
// the way the repository's formatter (Biome) wants it.
// Run: npx tsx packages/core/scripts/json-schema.ts   (a unit test checks the file is up to date)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { smartModelJsonSchemaText } from '../src/model/json-schema';

const root = new URL('../../../', import.meta.url).pathname;
const schemaFile = `${root}docs/model/smart-model.schema.json`;

mkdirSync(dirname(schemaFile), { recursive: true });
writeFileSync(schemaFile, smartModelJsonSchemaText());
execFileSync(`${root}node_modules/.bin/biome`, ['format', '--write', schemaFile], {
  cwd: root,
  stdio: 'ignore',
});
console.log(`wrote ${schemaFile}`);
