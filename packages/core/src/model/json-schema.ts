// The JSON Schema of the model document, generated from the zod schema (never written by hand),
// for editors, other tools and docs/model/smart-model.schema.json.
import { z } from 'zod';
import { smartModelSchema } from './document';

/** The schema of the document as people write it: fields with defaults are optional. */
export function smartModelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(smartModelSchema, { io: 'input', target: 'draft-2020-12' });
}

/** The committed file's text: pretty-printed, with a final newline. */
export function smartModelJsonSchemaText(): string {
  return `${JSON.stringify(smartModelJsonSchema(), null, 2)}\n`;
}
