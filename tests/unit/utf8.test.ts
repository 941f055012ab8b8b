import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/lib/check/utf8';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('firstInvalidUtf8', () => {
  it('accepts ASCII, accents, CJK, emoji and a byte-order mark', () => {
    expect(firstInvalidUtf8(utf8('\uFEFFplain — café 漢字 🌱'))).toBe(-1);
    expect(firstInvalidUtf8(bytes())).toBe(-1);
  });

  it.each<[string, Uint8Array, number]>([
    ['a Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9), 3],
    ['a lone continuation byte', bytes(0x41, 0x80), 1],
    ['an overlong "/"', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a UTF-16 surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut short by the end', bytes(0x41, 0x42, 0xe2, 0x82), 2],
    ['a sequence cut short by ASCII', bytes(0xe2, 0x41, 0x42), 0],
    ['0xFF', bytes(0xff, 0xfe, 0x41, 0x00), 0],
  ])('finds %s', (_name, input, offset) => {
    expect(firstInvalidUtf8(input)).toBe(offset);
    // Node's own strict decoder agrees that these are not UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input)).toThrow();
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and keeps a byte-order mark for the checker to strip', () => {
    expect(decodeUtf8(utf8('\uFEFF---\ntitle: Café\n'))).toEqual({ text: '\uFEFF---\ntitle: Café\n' });
  });

  it('gives the line and the column, in characters, of the first bad byte', () => {
    const input = Uint8Array.from([...utf8('---\ntitle: Été '), 0xe9, ...utf8(' x\n')]);
    expect(decodeUtf8(input)).toEqual({ error: { offset: 17, line: 2, column: 12, byte: 0xe9 } });
  });

  it('recognises a UTF-16 file by its byte-order mark', () => {
    const wide = Uint8Array.from([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00]);
    expect(decodeUtf8(wide)).toEqual({ error: { offset: 0, line: 1, column: 1, byte: 0xff, utf16: true } });
  });
});
