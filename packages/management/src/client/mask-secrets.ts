const secretKey = /("[^"]*(?:password|token|secret|jwt|value)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

/**
 * Masks the string values of JSON keys that look secret (password, token, secret, jwt, value)
 * in a body excerpt, so error messages and logs never echo them.
 */
export function maskSecrets(text: string): string {
  return text.replace(secretKey, '$1"***"');
}
