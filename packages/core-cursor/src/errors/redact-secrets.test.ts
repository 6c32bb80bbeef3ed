import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    ['https://admin:s3cr%40t@host/db', 'https://admin:***@host/db'],
    ['singlestoredb+mysql://u:p@h', 'singlestoredb+mysql://u:***@h'],
    ['host=h;password=abc;user=u', 'host=h;password=***;user=u'],
    ['?pwd=abc&db=x', '?pwd=***&db=x'],
    ['access_token=eyJabc.def', 'access_token=***'],
    ['{"user":"u","password":"p\\"q"}', '{"user":"u","password":"***"}'],
    ['Authorization: Bearer eyJhbGciOi.x-y_z', 'Authorization: Bearer ***'],
  ])('redacts %j', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    "Access denied for user 'root'@'localhost' (using password: YES)",
    'Unknown column `password` in field list',
    'https://host/db',
    'mysql://user@host',
  ])('leaves %j alone', (input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});
