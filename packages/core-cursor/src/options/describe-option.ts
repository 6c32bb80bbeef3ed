import type { OptionDefinition } from './option-kinds.js';
import { camelCase, OPTION_NAMES, OPTION_TABLE, type OptionName } from './option-names.js';
import { getOption, getOptionSource, resolveOptionName } from './option-registry.js';

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  return JSON.stringify(value);
}

function describeOne(name: OptionName): string {
  const definition = OPTION_TABLE[name] as OptionDefinition<unknown>;
  const camel = camelCase(name);
  const type = definition.choices ? definition.choices.join(' | ') : definition.kind;
  const current =
    definition.secret && getOption(name) !== undefined ? '***' : show(getOption(name));
  const lines = [
    camel === name ? name : `${name} (${camel})`,
    `  ${definition.description}`,
    `  type: ${type}`,
    `  default: ${definition.defaultValue === undefined ? '(unset)' : show(definition.defaultValue)}`,
    `  current: ${current} (from ${getOptionSource(name)})`,
  ];
  if (definition.env.length > 0) lines.push(`  environment: ${definition.env.join(', ')}`);
  return lines.join('\n');
}

/**
 * Human-readable description of options: name, meaning, type, default, current value and its
 * source, environment variables. Secret values show as `***`. With no names, every option.
 */
export function describeOption(...names: string[]): string {
  const keys = names.length === 0 ? OPTION_NAMES : names.map(resolveOptionName);
  return keys.map(describeOne).join('\n\n');
}
