package io.litj.node.actions;

/**
 * JavaScript of {@code Lit.Actions.uint8arrayToString(array, encoding)} and
 * {@code uint8arrayFromString(text, encoding)}: Datil re-exports {@code toString}/{@code fromString} of the
 * {@code uint8arrays} npm package, whose encodings are the multibase bases plus a few aliases. The source evaluates
 * to a frozen object {@code {toString, fromString}}; the table of encodings is built on first use, so a context that
 * never converts pays nothing for it.
 *
 * <p>Encodings (the default is {@code utf8}): {@code utf8}, {@code utf-8} and {@code identity} (UTF-8, invalid
 * bytes decode to U+FFFD); {@code ascii}, {@code latin1} and {@code binary} (one byte per character, code units
 * taken modulo 256); {@code hex} (= {@code base16}); the RFC 4648 bases {@code base2}, {@code base8},
 * {@code base16}, {@code base16upper}, {@code base32}, {@code base32upper}, {@code base32pad},
 * {@code base32padupper}, {@code base32hex}, {@code base32hexupper}, {@code base32hexpad},
 * {@code base32hexpadupper}, {@code base32z}, {@code base64}, {@code base64pad}, {@code base64url},
 * {@code base64urlpad} (unpadded ones write no {@code =}; every one ignores trailing {@code =} when reading); and the
 * big-number bases {@code base10}, {@code base36}, {@code base36upper}, {@code base58btc}, {@code base58flickr}
 * (leading zero bytes as leading first-alphabet characters). As in the package: an unknown encoding throws
 * {@code Error('Unsupported encoding "NAME"')}; a base encoding of anything but a {@code Uint8Array} throws
 * {@code Error('Unknown type, must be binary type')}; a character outside an RFC 4648 alphabet throws
 * {@code SyntaxError('Non-NAME character')} and leftover bits {@code SyntaxError('Unexpected end of data')}; a
 * character outside a big-number alphabet throws {@code Error('Non-NAME character')}. Not offered:
 * {@code base256emoji} (it throws as an unknown encoding). The work is plain JavaScript in the action's context,
 * so its statement limit and timeout bound it.
 */
