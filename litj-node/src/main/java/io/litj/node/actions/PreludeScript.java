package io.litj.node.actions;

/**
 * JavaScript that sets up the Lit Action globals ({@code lit-node-behaviour.md} §13). The source evaluates to a
 * function taking the {@link InspectScript} formatter and returning {@code setup(paramsJson, authJson, headersJson,
 * maxResponseBytes)}, which
 * <ul>
 *   <li>assigns every {@code jsParams} member to {@code globalThis} (like {@code Object.assign}) and sets the global
 *       {@code jsParams} to the whole object;</li>
 *   <li>replaces {@code console} ({@code log/info/debug/warn/error/trace/dir/assert}, with {@code %s %d %i %f %o %O
 *       %c} substitution) by one writing each call as a line through the captured {@code print}, which is then
 *       deleted, as is {@code printErr};</li>
 *   <li>defines read-only, non-configurable {@code LitActions} (frozen: {@code setResponse} plus stubs that throw
 *       "LitActions.NAME is not available on this node yet"), {@code LitAuth} (deep-frozen), {@code LitHeaders}
 *       (frozen) and {@code Lit = {Actions, Auth, Headers}} (frozen);</li>
 *   <li>returns a frozen control object: {@code response()} (the last response set, or null) and
 *       {@code describe(value)} (how a thrown non-Error value prints).</li>
 * </ul>
 *
 * <p>{@code setResponse({response})} keeps a string as is and JSON-stringifies anything else (a litj convenience;
 * Lit requires a string); a response over the budget throws "Response is too long. Max length is N bytes" inside
 * the action, as Lit's op does. The control object is only reachable from Java.
 */
final class PreludeScript {
    static final String SOURCE = """
            ((format) => {
              'use strict';
              const g = globalThis;
              const print = g.print;
              delete g.print;
              delete g.printErr;
              delete g.arguments;
              const encoder = new TextEncoder();
              const parse = JSON.parse;
              const stringify = JSON.stringify;
              const freeze = Object.freeze;
              const STUBS = ['signEcdsa', 'ethPersonalSignMessageEcdsa', 'signAndCombineEcdsa', 'isPermittedAction',
                'isPermittedAddress', 'isPermittedAuthMethod', 'getPermittedActions', 'getPermittedAddresses',
                'getPermittedAuthMethods', 'getPermittedAuthMethodScopes', 'checkConditions', 'call', 'pubkeyToTokenId',
                'uint8arrayToString', 'uint8arrayFromString', 'getLatestNonce', 'callContract', 'claimKey',
                'broadcastAndCollect', 'decryptAndCombine', 'decryptToSingleNode', 'runOnce', 'getRpcUrl', 'encrypt'];

              const { inspect, primitive } = format;
              const isObject = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';
              const show = (v) => (typeof v === 'string' ? v : inspect(v));

              function substitute(template, args) {
                let out = '';
                let next = 0;
                let i = 0;
                while (i < template.length) {
                  const ch = template[i];
                  if (ch !== '%' || i + 1 === template.length) { out += ch; i++; continue; }
                  const spec = template[i + 1];
                  if (spec === '%') { out += '%'; i += 2; continue; }
                  if (next >= args.length || !'sdifoOc'.includes(spec)) { out += ch; i++; continue; }
                  const arg = args[next++];
                  switch (spec) {
                    case 's':
                      out += isObject(arg) ? inspect(arg) : primitive(arg, false);
                      break;
                    case 'd':
                      out += typeof arg === 'bigint' ? arg + 'n'
                          : typeof arg === 'symbol' || isObject(arg) ? 'NaN' : primitive(Number(arg), false);
                      break;
                    case 'i':
                      out += typeof arg === 'bigint' ? arg + 'n'
                          : typeof arg === 'symbol' ? 'NaN' : primitive(parseInt(arg), false);
                      break;
                    case 'f':
                      out += typeof arg === 'symbol' ? 'NaN' : primitive(parseFloat(arg), false);
                      break;
                    case 'o': case 'O': out += inspect(arg); break;
                    default: break;
                  }
                  i += 2;
                }
                return { text: out, used: next };
              }

              /** console.log(...args) as one line of text (without the trailing newline). */
              function formatArgs(args) {
                let out = '';
                let first = 0;
                if (args.length > 1 && typeof args[0] === 'string' && args[0].includes('%')) {
                  const r = substitute(args[0], args.slice(1));
                  out = r.text;
                  first = 1 + r.used;
                  for (let i = first; i < args.length; i++) out += ' ' + show(args[i]);
                  return out;
                }
                for (let i = 0; i < args.length; i++) out += (i ? ' ' : '') + show(args[i]);
                return out;
              }

              const deepFreeze = (v) => {
                if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
                  freeze(v);
                  for (const k of Object.keys(v)) deepFreeze(v[k]);
                }
                return v;
              };
              const constant = (name, value) =>
                Object.defineProperty(g, name, { value, writable: false, enumerable: false, configurable: false });

              return (paramsJson, authJson, headersJson, maxResponseBytes) => {
                const params = parse(paramsJson);
                const auth = deepFreeze(parse(authJson));
                const headers = freeze(parse(headersJson));
                let response = null;

                Object.assign(g, params);
                g.jsParams = params;

                const log = (...args) => { print(formatArgs(args)); };
                g.console = {
                  log, info: log, debug: log, warn: log, error: log,
                  trace: (...args) => { print(formatArgs(['Trace' + (args.length ? ':' : ''), ...args])); },
                  dir: (v) => { print(inspect(v)); },
                  assert: (ok, ...args) => {
                    if (!ok) print(formatArgs(['Assertion failed' + (args.length ? ':' : ''), ...args]));
                  },
                };

                const actions = {
                  setResponse(arg) {
                    if (arg === null || typeof arg !== 'object' || arg.response === undefined) {
                      throw new TypeError('LitActions.setResponse expects an object like {response: "text"}');
                    }
                    let text = arg.response;
                    if (typeof text !== 'string') {
                      text = stringify(text);
                      if (typeof text !== 'string') {
                        throw new TypeError('LitActions.setResponse: response must be a string or JSON-serializable');
                      }
                    }
                    if (text.length > maxResponseBytes || (text.length * 3 > maxResponseBytes
                        && encoder.encode(text).length > maxResponseBytes)) {
                      throw new Error('Response is too long. Max length is ' + maxResponseBytes + ' bytes');
                    }
                    response = text;
                  },
                };
                for (const name of STUBS) {
                  const message = 'LitActions.' + name + ' is not available on this node yet';
                  actions[name] = { [name]() { throw new Error(message); } }[name];
                }
                freeze(actions);
                constant('LitActions', actions);
                constant('LitAuth', auth);
                constant('LitHeaders', headers);
                constant('Lit', freeze({ Actions: actions, Auth: auth, Headers: headers }));

                return freeze({
                  response: () => response,
                  describe: (thrown) => (thrown instanceof Error ? null : show(thrown)),
                });
              };
            })
            """;

    private PreludeScript() {
    }
}
