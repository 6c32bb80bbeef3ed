import { z } from 'zod';

const zeroTime = /^0001-01-01T00:00:00(\.0+)?(Z|[+-]00:00)?$/;

/**
 * Parses a Management API timestamp into a UTC Date. Empty text and Go's zero time
 * `0001-01-01T00:00:00Z` mean "not set" and give undefined; text without a zone designator is
 * read as UTC, because the API reports UTC. Unparsable text gives an invalid Date.
 */
export function parseTimestamp(text: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || zeroTime.test(trimmed)) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const normalised = dateOnly ? `${trimmed}T00:00:00Z` : hasZone ? trimmed : `${trimmed}Z`;
  return new Date(normalised);
}

/** A timestamp field: text in, `Date | undefined` out, an issue for text that is no date. */
export const timestamp = z.string().transform((text, context): Date | undefined => {
  const date = parseTimestamp(text);
  if (date !== undefined && Number.isNaN(date.getTime())) {
    context.addIssue({ code: 'custom', message: `not a timestamp: ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return date;
});

/**
 * A string enum read from responses: typed with the spec's values for completion, but any
 * string is accepted and kept, because the live API returns values the spec does not list.
 */
export function openEnum<const Values extends readonly string[]>(values: Values) {
  return z
    .string()
    .describe(`usually one of ${values.join(', ')}`)
    .transform((text) => text as Values[number] | (string & {}));
}
