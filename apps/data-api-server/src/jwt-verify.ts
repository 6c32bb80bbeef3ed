import { constants, createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

/** One JSON Web Key (RFC 7517) as found in a key set; only public members are used. */
export interface Jwk {
  kty: string;
  kid?: string;
  alg?: string;
  use?: string;
  crv?: string;
  [member: string]: unknown;
}

/** A JSON Web Key Set (RFC 7517 §5). */
export interface Jwks {
  keys: Jwk[];
}

/** The claims of a verified token. */
export type JwtClaims = Readonly<Record<string, unknown>>;

/** A token that must not be accepted; `reason` is safe to send back (it never quotes the token). */
export class JwtRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'JwtRejected';
  }
}

/** What a token must satisfy besides its signature. */
export interface JwtClaimRules {
  /** Accepted `iss` values; unchecked when absent. */
  issuer?: string | readonly string[];
  /** Accepted `aud` values, one of which the token's `aud` must contain; unchecked when absent. */
  audience?: string | readonly string[];
  /** Leeway for `exp` and `nbf`, for clocks that disagree a little; default 30 s. */
  clockSkewSeconds?: number;
}

interface Algorithm {
  /** Digest for node:crypto `verify`, null for EdDSA, which hashes internally. */
  digest: string | null;
  keyTypes: readonly string[];
  /** For ECDSA: the curve the key must be on, and the P1363 signature length. */
  curve?: string;
  signatureBytes?: number;
  pss?: boolean;
}

/**
 * The accepted `alg` values. Only asymmetric ones: with HMAC a verifier holding a public key
 * could be tricked into using it as a shared secret, and `none` carries no signature at all.
 */
const ALGORITHMS: ReadonlyMap<string, Algorithm> = new Map([
  ['RS256', { digest: 'sha256', keyTypes: ['rsa'] }],
  ['RS384', { digest: 'sha384', keyTypes: ['rsa'] }],
  ['RS512', { digest: 'sha512', keyTypes: ['rsa'] }],
  ['PS256', { digest: 'sha256', keyTypes: ['rsa', 'rsa-pss'], pss: true }],
  ['PS384', { digest: 'sha384', keyTypes: ['rsa', 'rsa-pss'], pss: true }],
  ['PS512', { digest: 'sha512', keyTypes: ['rsa', 'rsa-pss'], pss: true }],
  ['ES256', { digest: 'sha256', keyTypes: ['ec'], curve: 'prime256v1', signatureBytes: 64 }],
  ['ES384', { digest: 'sha384', keyTypes: ['ec'], curve: 'secp384r1', signatureBytes: 96 }],
  ['ES512', { digest: 'sha512', keyTypes: ['ec'], curve: 'secp521r1', signatureBytes: 132 }],
  ['EdDSA', { digest: null, keyTypes: ['ed25519', 'ed448'] }],
]);
const DIGEST_BYTES: Readonly<Record<string, number>> = { sha256: 32, sha384: 48, sha512: 64 };
const MIN_RSA_BITS = 2048;
const DEFAULT_CLOCK_SKEW_SECONDS = 30;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function decodeSegment(segment: string, what: string): Buffer {
  if (!BASE64URL.test(segment)) throw new JwtRejected(`the token's ${what} is not base64url`);
  return Buffer.from(segment, 'base64url');
}

