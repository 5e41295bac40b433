import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root.js';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

export const SCHEMA_DIR = join(PROJECT_ROOT, 'schemas/');

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const cache = new Map<string, ValidateFunction>();
let registered = false;

/** The compiled validator for schemas/<name>.schema.json (schemas may $ref each other by file name). */
export function validator(name: string): ValidateFunction {
  if (!registered) {
    for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
      const schema = JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')) as { $id?: string };
      ajv.addSchema(schema, schema.$id ? undefined : file);
    }
    registered = true;
  }
  let v = cache.get(name);
  if (!v) {
    v = ajv.getSchema(`https://claimlint.dev/schemas/${name}.schema.json`) ?? ajv.getSchema(`${name}.schema.json`);
    if (!v) throw new Error(`no schema ${name}.schema.json in ${SCHEMA_DIR}`);
    cache.set(name, v);
  }
  return v;
}

/** SHA-256 of schemas/<name>.schema.json's text (cache keys change with the contract). */
export function schemaHash(name: string): string {
  return createHash('sha256').update(readFileSync(`${SCHEMA_DIR}${name}.schema.json`)).digest('hex');
}
