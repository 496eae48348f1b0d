/** Turns the bytes of a dump into text, detecting UTF-8, UTF-16 and Latin-1 (Windows-1252). */

/** The decoded text of a dump, or why it could not be decoded. */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; note?: string }
  | { ok: false; reason: string };

function decoder(label: string, fatal = false): TextDecoder {
  return new TextDecoder(label, { fatal, ignoreBOM: false });
}

function nulRatio(bytes: Uint8Array, parity: 0 | 1): number {
  let nul = 0;
  let total = 0;
  const limit = Math.min(bytes.length, 4096);
  for (let i = parity; i < limit; i += 2) {
    total++;
    if (bytes[i] === 0) nul++;
  }
  return total === 0 ? 0 : nul / total;
}

function controlRatio(text: string): number {
  const sample = text.slice(0, 65536);
  if (sample.length === 0) return 0;
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  return controls / sample.length;
}

const BINARY = (encoding: string): DecodeResult => ({
  ok: false,
  reason: `looks like a binary file, not a text dump (read as ${encoding}, it is mostly control characters); remove it from the data folder or save the listing as plain text`,
});

/** Decodes a dump's bytes; UTF-8 with or without BOM is expected, UTF-16 and Windows-1252 are recognised and noted. */
export function decodeDump(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(decoder('utf-8').decode(bytes), 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked(decoder('utf-16le').decode(bytes), 'utf-16le', 'decoded as UTF-16 (little-endian, with BOM); UTF-8 is preferred');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked(decoder('utf-16be').decode(bytes), 'utf-16be', 'decoded as UTF-16 (big-endian, with BOM); UTF-8 is preferred');
  }
  const evenNul = nulRatio(bytes, 0);
  const oddNul = nulRatio(bytes, 1);
  if (oddNul > 0.3 && evenNul < 0.05) {
    return checked(decoder('utf-16le').decode(bytes), 'utf-16le', 'decoded as UTF-16 (little-endian, no BOM); UTF-8 is preferred');
  }
  if (evenNul > 0.3 && oddNul < 0.05) {
    return checked(decoder('utf-16be').decode(bytes), 'utf-16be', 'decoded as UTF-16 (big-endian, no BOM); UTF-8 is preferred');
  }
  try {
    return checked(decoder('utf-8', true).decode(bytes), 'utf-8');
  } catch {
    return checked(
      decoder('windows-1252').decode(bytes),
      'windows-1252',
      'is not valid UTF-8; decoded as Latin-1 (Windows-1252): check accented letters and re-save the file as UTF-8',
    );
  }
}

function checked(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252', note?: string): DecodeResult {
  if (text.includes('\u0000') || controlRatio(text) > 0.02) return BINARY(encoding);
  return note === undefined ? { ok: true, text, encoding } : { ok: true, text, encoding, note };
}