function jsonObject(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(decodeSegment(segment, what).toString('utf8'));
  } catch (error) {
    if (error instanceof JwtRejected) throw error;
    throw new JwtRejected(`the token's ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JwtRejected(`the token's ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** A key of a key set, parsed once when the set is configured. */
export interface VerificationKey {
  readonly kid: string | undefined;
  readonly alg: string | undefined;
  readonly key: KeyObject;
}

/**
 * Parses a key set for {@link verifyJwt}. Keys meant for encryption (`use` other than `sig`) are
 * left out; private keys are refused (a published key set with a private member means that key
 * has leaked), and so are RSA keys under 2048 bits. Throws an Error naming the bad key's index.
 */
export function parseKeySet(jwks: unknown): VerificationKey[] {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new Error('A JWKS must be an object with a "keys" array');
  const parsed: VerificationKey[] = [];
  keys.forEach((jwk: unknown, index) => {
    if (typeof jwk !== 'object' || jwk === null)
      throw new Error(`JWKS key ${index} is not an object`);
    const { kid, alg, use } = jwk as Jwk;
    if (use !== undefined && use !== 'sig') return;
    if ('d' in jwk) {
      throw new Error(`JWKS key ${index} holds private key material; publish only public keys`);
    }
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch (error) {
      throw new Error(`JWKS key ${index} is not a usable public key`, { cause: error });
    }
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (bits !== undefined && bits < MIN_RSA_BITS) {
      throw new Error(`JWKS key ${index} is an RSA key under ${MIN_RSA_BITS} bits`);
    }
    parsed.push({
      kid: typeof kid === 'string' ? kid : undefined,
      alg: typeof alg === 'string' ? alg : undefined,
      key,
    });
  });
  return parsed;
}

function keyFits(key: KeyObject, algorithm: Algorithm): boolean {
  if (!algorithm.keyTypes.includes(key.asymmetricKeyType ?? '')) return false;
  return algorithm.curve === undefined || key.asymmetricKeyDetails?.namedCurve === algorithm.curve;
}

/** The key for a token: by `kid` when it names one, else the only key that fits its `alg`. */
function selectKey(
  keys: readonly VerificationKey[],
  kid: unknown,
  alg: string,
  algorithm: Algorithm,
): KeyObject {
  const usable = keys.filter((entry) => entry.alg === undefined || entry.alg === alg);
  if (kid !== undefined) {
    if (typeof kid !== 'string') throw new JwtRejected('the token\'s "kid" is not a string');
    const named = usable.find((entry) => entry.kid === kid);
    if (!named) throw new JwtRejected('no key in the key set has the token\'s "kid"');
    if (!keyFits(named.key, algorithm)) {
      throw new JwtRejected(`the key named by "kid" is not a ${alg} key`);
    }
    return named.key;
  }
  const fitting = usable.filter((entry) => keyFits(entry.key, algorithm));
  const [only] = fitting;
  if (only === undefined || fitting.length > 1) {
    throw new JwtRejected(
      fitting.length > 1
        ? 'the token has no "kid" and several keys fit its algorithm'
        : `no key in the key set fits ${alg}`,
    );
  }
  return only.key;
}

function signatureValid(
  algorithm: Algorithm,
  key: KeyObject,
  data: Buffer,
  signature: Buffer,
): boolean {
  if (algorithm.signatureBytes !== undefined && signature.length !== algorithm.signatureBytes) {
    return false;
  }
  if (algorithm.digest === null) return verify(null, data, key, signature);
  if (algorithm.pss) {
    return verify(
      algorithm.digest,
      data,
      {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: DIGEST_BYTES[algorithm.digest] ?? 32,
      },
      signature,
    );
  }
  if (algorithm.signatureBytes !== undefined) {
    return verify(algorithm.digest, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  }
  return verify(algorithm.digest, data, key, signature);
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function checkClaims(claims: JwtClaims, rules: JwtClaimRules, nowSeconds: number): void {
  const skew = rules.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const { exp, nbf, iss, aud } = claims;
  // A token without an expiry would stay valid forever once leaked, so one is required.
  if (typeof exp !== 'number') throw new JwtRejected('the token has no numeric "exp" claim');
  if (nowSeconds > exp + skew) throw new JwtRejected('the token has expired');
  if (nbf !== undefined) {
    if (typeof nbf !== 'number') throw new JwtRejected('the token\'s "nbf" claim is not a number');
    if (nowSeconds < nbf - skew) throw new JwtRejected('the token is not valid yet');
  }
  if (rules.issuer !== undefined && !asList(rules.issuer).includes(iss as string)) {
    throw new JwtRejected('the token comes from an issuer this server does not accept');
  }
  if (rules.audience !== undefined) {
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
    const accepted = asList(rules.audience);
    if (!audiences.some((item) => accepted.includes(item as string))) {
      throw new JwtRejected("the token is not meant for this server's audience");
    }
  }
}

/**
 * Verifies a compact JWS (RFC 7515) JWT against a key set and returns its claims: an asymmetric
 * `alg` (RS*, PS*, ES*, EdDSA; never `none` or HMAC), the key chosen by `kid`, a valid signature,
 * a required `exp` and an optional `nbf` within the clock skew, and `iss`/`aud` when the rules
 * name them. Throws {@link JwtRejected} otherwise.
 */
export function verifyJwt(
  token: string,
  keys: readonly VerificationKey[],
  rules: JwtClaimRules = {},
  nowSeconds = Date.now() / 1000,
): JwtClaims {
  const parts = token.split('.');
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  if (parts.length !== 3) throw new JwtRejected('the token is not a signed JWT (three parts)');
  const header = jsonObject(headerPart, 'header');
  const alg = header.alg;
  if (typeof alg !== 'string') throw new JwtRejected('the token\'s header has no "alg"');
  const algorithm = ALGORITHMS.get(alg);
  if (algorithm === undefined) {
    throw new JwtRejected(`the token's algorithm is not accepted (only RS*, PS*, ES* and EdDSA)`);
  }
  if (header.crit !== undefined) {
    throw new JwtRejected('the token has critical header parameters this server does not know');
  }
  const key = selectKey(keys, header.kid, alg, algorithm);
  const signature = decodeSegment(signaturePart, 'signature');
  const data = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
  if (!signatureValid(algorithm, key, data, signature)) {
    throw new JwtRejected("the token's signature does not verify");
  }
  const claims = jsonObject(payloadPart, 'payload');
  checkClaims(claims, rules, nowSeconds);
  return claims;
}
