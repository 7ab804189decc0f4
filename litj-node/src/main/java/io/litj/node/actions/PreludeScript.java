package io.litj.node.actions;

import java.util.List;
import java.util.Set;

/**
 * JavaScript that sets up the Lit Action globals ({@code lit-node-behaviour.md} §13), in two parts so that the
 * costly one runs before a request arrives (see {@link ContextPool}). The source evaluates to a function taking the
 * {@link InspectScript} formatter and returning {@code prepare(maxResponseBytes, maxLogBytes, maxErrorTextBytes)}.
 * {@code prepare} builds everything that does not depend on the request (console, {@code LitActions}, the control
 * object, the {@code fetch} of {@link FetchScript}, which the source takes as its second argument, and the byte/text
 * conversions of {@link BytesTextScript}, its third) without touching
 * the action's globals yet, and returns {@code bind(paramsJson, authJson, headersJson,
 * host)}, which installs the request's part and returns the control object. Together they
 * <ul>
 *   <li>assigns every {@code jsParams} member to {@code globalThis} (like {@code Object.assign}) and sets the global
 *       {@code jsParams} to the whole object;</li>
 *   <li>replaces {@code console} ({@code log/info/debug/warn/error/trace/dir/assert}, with {@code %s %d %i %f %o %O
 *       %c} substitution) by one writing each call as a line through the captured {@code print}, which is then
 *       deleted, as is {@code printErr}; text past the log budget is not handed to {@code print} at all (the
 *       {@link LogSink} cuts and marks the log);</li>
 *   <li>defines read-only, non-configurable {@code LitActions} (frozen: {@code setResponse} plus stubs that throw
 *       "LitActions.NAME is not available on this node yet"), {@code LitAuth} (deep-frozen), {@code LitHeaders}
 *       (frozen) and {@code Lit = {Actions, Auth, Headers}} (frozen); with a {@code host} (an {@link ActionHost}
 *       as a function {@code (name, argsJson) -> answerJson}), the functions of {@link ActionHost#FUNCTIONS}
 *       return promises of its answers (typed arrays sent as arrays; an answer {@code {"error"}} rejects,
 *       {@code {"result"}} resolves), except {@code pubkeyToTokenId}, which returns the answer or throws; without
 *       a host they throw like the stubs;</li>
 *   <li>returns a frozen control object: {@code run(script)} runs the parsed action and returns null, or the report
 *       of what it threw; {@code failure()} the report of the first unhandled rejection, or null; and
 *       {@code response()} (the last response set, or null).</li>
 * </ul>
 * Host functions that need the request (its auth context, its node) belong in {@code bind}; request-independent ones
 * in {@code prepare}'s {@code actions}. A context runs {@code prepare} and {@code bind} once each and serves one
 * request only.
 *
 * <p>A report ({@code {text, cut, line, column, error, promise}}) is made inside the context, so a huge thrown
 * value never crosses into Java whole: {@code text} is {@code "Name: message"} for an {@code Error} (each part and
 * the whole cut to {@code maxErrorTextBytes} characters) or the rendering of any other value, cut the same way;
 * {@code cut} says whether it was; {@code line} and {@code column} are the innermost frame of the action source in
 * an uncut error's stack (0 when unknown: values that are not errors carry no stack). Unhandled rejections reach
 * the prelude through the {@code Graal} builtin's rejection handler, captured and deleted before any action code
 * runs. The builtins these reports use are captured first too.
 *
 * <p>{@code setResponse({response})} keeps a string as is and JSON-stringifies anything else (a litj convenience;
 * Lit requires a string); a response over the budget throws "Response is too long. Max length is N bytes" inside
 * the action, as Lit's op does. The control object is only reachable from Java.
 */
final class PreludeScript {
    /**
     * The {@code LitActions} functions after {@code setResponse}, in the order an action sees them
     * ({@code Object.keys}); those of {@link ActionHost#FUNCTIONS} call the request's host, the others throw.
     */
    static final List<String> ACTION_FUNCTIONS = List.of("signEcdsa", "ethPersonalSignMessageEcdsa",
            "signAndCombineEcdsa", "isPermittedAction", "isPermittedAddress", "isPermittedAuthMethod",
            "getPermittedActions", "getPermittedAddresses", "getPermittedAuthMethods", "getPermittedAuthMethodScopes",
            "checkConditions", "call", "pubkeyToTokenId", "uint8arrayToString", "uint8arrayFromString",
            "getLatestNonce", "callContract", "claimKey", "broadcastAndCollect", "decryptAndCombine",
            "decryptToSingleNode", "runOnce", "getRpcUrl", "encrypt");
    /** Host functions that answer directly, not with a promise (Datil's {@code pubkeyToTokenId}). */
    static final Set<String> SYNCHRONOUS = Set.of("pubkeyToTokenId");
    /** Host functions an action reaches through a global of its own, not through {@code LitActions}. */
    static final Set<String> GLOBALS = Set.of("fetch");
    /** Host functions that only the prelude's own {@code runOnce} calls, never an action by name. */
    static final Set<String> INTERNAL = Set.of("runOnceLeader", "runOnceShare", "runOnceAwait");
    /** {@code LitActions} functions that need no host: they work in every run ({@link BytesTextScript}). */
    static final Set<String> PURE = Set.of("uint8arrayToString", "uint8arrayFromString");
    /** {@code LitActions} functions written in the prelude itself (each a method of the table, by its text). */
    static final java.util.Map<String, String> IN_PRELUDE = java.util.Map.of(
            "runOnce", "runOnce(params, fn) { if (host === null) throw unavailable('runOnce'); "
                    + "return runOnceOnNode(params, fn); },\n",
            "call", "call(args) { if (host === null) throw unavailable('call'); return callChild(args); },\n",
            "uint8arrayToString", "uint8arrayToString(array, encoding) { "
                    + "return bytesText.toString(array, encoding); },\n",
            "uint8arrayFromString", "uint8arrayFromString(text, encoding) { "
                    + "return bytesText.fromString(text, encoding); },\n");

