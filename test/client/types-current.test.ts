import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTypes, typesFile } from '../../src/client/generate-types.ts';

describe("the client's types", () => {
  it('are the ones openapi-typescript generates from the OpenAPI document now (else: npm run client:types)', async () => {
    const committed = readFileSync(typesFile, 'utf8');
    const current = await clientTypes();
    expect(committed === current, 'src/client/api-types.ts is out of date: run `npm run client:types` and commit it').toBe(true);
  }, 60_000);
});
