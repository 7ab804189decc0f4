// Shared set-up of the interop scripts that run the real Lit JS SDK against a litj devnet:
// - captureConsole(): keeps stdout for the one JSON result document; what the SDK logs is kept in a list instead;
// - loopbackOnly(): every non-loopback socket or fetch is refused and recorded (the tests assert none was tried);
// - noNetwork(): every socket or fetch is refused and recorded, for scripts that need no network at all;
// - sentRequestId(): the X-Request-Id a fetch sent (the SDK sends one with every node request);
// - installedVersion(): the version of the copy of a package that a given require function loads;
// - sdkVersions() / sdkCryptoVersions(): the SDK package versions a document reports;
// - startOfflineScript(): the start of a script without network (clock, captured console, noNetwork);
// - runAndPrint(): runs a script's main part under a time limit and prints its one JSON document;
// - readInput(): the input JSON of a script, from its one argument or from stdin.
// Import this module before requiring the SDK, so that the SDK only ever sees the patched console and network.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export function safeJson(value) {
  try {
    return typeof value === 'object' ? (JSON.stringify(value) ?? String(value)) : String(value);
  } catch {
    return String(value);
  }
}

/** Redirects console.* into a list; returns it with the real stdout/stderr writers. */
export function captureConsole() {
  const realStdoutWrite = process.stdout.write.bind(process.stdout);
  const realStderrWrite = process.stderr.write.bind(process.stderr);
  const sdkConsole = [];
  for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace']) {
    console[level] = (...args) => {
      const line = `[${level}] ${args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ')}`;
      sdkConsole.push(line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
    };
  }
  return { sdkConsole, realStdoutWrite, realStderrWrite };
}

export function isLoopback(host) {
  const h = String(host).replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Allows loopback connections only. {@code onFetch(url, init)} sees every allowed fetch (for recording).
 * Returns the list of refused attempts.
 */
export function loopbackOnly(scriptName, onFetch = () => {}) {
  const refusedConnections = [];
  const refuse = (what) => {
    refusedConnections.push(what);
    throw new Error(`${scriptName}: only loopback connections are allowed (${what})`);
  };
  const realConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function loopbackOnlyConnect(...args) {
    // net.connect passes one normalized array [options, callback]; user code may pass (options | port, host, cb).
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    let host; // stays undefined for IPC (a local path), which is allowed
    if (first !== null && typeof first === 'object') {
      host = first.path ? undefined : (first.host || 'localhost');
    } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
    }
    if (host !== undefined && !isLoopback(host)) {
      refuse(`socket connect ${host}:${first?.port ?? ''}`);
    }
    return realConnect.apply(this, args);
  };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input?.url ?? input));
    if (!isLoopback(url.hostname)) {
      refuse(`fetch ${url.href}`);
    }
    onFetch(url, init);
    return realFetch(input, init);
  };
  return refusedConnections;
}

/** The {@code X-Request-Id} header of a fetch's {@code init} (a plain object or a Headers), or null. */
export function sentRequestId(init) {
  const headers = init?.headers;
  if (!headers) {
    return null;
  }
  if (typeof headers.get === 'function') {
    return headers.get('x-request-id');
  }
  const name = Object.keys(headers).find((k) => k.toLowerCase() === 'x-request-id');
  return name === undefined ? null : String(headers[name]);
}

/** Refuses every socket and fetch, loopback included (for scripts that need no network at all). */
export function noNetwork(scriptName) {
  const refusedConnections = [];
  const refuse = (what) => {
    refusedConnections.push(what);
    throw new Error(`${scriptName}: network access is forbidden (${what})`);
  };
  net.Socket.prototype.connect = function noNetworkConnect(...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    refuse(`socket connect ${typeof first === 'object' ? safeJson(first) : String(first)}`);
  };
  globalThis.fetch = async (input) => refuse(`fetch ${String(input?.url ?? input)}`);
  return refusedConnections;
}

/** The version of the copy of {@code pkg} that {@code from} (a require function) loads, or null. */
export function installedVersion(pkg, from) {
  let dir = path.dirname(from.resolve(pkg));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (json.name === pkg) {
        return json.version;
      }
    }
    dir = path.dirname(dir);
  }
  return null;
}

/** The input JSON text of a script: its one argument, or else all of stdin. */
export async function readInput() {
  if (process.argv.length === 3) {
    return process.argv[2];
  }
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The common start of a script that needs no network: deprecation notices off, console captured, every socket and
 * fetch refused. Returns {scriptName, startedAt, sdkConsole, realStdoutWrite, realStderrWrite, refusedConnections}.
 */
export function startOfflineScript(scriptName) {
  process.noDeprecation = true; // the SDK's depd notices would only clutter stderr
  const startedAt = Date.now();
  const { sdkConsole, realStdoutWrite, realStderrWrite } = captureConsole();
  const refusedConnections = noNetwork(scriptName);
  return { scriptName, startedAt, sdkConsole, realStdoutWrite, realStderrWrite, refusedConnections };
}

/**
 * Runs {@code main} under a time limit and prints {@code document} as the one JSON document on stdout, with
 * {@code ms}, and with the last 200 captured console lines when {@code failed()} or anything else went wrong.
 * Exit code 0 after {@code main}, 1 when it threw ({@code internalError}), 2 on timeout ({@code timedOut}).
 */
export async function runAndPrint(run, document, timeoutMs, failed, main) {
  const print = (exitCode) => {
    document.ms = Date.now() - run.startedAt;
    if (failed() || run.refusedConnections.length > 0 || document.timedOut || document.internalError) {
      document.sdkConsole = run.sdkConsole.slice(-200);
    }
    run.realStdoutWrite(`${JSON.stringify(document, null, 2)}\n`);
    process.exitCode = exitCode;
  };
  const deadline = setTimeout(() => {
    document.timedOut = true;
    print(2);
    process.exit(2);
  }, timeoutMs);
  try {
    await main();
    clearTimeout(deadline);
    print(0);
  } catch (error) {
    clearTimeout(deadline);
    run.realStderrWrite(`${run.scriptName}: ${error?.stack ?? error}\n`);
    document.internalError = { name: error?.name ?? null, message: String(error?.message ?? error) };
    print(1);
  }
}

/** The versions of the four SDK packages every interop document reports (InteropRuns checks them). */
export function sdkVersions(from) {
  return installedVersions(['@lit-protocol/lit-node-client', '@lit-protocol/lit-node-client-nodejs',
    '@lit-protocol/auth-helpers', '@lit-protocol/constants'], from);
}

/**
 * {@link sdkVersions} and then those of {@code @lit-protocol/crypto} and {@code @lit-protocol/wasm}, for a script
 * that calls the SDK's crypto: {@code nodeClientFrom} is a require function made at
 * {@code @lit-protocol/lit-node-client-nodejs}, which loads them.
 */
export function sdkCryptoVersions(from, nodeClientFrom) {
  const crypto = installedVersions(['@lit-protocol/crypto', '@lit-protocol/wasm'], nodeClientFrom);
  return { ...sdkVersions(from), ...crypto };
}

/** {package: version} for each of {@code packages} in order, as {@code from} (a require function) loads them. */
export function installedVersions(packages, from) {
  return Object.fromEntries(packages.map((p) => [p, installedVersion(p, from)]));
}
