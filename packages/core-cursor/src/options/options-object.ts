import {
  type CamelCase,
  camelCase,
  OPTION_NAMES,
  type OptionName,
  type OptionValue,
} from './option-names.js';
import { getOption, setOption } from './option-registry.js';

type TopLevelName = Exclude<OptionName, `${string}.${string}`>;
type GroupName = OptionName extends infer N
  ? N extends `${infer G}.${string}`
    ? G
    : never
  : never;

/**
 * Typed view of the registry: `options.httpPort`, `options.results.type`,
 * `options.externalFunction.appMode`. Reading calls `getOption`, assigning calls `setOption`.
 */
export type OptionsObject = {
  -readonly [K in TopLevelName as CamelCase<K>]: OptionValue<K>;
} & {
  readonly [G in GroupName as CamelCase<G>]: {
    -readonly [K in OptionName as K extends `${G}.${infer Leaf}`
      ? CamelCase<Leaf>
      : never]: OptionValue<K>;
  };
};

function defineAccessor(target: object, key: string, name: OptionName, enumerable: boolean): void {
  Object.defineProperty(target, key, {
    enumerable,
    get: () => getOption(name),
    set: (value: unknown) => setOption(name, value),
  });
}

function buildOptionsObject(): OptionsObject {
  const root: Record<string, object> = {};
  for (const name of OPTION_NAMES) {
    const dot = name.indexOf('.');
    let target: object = root;
    let leaf: string = name;
    if (dot >= 0) {
      const group = name.slice(0, dot);
      leaf = name.slice(dot + 1);
      const groupKey = camelCase(group);
      let node = root[groupKey];
      if (!node) {
        node = {};
        Object.defineProperty(root, groupKey, { enumerable: true, value: node });
        // The Python spelling of the group reaches the same object, without being listed.
        if (group !== groupKey)
          Object.defineProperty(root, group, { enumerable: false, value: node });
      }
      target = node;
    }
    const camelLeaf = camelCase(leaf);
    defineAccessor(target, camelLeaf, name, true);
    if (camelLeaf !== leaf) defineAccessor(target, leaf, name, false);
  }
  return Object.freeze(root) as unknown as OptionsObject;
}

/** Every option as a property (camelCase; the Python snake_case spellings also work). */
export const options: OptionsObject = buildOptionsObject();