final class BytesTextScript {
    static final String SOURCE = """
            (() => {
              'use strict';
              const Bytes = Uint8Array;
              const fromCode = String.fromCharCode;
              let table = null;

              function binaryOnly(bytes) {
                if (!(bytes instanceof Bytes)) throw new Error('Unknown type, must be binary type');
                return bytes;
              }

              // RFC 4648 style: each character carries `width` bits; `pad` writes '=' up to a whole byte count
              function bitBase(name, alphabet, width, pad) {
                const index = new Map();
                for (let i = 0; i < alphabet.length; i++) index.set(alphabet[i], i);
                const mask = (1 << width) - 1;
                return {
                  encode(bytes) {
                    binaryOnly(bytes);
                    let out = '';
                    let acc = 0;
                    let bits = 0;
                    for (let i = 0; i < bytes.length; i++) {
                      acc = ((acc << 8) | bytes[i]) & 0xffff;
                      bits += 8;
                      while (bits >= width) { bits -= width; out += alphabet[(acc >> bits) & mask]; }
                    }
                    if (bits > 0) out += alphabet[(acc << (width - bits)) & mask];
                    if (pad) while ((out.length * width) % 8 !== 0) out += '=';
                    return out;
                  },
                  decode(text) {
                    let end = text.length;
                    while (end > 0 && text[end - 1] === '=') end--;
                    const out = new Bytes(Math.floor((end * width) / 8));
                    let acc = 0;
                    let bits = 0;
                    let n = 0;
                    for (let i = 0; i < end; i++) {
                      const v = index.get(text[i]);
                      if (v === undefined || v > mask) throw new SyntaxError('Non-' + name + ' character');
                      acc = ((acc << width) | v) & 0xffff;
                      bits += width;
                      if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 0xff; }
                    }
                    if (bits >= width || ((acc << (8 - bits)) & 0xff) !== 0) {
                      throw new SyntaxError('Unexpected end of data');
                    }
                    return out;
                  },
                };
              }

              // a big number written in base alphabet.length, most significant digit first
              function numberBase(name, alphabet) {
                const radix = alphabet.length;
                const index = new Map();
                for (let i = 0; i < radix; i++) index.set(alphabet[i], i);
                return {
                  encode(bytes) {
                    binaryOnly(bytes);
                    let zeros = 0;
                    while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
                    const digits = []; // least significant first
                    for (let i = zeros; i < bytes.length; i++) {
                      let carry = bytes[i];
                      for (let j = 0; j < digits.length; j++) {
                        carry += digits[j] * 256;
                        digits[j] = carry % radix;
                        carry = Math.floor(carry / radix);
                      }
                      while (carry > 0) { digits.push(carry % radix); carry = Math.floor(carry / radix); }
                    }
                    let out = alphabet[0].repeat(zeros);
                    for (let j = digits.length - 1; j >= 0; j--) out += alphabet[digits[j]];
                    return out;
                  },
                  decode(text) {
                    let zeros = 0;
                    while (zeros < text.length && text[zeros] === alphabet[0]) zeros++;
                    const bytes = []; // least significant first
                    for (let i = zeros; i < text.length; i++) {
                      let carry = index.get(text[i]);
                      if (carry === undefined) throw new Error('Non-' + name + ' character');
                      for (let j = 0; j < bytes.length; j++) {
                        carry += bytes[j] * radix;
                        bytes[j] = carry & 0xff;
                        carry = Math.floor(carry / 256);
                      }
                      while (carry > 0) { bytes.push(carry & 0xff); carry = Math.floor(carry / 256); }
                    }
                    const out = new Bytes(zeros + bytes.length);
                    for (let j = 0; j < bytes.length; j++) out[out.length - 1 - j] = bytes[j];
                    return out;
                  },
                };
              }

              function buildTable() {
                const utf8 = {
                  encode: (bytes) => new TextDecoder().decode(bytes),
                  decode: (text) => new TextEncoder().encode(text),
                };
                const oneByte = {
                  encode(bytes) {
                    let out = '';
                    for (let i = 0; i < bytes.length; i++) out += fromCode(bytes[i]);
                    return out;
                  },
                  decode(text) {
                    const out = new Bytes(text.length);
                    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
                    return out;
                  },
                };
                const lower = 'abcdefghijklmnopqrstuvwxyz';
                const upper = lower.toUpperCase();
                const digits = '0123456789';
                const b32 = lower + '234567';
                const b32hex = digits + 'abcdefghijklmnopqrstuv';
                const b64 = upper + lower + digits;
                const t = {
                  utf8, 'utf-8': utf8, identity: utf8, ascii: oneByte, latin1: oneByte, binary: oneByte,
                  base2: bitBase('base2', '01', 1, false),
                  base8: bitBase('base8', '01234567', 3, false),
                  base16: bitBase('base16', digits + 'abcdef', 4, false),
                  base16upper: bitBase('base16upper', digits + 'ABCDEF', 4, false),
                  base32: bitBase('base32', b32, 5, false),
                  base32upper: bitBase('base32upper', b32.toUpperCase(), 5, false),
                  base32pad: bitBase('base32pad', b32, 5, true),
                  base32padupper: bitBase('base32padupper', b32.toUpperCase(), 5, true),
                  base32hex: bitBase('base32hex', b32hex, 5, false),
                  base32hexupper: bitBase('base32hexupper', b32hex.toUpperCase(), 5, false),
                  base32hexpad: bitBase('base32hexpad', b32hex, 5, true),
                  base32hexpadupper: bitBase('base32hexpadupper', b32hex.toUpperCase(), 5, true),
                  base32z: bitBase('base32z', 'ybndrfg8ejkmcpqxot1uwisza345h769', 5, false),
                  base64: bitBase('base64', b64 + '+/', 6, false),
                  base64pad: bitBase('base64pad', b64 + '+/', 6, true),
                  base64url: bitBase('base64url', b64 + '-_', 6, false),
                  base64urlpad: bitBase('base64urlpad', b64 + '-_', 6, true),
                  base10: numberBase('base10', digits),
                  base36: numberBase('base36', digits + lower),
                  base36upper: numberBase('base36upper', digits + upper),
                  base58btc: numberBase('base58btc',
                      '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'),
                  base58flickr: numberBase('base58flickr',
                      '123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'),
                };
                t.hex = t.base16;
                return t;
              }

              function codec(encoding) {
                if (table === null) table = buildTable();
                const name = encoding === undefined ? 'utf8' : encoding;
                if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(table, name)) {
                  throw new Error('Unsupported encoding "' + name + '"');
                }
                return table[name];
              }

              return Object.freeze({
                toString: (bytes, encoding) => codec(encoding).encode(bytes),
                fromString: (text, encoding) => codec(encoding).decode(`${text}`),
              });
            })()
            """;

    private BytesTextScript() {
    }
}
