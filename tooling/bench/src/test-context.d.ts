// Brings in the vitest `ProvidedContext` entry that @s2/test-server's global setup provides, so
// `useTestDatabase()` type-checks in this package too.
import type {} from '@s2/test-server/global-setup';
