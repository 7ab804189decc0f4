package io.litj.node.actions;

/**
 * JavaScript of the {@code fetch} global (WHATWG-shaped, as Deno gives Datil's actions). The source evaluates to a
 * function taking {@code send(argsJson) -> answerJson | null} (the request's host, null when the run has none) and
 * returning {@code fetch(input, init)}: it reads the URL ({@code input} a string, an object with a {@code url}, or
 * anything with a string form), {@code init.method}, {@code init.headers} (an object, a list of pairs, or anything
 * with {@code entries()}), {@code init.body} (a string, an {@code ArrayBuffer} or a view of one; anything else as
 * its string form) and {@code init.redirect}, hands them to the host, and resolves to a response with
 * {@code status}, {@code statusText}, {@code ok}, {@code url}, {@code redirected}, {@code type}, {@code headers}
 * ({@code get}, {@code has}, {@code getSetCookie}, {@code entries}, {@code keys}, {@code values}, {@code forEach},
 * iteration: names lowercase and sorted, values of one name joined by ", "), {@code bodyUsed}, {@code text()},
 * {@code json()}, {@code arrayBuffer()} and {@code clone()}. A refusal or failure of the host rejects with a
 * {@code TypeError} carrying its message, as WHATWG fetch rejects on network errors. The body is read once, as in
 * WHATWG fetch. No request reaches the network from here: the host does that (see the node's fetch package).
 */
final class FetchScript {
    static final String SOURCE = """
            ((send) => {
              'use strict';
              const parse = JSON.parse;
              const stringify = JSON.stringify;
              const freeze = Object.freeze;
              const decoder = new TextDecoder();
              const encoder = new TextEncoder();

              function headerPairs(h) {
                if (h === undefined || h === null) return [];
                const list = Array.isArray(h) ? h : typeof h.entries === 'function' ? Array.from(h.entries())
                    : Object.entries(h);
                return list.map((p) => {
                  if (!Array.isArray(p) || p.length !== 2) throw new TypeError('fetch: headers must be name/value pairs');
                  return [String(p[0]), String(p[1])];
                });
              }

              function makeHeaders(pairs) {
                const map = new Map();
                for (const [name, value] of pairs) {
                  const n = name.toLowerCase();
                  if (!map.has(n)) map.set(n, []);
                  map.get(n).push(value);
                }
                const list = [];
                for (const n of Array.from(map.keys()).sort()) {
                  if (n === 'set-cookie') { for (const v of map.get(n)) list.push([n, v]); }
                  else list.push([n, map.get(n).join(', ')]);
                }
                const key = (n) => String(n).toLowerCase();
                const headers = {
                  get(n) { const v = map.get(key(n)); return v === undefined ? null : v.join(', '); },
                  has(n) { return map.has(key(n)); },
                  getSetCookie() { return (map.get('set-cookie') || []).slice(); },
                  entries() { return list.map((e) => [e[0], e[1]])[Symbol.iterator](); },
                  keys() { return list.map((e) => e[0])[Symbol.iterator](); },
                  values() { return list.map((e) => e[1])[Symbol.iterator](); },
                  forEach(fn, self) { for (const [n, v] of list) fn.call(self, v, n, headers); },
                  [Symbol.iterator]() { return headers.entries(); },
                };
                return freeze(headers);
              }

              function makeResponse(a) {
                let used = false;
                const take = () => {
                  if (used) throw new TypeError('fetch: the response body was already read');
                  used = true;
                };
                const bytes = () => {
                  if (a.text !== undefined) return encoder.encode(a.text);
                  const s = a.latin1;
                  const out = new Uint8Array(s.length);
                  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
                  return out;
                };
                const text = () => (a.text === undefined ? decoder.decode(bytes())
                    : a.text.charCodeAt(0) === 0xfeff ? a.text.slice(1) : a.text);
                return freeze({
                  status: a.status,
                  statusText: a.statusText,
                  ok: a.status >= 200 && a.status < 300,
                  url: a.url,
                  redirected: a.redirected,
                  type: 'basic',
                  headers: makeHeaders(a.headers),
                  get bodyUsed() { return used; },
                  async text() { take(); return text(); },
                  async json() { take(); return parse(text()); },
                  async arrayBuffer() {
                    take();
                    const b = bytes();
                    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
                  },
                  clone() {
                    if (used) throw new TypeError('fetch: the response body was already read');
                    return makeResponse(a);
                  },
                });
              }

              return async function fetch(input, init) {
                const opts = init === undefined || init === null ? {} : init;
                const url = typeof input === 'string' ? input
                    : input !== null && typeof input === 'object' && typeof input.url === 'string' ? input.url
                    : String(input);
                const args = { url, headers: headerPairs(opts.headers) };
                if (opts.method !== undefined) args.method = String(opts.method);
                if (opts.redirect !== undefined) args.redirect = String(opts.redirect);
                const body = opts.body;
                if (body !== undefined && body !== null) {
                  if (typeof body === 'string') args.body = body;
                  else if (ArrayBuffer.isView(body)) {
                    args.bodyBytes = Array.from(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
                  } else if (body instanceof ArrayBuffer) args.bodyBytes = Array.from(new Uint8Array(body));
                  else args.body = String(body);
                }
                const answer = send(stringify(args));
                if (answer === null) throw new TypeError('fetch is not available in this Lit Action');
                const reply = parse(answer);
                if (reply.error !== undefined) throw new TypeError(reply.error);
                return makeResponse(reply.result);
              };
            })
            """;

    private FetchScript() {
    }
}
