// Brings the test-server's `ProvidedContext` augmentation (declared in its global setup, which
// the test-server index does not import) into this package's typecheck.
export type {} from '@s2/test-server/global-setup';
