import { readFile } from 'node:fs/promises';
import type { Credentials } from './credentials.js';
import { HttpProblem } from './http-problem.js';
import {
  type Jwks,
  type JwtClaimRules,
  type JwtClaims,
  JwtRejected,
  parseKeySet,
  type VerificationKey,
  verifyJwt,
} from './jwt-verify.js';

/** Where the key set comes from: inline, fetched from a URL (and refreshed), or read from a file. */
export type JwksSource = Jwks | { url: string } | { file: string };

/**
 * The database login for a verified token: a map from the token's user to credentials, or a
 * function (which may, for a SingleStore target with JWT users, return `{ user, password: token }`).
 * Return null to refuse the token.
 */
export type JwtUsers =
  | Readonly<Record<string, Credentials>>
  | ((
      user: string,
      claims: JwtClaims,
      token: string,
    ) => Credentials | null | Promise<Credentials | null>);

/** Bearer JWT authentication (`DataApiServerOptions.jwt`). */
export interface JwtOptions extends JwtClaimRules {
  /** The key set; may be left out and configured later through `/api/v2/jwks_setup`. */
  jwks?: JwksSource;
  /** Database login per token user; tokens whose user is not mapped get 401. */
  users: JwtUsers;
  /** Claims naming the user, the first one holding a string wins; default `username`, then `sub`. */
  userClaim?: string | readonly string[];
  /** Seconds a key set fetched from a URL is used before it is fetched again; default 600. */
  jwksCacheSeconds?: number;
}

const DEFAULT_USER_CLAIMS = ['username', 'sub'];
const DEFAULT_CACHE_SECONDS = 600;
/** An unknown `kid` refetches a URL key set (keys rotate), but not more often than this. */
const MIN_REFETCH_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;
const REALM = 'Bearer realm="SingleStore Data API"';

function rejected(reason: string): HttpProblem {
  return new HttpProblem(401, `Error 1045: Access denied: ${reason}`, {
    'www-authenticate': REALM,
  });
}

function isUrlSource(source: JwksSource): source is { url: string } {
  return typeof (source as { url?: unknown }).url === 'string';
}

function isFileSource(source: JwksSource): source is { file: string } {
  return typeof (source as { file?: unknown }).file === 'string';
}

/**
 * Verifies Bearer JWTs against a key set and maps each token's user to the database login the
 * server uses for it. Tokens are never logged or quoted in errors.
 */
export class JwtAuthenticator {
  private keys: readonly VerificationKey[] = [];
  private url: string | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private fetching: Promise<void> | undefined;

  private constructor(private readonly options: JwtOptions) {}

  /** Reads an inline or file key set now (so a bad one fails the start); URLs load on first use. */
  static async create(options: JwtOptions): Promise<JwtAuthenticator> {
    const authenticator = new JwtAuthenticator(options);
    const source = options.jwks;
    if (source === undefined) return authenticator;
    if (isUrlSource(source)) {
      authenticator.url = source.url;
    } else if (isFileSource(source)) {
      let text: string;
      try {
        text = await readFile(source.file, 'utf8');
      } catch (error) {
        throw new Error(`Cannot read the JWKS file ${source.file}`, { cause: error });
      }
      authenticator.setKeySet(JSON.parse(text));
    } else {
      authenticator.setKeySet(source);
    }
    return authenticator;
  }

  /** Replaces the key set (as `/api/v2/jwks_setup` does); a URL source stops being fetched. */
  setKeySet(jwks: unknown): number {
    this.keys = parseKeySet(jwks);
    this.url = undefined;
    return this.keys.length;
  }

  /** The database credentials for a Bearer token, or a 401 HttpProblem saying why not. */
  async credentials(token: string): Promise<Credentials> {
    const claims = await this.verified(token);
    const user = this.userOf(claims);
    const { users } = this.options;
    const credentials =
      typeof users === 'function'
        ? await users(user, claims, token)
        : Object.hasOwn(users, user)
          ? (users[user] ?? null)
          : null;
    if (credentials === null) {
      throw rejected("no database login is configured for the token's user");
    }
    return credentials;
  }

  private async verified(token: string): Promise<JwtClaims> {
    await this.refresh(false);
    if (this.keys.length === 0) throw rejected('no JWT key set is configured on this server');
    try {
      return verifyJwt(token, this.keys, this.options);
    } catch (error) {
      if (!(error instanceof JwtRejected)) throw error;
      // Keys rotate: a kid the cached set lacks may be in the published one.
      if (this.url !== undefined && error.reason.includes('"kid"') && (await this.refresh(true))) {
        try {
          return verifyJwt(token, this.keys, this.options);
        } catch (retried) {
          if (retried instanceof JwtRejected) throw rejected(retried.reason);
          throw retried;
        }
      }
      throw rejected(error.reason);
    }
  }

  private userOf(claims: JwtClaims): string {
    const names = this.options.userClaim ?? DEFAULT_USER_CLAIMS;
    for (const name of typeof names === 'string' ? [names] : names) {
      const value = claims[name];
      if (typeof value === 'string' && value !== '') return value;
    }
    throw rejected('the token names no user');
  }

  /** Fetches a URL key set when stale (or, when `force`d, unless fetched moments ago). */
  private async refresh(force: boolean): Promise<boolean> {
    const url = this.url;
    if (url === undefined) return false;
    const age = Date.now() - this.fetchedAt;
    const maxAge = (this.options.jwksCacheSeconds ?? DEFAULT_CACHE_SECONDS) * 1000;
    if (force ? age < MIN_REFETCH_MS : age < maxAge) return false;
    this.fetching ??= this.fetchKeySet(url).finally(() => {
      this.fetching = undefined;
    });
    await this.fetching;
    return true;
  }

  /** On failure the last good keys stay in use, and tokens signed by others are refused. */
  private async fetchKeySet(url: string): Promise<void> {
    this.fetchedAt = Date.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) return;
      this.keys = parseKeySet(await response.json());
    } catch {
      // An unreachable or malformed key set must not take down requests the old keys verify.
    }
  }
}
