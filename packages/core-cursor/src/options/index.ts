export { RESULTS_TYPES, SSL_MODES } from './connection-option-table.js';
export { describeOption } from './describe-option.js';
export type { OptionDefinition, OptionKind } from './option-kinds.js';
export { OPTION_NAMES, OPTION_TABLE, type OptionName, type OptionValue } from './option-names.js';
export {
  getOption,
  getOptionSource,
  type OptionSource,
  parseOptionValue,
  resetOption,
  resolveOptionName,
  setOption,
} from './option-registry.js';
export { type OptionsObject, options } from './options-object.js';
export { type OptionOverrides, withOptions } from './with-options.js';
