/**
 * Stable ids: short, URL- and file-safe, never reused. Randomness is injected so the
 * domain stays pure and tests stay deterministic.
 */
export type RandomSource = (byteCount: number) => Uint8Array;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

interface CryptoLike {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const defaultRandom: RandomSource = (byteCount) => {
  const cryptoLike = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!cryptoLike) throw new Error('No secure random source available');
  return cryptoLike.getRandomValues(new Uint8Array(byteCount));
};

export function newId(prefix: string, random: RandomSource = defaultRandom): string {
  const bytes = random(10);
  let body = '';
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `${prefix}-${body}`;
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
