import type { OptionName, OptionValue } from './option-names.js';
import { pushOptionScope } from './option-registry.js';

/** Option overrides keyed by Python name; camelCase names and unique leaves also work. */
export type OptionOverrides = { [K in OptionName]?: OptionValue<K> } & Record<string, unknown>;

/**
 * Runs `body` with the given options overridden, then restores them, also when `body` throws
 * or its promise rejects. Overrides beat `setOption` and the environment. The scope is
 * process-wide while it lasts: asynchronous work running concurrently sees it too.
 */
export function withOptions<T>(overrides: OptionOverrides, body: () => T): T {
  const remove = pushOptionScope(overrides);
  let result: T;
  try {
    result = body();
  } catch (error) {
    remove();
    throw error;
  }
  if (result instanceof Promise) {
    return result.finally(remove) as T;
  }
  remove();
  return result;
}
