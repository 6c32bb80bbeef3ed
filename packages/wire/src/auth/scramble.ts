import { createHash } from 'node:crypto';

const utf8 = new TextEncoder();

export function passwordBytes(password: string): Uint8Array {
  return utf8.encode(password);
}

export function sha1(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export function xorBytes(left: Uint8Array, right: Uint8Array): Uint8Array {
  const result = new Uint8Array(left.length);
  for (let index = 0; index < left.length; index += 1) {
    result[index] = left[index]! ^ right[index % right.length]!;
  }
  return result;
}

/** The password followed by a NUL, as clear-text exchanges send it. */
export function nulTerminatedPassword(password: string): Uint8Array {
  const bytes = passwordBytes(password);
  const result = new Uint8Array(bytes.length + 1);
  result.set(bytes);
  return result;
}
