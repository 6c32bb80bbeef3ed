const REDACTED = '***';

// `scheme://user:password@host` — keep the user so the message still says who connected.
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]*):([^\s@/]*)@/gi;

// `password=…` / `token=…` in query strings, connection strings and key=value logs.
const KEY_VALUE_SECRET =
  /\b(password|passwd|pwd|token|access_?token|api_?key|secret|client_?secret)=([^\s&;,'"]+)/gi;

// `"password": "…"` in JSON bodies quoted into messages.
const JSON_SECRET =
  /("(?:password|passwd|pwd|token|access_?token|accessToken|api_?key|apiKey|secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/g;

/**
 * Replaces credentials that may have leaked into free text (URLs with a password, `password=`
 * pairs, JSON secret fields, bearer tokens) with `***`.
 *
 * Every error of the family passes its message through this, as a last line of defence: code
 * that builds messages should still never put a secret in them.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_CREDENTIALS, `$1$2:${REDACTED}@`)
    .replace(KEY_VALUE_SECRET, `$1=${REDACTED}`)
    .replace(JSON_SECRET, `$1"${REDACTED}"`)
    .replace(BEARER, `$1 ${REDACTED}`);
}
