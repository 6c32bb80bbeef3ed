import { createHash } from 'node:crypto';

/*
 * Ed25519 signing (RFC 8032 §5.1.6) from an already expanded secret. Node's crypto only signs
 * from a 32-byte seed, which it hashes itself; MariaDB's client_ed25519 instead expands
 * SHA-512 of the whole password, so the curve arithmetic is done here with bigints. It runs
 * once per connection, so clarity wins over speed; the scalars are not secret-independent in
 * time, which is acceptable for a password hash the server already knows a verifier of.
 */

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function mod(value: bigint, modulus = P): bigint {
  const result = value % modulus;
  return result >= 0n ? result : result + modulus;
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let factor = mod(base);
  let rest = exponent;
  while (rest > 0n) {
    if (rest & 1n) result = mod(result * factor);
    factor = mod(factor * factor);
    rest >>= 1n;
  }
  return result;
}

const D = mod(-121665n * power(121666n, P - 2n));
const D2 = mod(2n * D);

/** A point in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z. */
type Point = readonly [bigint, bigint, bigint, bigint];

const BASE_X = 15112221349535400772501151409588531511454012693041857206046113283949847762202n;
const BASE_Y = 46316835694926478169428394003475163141307993866256225615783033603165251855960n;
const BASE: Point = [BASE_X, BASE_Y, 1n, mod(BASE_X * BASE_Y)];
const IDENTITY: Point = [0n, 1n, 1n, 0n];

function add([x1, y1, z1, t1]: Point, [x2, y2, z2, t2]: Point): Point {
  const a = mod((y1 - x1) * (y2 - x2));
  const b = mod((y1 + x1) * (y2 + x2));
  const c = mod(t1 * D2 * t2);
  const d = mod(z1 * 2n * z2);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function multiply(scalar: bigint, point: Point): Point {
  let result = IDENTITY;
  let addend = point;
  let rest = scalar;
  while (rest > 0n) {
    if (rest & 1n) result = add(result, addend);
    addend = add(addend, addend);
    rest >>= 1n;
  }
  return result;
}

function littleEndian(value: bigint, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let rest = value;
  for (let index = 0; index < length; index += 1) {
    bytes[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

function fromLittleEndian(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let index = bytes.length - 1; index >= 0; index -= 1) {
    value = (value << 8n) | BigInt(bytes[index]!);
  }
  return value;
}

function encodePoint([x, y, z]: Point): Uint8Array {
  const inverse = power(z, P - 2n);
  const affineX = mod(x * inverse);
  const affineY = mod(y * inverse);
  const bytes = littleEndian(affineY, 32);
  bytes[31] = bytes[31]! | (Number(affineX & 1n) << 7);
  return bytes;
}

function sha512(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/**
 * Signs `message` with the Ed25519 key whose 64-byte expansion is `expanded` (the first half
 * is clamped into the secret scalar, the second half seeds the nonce).
 */
export function signWithExpandedKey(expanded: Uint8Array, message: Uint8Array): Uint8Array {
  const scalarBytes = expanded.slice(0, 32);
  scalarBytes[0] = scalarBytes[0]! & 248;
  scalarBytes[31] = (scalarBytes[31]! & 63) | 64;
  const secret = fromLittleEndian(scalarBytes);
  const publicKey = encodePoint(multiply(secret, BASE));
  const nonce = mod(fromLittleEndian(sha512(expanded.subarray(32, 64), message)), L);
  const commitment = encodePoint(multiply(nonce, BASE));
  const challenge = mod(fromLittleEndian(sha512(commitment, publicKey, message)), L);
  const proof = mod(nonce + challenge * secret, L);
  const signature = new Uint8Array(64);
  signature.set(commitment);
  signature.set(littleEndian(proof, 32), 32);
  return signature;
}

/** SHA-512 of `bytes`, the expansion step of Ed25519. */
export function expandSecret(bytes: Uint8Array): Uint8Array {
  return sha512(bytes);
}