    static final String SOURCE = template().replace("ACTIONS_TABLE", actionsTable());

    private PreludeScript() {
    }

    /**
     * The members of the {@code LitActions} literal after {@code setResponse}: one method per name of
     * {@link #ACTION_FUNCTIONS} (a literal, so that a context builds the table without a loop or computed keys).
     */
    static String actionsTable() {
        if (!ActionHost.FUNCTIONS.stream().allMatch(f -> ACTION_FUNCTIONS.contains(f) || GLOBALS.contains(f)
                || INTERNAL.contains(f))) {
            throw new IllegalStateException("every ActionHost function must be a LitActions function");
        }
        StringBuilder table = new StringBuilder();
        for (String name : ACTION_FUNCTIONS) {
            if (IN_PRELUDE.containsKey(name)) {
                table.append(IN_PRELUDE.get(name));
                continue;
            }
            String body = !ActionHost.FUNCTIONS.contains(name) ? "throw unavailable('" + name + "')"
                    : SYNCHRONOUS.contains(name) ? "return callHostNow('" + name + "', args)"
                    : "return hosted('" + name + "', args)";
            table.append(name).append("(args) { ").append(body).append("; },\n");
        }
        return table.toString();
    }

    private static String template() {
        return """
            ((format, fetchApi, bytesText) => {
              'use strict';
              const g = globalThis;
              const print = g.print;
              const onUnhandledRejection = g.Graal.setUnhandledPromiseRejectionHandler;
              delete g.print;
              delete g.printErr;
              delete g.arguments;
              delete g.Graal;
              const apply = Reflect.apply;
              const sliceText = String.prototype.slice;
              const toText = String;
              const ErrorType = Error;
              const isInstance = Function.prototype[Symbol.hasInstance];
              const execPattern = RegExp.prototype.exec;
              // a stack frame in the action source (ActionErrors.SOURCE_NAME), as GraalJS prints it
              const FRAME = /\\n\\s*at (?:[^\\n]*?\\()?lit-action\\.js:(\\d+):(\\d+)\\)?/;
              const STACK_TAIL = 65536;
              const slice = (s, from, to) => apply(sliceText, s, [from, to]);
              const TextEncoderType = TextEncoder;
              let encoder = null; // made on the first response long enough to need it
              const parse = JSON.parse;
              const stringify = JSON.stringify;
              const freeze = Object.freeze;
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

              /** [line, column] of the innermost action-source frame of an error's stack, or null. */
              function location(e) {
                let stack = e.stack;
                if (typeof stack !== 'string') return null;
                if (stack.length > STACK_TAIL) stack = slice(stack, stack.length - STACK_TAIL);
                const m = apply(execPattern, FRAME, [stack]);
                return m === null ? null : [+m[1], +m[2]];
              }

              /** What a thrown value or rejection reason reports to Java, its text cut to budget characters. */
              function reporter(budget) {
                const cut = (s) => (s.length > budget ? slice(s, 0, budget) : s);
                const errorText = (e) => {
                  const rawName = e.name;
                  const rawMessage = e.message;
                  const name = rawName === undefined ? 'Error' : cut(toText(rawName));
                  const message = rawMessage === undefined ? '' : cut(toText(rawMessage));
                  return name === '' ? message : message === '' ? name : name + ': ' + message;
                };
                return (thrown, promise) => {
                  let error = false;
                  let text;
                  try {
                    error = apply(isInstance, ErrorType, [thrown]);
                    text = error ? errorText(thrown) : show(thrown);
                    if (typeof text !== 'string') text = toText(text);
                  } catch (ignored) {
                    text = error ? 'Error' : 'a thrown value that cannot be shown';
                  }
                  const long = text.length > budget;
                  let at = null;
                  if (long) {
                    text = slice(text, 0, budget);
                  } else if (error) {
                    try { at = location(thrown); } catch (ignored) { at = null; }
                  }
                  return freeze({ text, cut: long, line: at ? at[0] : 0, column: at ? at[1] : 0, error, promise });
                };
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

              // prepare: everything that does not depend on the request, run once per context before it is handed out
              return (maxResponseBytes, maxLogBytes, maxErrorTextBytes) => {
                const report = reporter(maxErrorTextBytes);
                let response = null;
                let failure = null;
                let logged = 0;
                let host = null; // the request's node functions, set by bind
                onUnhandledRejection((reason) => { if (failure === null) failure = report(reason, true); });

                // characters handed to print so far; once past the budget the sink has cut the log, so stop there
                const emit = (line) => {
                  if (logged > maxLogBytes) return;
                  const room = maxLogBytes - logged + 1;
                  const text = line.length > room ? slice(line, 0, room) : line;
                  logged += text.length + 1;
                  print(text);
                };
                const log = (...args) => { emit(formatArgs(args)); };
                const console = {
                  log, info: log, debug: log, warn: log, error: log,
                  trace: (...args) => { emit(formatArgs(['Trace' + (args.length ? ':' : ''), ...args])); },
                  dir: (v) => { emit(inspect(v)); },
                  assert: (ok, ...args) => {
                    if (!ok) emit(formatArgs(['Assertion failed' + (args.length ? ':' : ''), ...args]));
                  },
                };

                // Lit.Actions: one object literal, setResponse first, then the table of actionsTable(): functions that
                // call the request's host and functions that throw
                const unavailable = (name) => new Error('LitActions.' + name + ' is not available on this node yet');
                const plain = (k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v);
                const callHostNow = (name, args) => {
                  if (host === null) throw unavailable(name);
                  const answer = parse(host(name, stringify(args === undefined ? {} : args, plain)));
                  if (answer.error !== undefined) throw new Error('LitActions.' + name + ': ' + answer.error);
                  return answer.result;
                };
                const callHost = async (name, args) => callHostNow(name, args);
                const fetch = fetchApi((json) => (host === null ? null : host('fetch', json)));
                const hosted = (name, args) => {
                  if (host === null) throw unavailable(name);
                  return callHost(name, args);
                };
                // runOnce (Datil's semantics): the request's leader runs fn and, with waitForResponse, sends its result
                // (a string; '[ERROR]' when fn throws) to the others, who wait for it; without it they get undefined
                const runOnceOnNode = async (params, fn) => {
                  const { waitForResponse, name } = params;
                  const id = name || 'default_bc_id';
                  if (callHostNow('runOnceLeader', { name: id })) {
                    let result = '';
                    try { result = await fn(); } catch (e) { log('Error running function:', e); result = '[ERROR]'; }
                    try {
                      result = result.toString();
                    } catch (e) {
                      log('Error converting response to string:', e);
                      result = '';
                    }
                    if (waitForResponse) callHostNow('runOnceShare', { name: id, value: result });
                    return result;
                  }
                  return waitForResponse ? callHostNow('runOnceAwait', { name: id }) : undefined;
                };
                // call (Datil's semantics): the child shares the response; its log joins this one; a failed child
                // rejects the call with its error
                const callChild = async (args) => {
                  const child = callHostNow('call', args);
                  const logs = child.logs;
                  if (logs !== '') emit(logs[logs.length - 1] === '\\n' ? slice(logs, 0, logs.length - 1) : logs);
                  if (child.error !== null) throw new ErrorType(child.error);
                  if (child.response !== null) response = child.response;
                  return response === null ? '' : response;
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
                        && (encoder === null ? (encoder = new TextEncoderType()) : encoder).encode(text).length
                          > maxResponseBytes)) {
                      throw new Error('Response is too long. Max length is ' + maxResponseBytes + ' bytes');
                    }
                    response = text;
                  },
                  ACTIONS_TABLE
                };
                freeze(actions);
                const control = freeze({
                  run: (script) => {
                    try { script(); return null; } catch (thrown) { return report(thrown, false); }
                  },
                  failure: () => failure,
                  response: () => response,
                });

                // bind: the request's part, run once on the action thread; params first, so that no param can
                // replace console or the Lit globals
                return (paramsJson, authJson, headersJson, nodeFunctions) => {
                  host = nodeFunctions === undefined ? null : nodeFunctions;
                  const params = parse(paramsJson);
                  const auth = deepFreeze(parse(authJson));
                  const headers = freeze(parse(headersJson));
                  Object.assign(g, params);
                  g.jsParams = params;
                  g.console = console;
                  Object.defineProperty(g, 'fetch', { value: fetch, writable: true, enumerable: false, configurable: true });
                  constant('LitActions', actions);
                  constant('LitAuth', auth);
                  constant('LitHeaders', headers);
                  constant('Lit', freeze({ Actions: actions, Auth: auth, Headers: headers }));
                  return control;
                };
              };
            })
            """;
    }
}
