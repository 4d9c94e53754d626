/**
 * A JSON syntax check over UTF-8 bytes, for reading a registry file without
 * decoding it whole: Node's decode of a 24 MB file made a 42 MB two-byte
 * string and JSON.parse ≈ 800,000 objects, most of which a load never reads.
 * It accepts exactly what JSON.parse accepts of the decoded text (RFC 8259:
 * strings with their escapes, numbers, literals, nesting, the four whitespace
 * bytes anywhere between tokens). Bytes ≥ 0x80 are only ever inside strings
 * (decoded, any such byte is a character JSON.parse takes in a string, U+FFFD
 * for an invalid sequence, and refuses outside one). Errors throw; the caller
 * then takes the whole-text path, whose message says where.
 */
import { isAsciiDigit } from '../text/letters.ts';

export class JsonSyntaxError extends Error {}

/** The bytes being read and the place of the next byte: module state, so the hot loops read no closure or object. */
let b: Uint8Array = new Uint8Array(0);
/** The same bytes four at a time (little-endian, at any place): a string's content, keys compared whole. */
let w: DataView = new DataView(new ArrayBuffer(0));
let p = 0;
/** Set by string(): the span of the last string's content and whether it held an escape. */
export let strStart = 0;
export let strEnd = 0;
export let strEscaped = false;

/** Starts a scan of `bytes` at `at`. */
export function begin(bytes: Uint8Array, at: number): void {
  b = bytes;
  w = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  p = at;
}

/** The four bytes at `at` as a little-endian int32 (the caller knows they are in the input). */
export function int32At(at: number): number {
  return w.getInt32(at, true);
}

export function at(): number {
  return p;
}

export function fail(): never {
  throw new JsonSyntaxError(`JSON syntax at byte ${p}`);
}

/** The next byte after whitespace (-1 at the end), not consumed. */
export function peek(): number {
  const bytes = b;
  let q = p;
  let c = bytes[q];
  while (c === 32 || c === 10 || c === 13 || c === 9) c = bytes[++q];
  p = q;
  return q < bytes.length ? c : -1;
}

/** Consumes `c` after whitespace, or fails. */
export function expect(c: number): void {
  if (peek() !== c) fail();
  p++;
}

/** After a value in an object or array: true for a comma (another follows), false for the closing `close`. */
export function more(close: number): boolean {
  const c = peek();
  p++;
  if (c === 44) return true;
  if (c !== close) fail();
  return false;
}

const HEX = new Uint8Array(256);
for (const ch of '0123456789abcdefABCDEF') HEX[ch.charCodeAt(0)] = 1;

/** A string at the current place (after whitespace): its span into strStart/strEnd, strEscaped set. */
export function string(): void {
  expect(34);
  // In locals, the loop over a string's bytes (most of a file's) keeps them in registers.
  const bytes = b;
  let q = p;
  strStart = q;
  let escaped = false;
  const words = w;
  const last = bytes.length - 4;
  for (;;) {
    // Four bytes at a time while none is `"`, `\\` or a control byte (the bit tricks of "Bit Twiddling Hacks":
    // a byte equal to n makes (x ^ n…) have a zero byte; below 0x20, (x - 0x20…) & ~x has its high bit).
    while (q <= last) {
      const x = words.getInt32(q, true);
      const quote = x ^ 0x22222222;
      const slash = x ^ 0x5c5c5c5c;
      if (((((quote - 0x01010101) | 0) & ~quote) | (((slash - 0x01010101) | 0) & ~slash) | (((x - 0x20202020) | 0) & ~x)) & 0x80808080) break;
      q += 4;
    }
    const c = bytes[q];
    if (c === 34) break;
    if (c === 92) {
      escaped = true;
      const e = bytes[q + 1];
      if (e === 117) {
        if (!HEX[bytes[q + 2]] || !HEX[bytes[q + 3]] || !HEX[bytes[q + 4]] || !HEX[bytes[q + 5]]) fail();
        q += 6;
        continue;
      }
      if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) fail();
      q += 2;
      continue;
    }
    // A control byte is refused; past the end, undefined, also refused.
    if (!(c >= 32)) {
      p = q;
      fail();
    }
    q++;
  }
  strEnd = q;
  strEscaped = escaped;
  p = q + 1;
}

/** A number at the current place (after whitespace), checked and passed over. */
export function number(): void {
  let c = b[p];
  if (c === 45) {
    c = b[++p];
  }
  if (c === 48) c = b[++p];
  else if (c >= 49 && c <= 57) while (isAsciiDigit((c = b[++p])));
  else fail();
  if (c === 46) {
    if (!isAsciiDigit(b[++p])) fail();
    while (isAsciiDigit((c = b[++p])));
  }
  if (c === 101 || c === 69) {
    c = b[++p];
    if (c === 43 || c === 45) c = b[++p];
    if (!isAsciiDigit(c)) fail();
    while (isAsciiDigit(b[++p]));
  }
}

/** `true`, `false` or `null` at the current place: the byte it starts with. */
export function literal(): number {
  const c = b[p];
  if (c === 116 && b[p + 1] === 114 && b[p + 2] === 117 && b[p + 3] === 101) p += 4;
  else if (c === 102 && b[p + 1] === 97 && b[p + 2] === 108 && b[p + 3] === 115 && b[p + 4] === 101) p += 5;
  else if (c === 110 && b[p + 1] === 117 && b[p + 2] === 108 && b[p + 3] === 108) p += 4;
  else fail();
  return c;
}

/**
 * Any value, checked and passed over. Iterative (a stack of the open
 * brackets' closers), so deep nesting cannot overflow the call stack.
 */
export function skipValue(): void {
  const closers: number[] = [];
  for (;;) {
    const c = peek();
    // A value.
    if (c === 123) {
      p++;
      if (peek() === 125) p++;
      else {
        closers.push(125);
        string();
        expect(58);
        continue;
      }
    } else if (c === 91) {
      p++;
      if (peek() === 93) p++;
      else {
        closers.push(93);
        continue;
      }
    } else if (c === 34) string();
    else if (c === 45 || isAsciiDigit(c)) number();
    else literal();
    // After a value: close what ends here, or go on to the next member or item.
    for (;;) {
      if (closers.length === 0) return;
      const close = closers[closers.length - 1];
      if (more(close)) {
        if (close === 125) {
          string();
          expect(58);
        }
        break;
      }
      closers.pop();
    }
  }
}

/** The whole input after the value: only whitespace. */
export function end(): void {
  if (peek() !== -1) fail();
}
