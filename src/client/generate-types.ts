import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { orderMachine } from '../../machines/order/index.ts';
import { openApiDocument } from '../http/openapi.ts';

/** Where the client's types live: generated from the OpenAPI document, committed, checked by test/client/types-current.test.ts. */
export const typesFile = new URL('./api-types.ts', import.meta.url);

const banner = `// Generated from the service's OpenAPI document by openapi-typescript: do not edit.
// Regenerate with \`npm run client:types\` after changing a route, a schema or the machine.
`;

/** The client's types as they should be now. */
export async function clientTypes(): Promise<string> {
  const document = openApiDocument(orderMachine());
  return banner + astToString(await openapiTS(document as never, { exportType: true, alphabetize: false }));
}

// `npm run client:types` runs this file; tests import it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(typesFile, await clientTypes());
  process.stdout.write(`wrote ${typesFile.pathname}\n`);
}
