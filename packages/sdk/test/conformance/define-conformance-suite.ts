import type { ConformanceTarget, OpenConnection, TransportName } from './conformance-target.js';
import { defineConnectionSuite } from './suite-connection.js';
import { defineDescriptionSuite } from './suite-description.js';
import { defineErrorsSuite } from './suite-errors.js';
import { defineExecuteSuite } from './suite-execute.js';
import { defineFetchSuite } from './suite-fetch.js';
import { defineNextSetSuite } from './suite-next-set.js';
import { defineTypesSuite } from './suite-types.js';

/**
 * The DB-API (PEP 249) conformance suite, one `describe` per area, over the transport that
 * `openConnection` reaches. Both entry files call it so that wire and HTTP answer the same
 * questions and their differences are asserted, not skipped.
 */
export function defineConformanceSuite(
  transport: TransportName,
  openConnection: OpenConnection,
): void {
  const target: ConformanceTarget = { transport, open: openConnection };
  defineConnectionSuite(target);
  defineDescriptionSuite(target);
  defineFetchSuite(target);
  defineExecuteSuite(target);
  defineNextSetSuite(target);
  defineTypesSuite(target);
  defineErrorsSuite(target);
}
