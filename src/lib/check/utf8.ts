/** Where a file stops being UTF-8: the first offending byte and its 1-based line and column. */
export interface Utf8Error {
  offset: number;
  line: number;
  column: number;
  byte: number;
  /** Set when the file starts with a UTF-16 byte-order mark: the usual reason for "not UTF-8". */
  utf16?: boolean;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8, or says where the first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: Utf8Error } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { error: locate(bytes, offset === -1 ? 0 : offset) };
  }
}

/** The offset of the first byte that breaks UTF-8 (overlongs, surrogates and code points past U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (next < lo || next > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

function locate(bytes: Uint8Array, offset: number): Utf8Error {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // The column counts characters, so count the UTF-8 sequences before the bad byte on its line.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column += 1;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return { offset, line, column, byte: bytes[offset] ?? 0, ...(utf16 ? { utf16: true } : {}) };
}
