// What Datil's Lit.Actions.uint8arrayToString / uint8arrayFromString answer, from the real `uint8arrays` package.
//
// Datil's lit-actions bundle re-exports toString/fromString of uint8arrays v3 (multiformats bases plus the utf8,
// hex, latin1, ascii and binary aliases). The pinned interop/package-lock.json installs uint8arrays 3.1.1 (a
// dependency of the SDK's WalletConnect packages); this script runs it over the cases it is given, so that
// BytesTextJsTest can compare litj's prelude with it case by case.
//
// Usage: node uint8arrays.mjs < input.json   (written by BytesTextJsTest:
//        {toString: [{bytes: [0..255…] | null, encoding}], fromString: [{text, encoding}]}; bytes null means "a plain
//        array [1, 2, 3], not a Uint8Array"; an absent encoding means the default)
// Output: one JSON document on stdout, each case as {result} (a string, or the decoded bytes as a list of numbers)
// or {error: {name, message}}. No network at all. Exit 0 when the document was printed, 1 on bad input or an
// internal error, 2 on timeout.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { installedVersion, runAndPrint, startOfflineScript } from './lib/harness.mjs';

const TIMEOUT_MS = 30000;
const require = createRequire(import.meta.url);
const run = startOfflineScript('uint8arrays');
const { toString, fromString } = require('uint8arrays');

const describeError = (error) => ({ name: error?.name ?? null, message: String(error?.message ?? error) });

function attempt(fn) {
  try {
    return { result: fn() };
  } catch (error) {
    return { error: describeError(error) };
  }
}

const document = {
  script: 'interop/uint8arrays.mjs',
  node: process.version,
  versions: { uint8arrays: installedVersion('uint8arrays', require) },
  toString: [],
  fromString: [],
  timedOut: false,
  ms: null,
};

await runAndPrint(run, document, TIMEOUT_MS, () => false, async () => {
  const text = fs.readFileSync(0, 'utf8');
  if (text.trim() === '') {
    run.realStderrWrite('usage: node uint8arrays.mjs < input.json\n');
    process.exit(1);
  }
  const input = JSON.parse(text);
  for (const c of input.toString) {
    const value = c.bytes === null ? [1, 2, 3] : Uint8Array.from(c.bytes);
    document.toString.push(attempt(() => (c.encoding === undefined ? toString(value)
      : toString(value, c.encoding))));
  }
  for (const c of input.fromString) {
    const out = attempt(() => (c.encoding === undefined ? fromString(c.text) : fromString(c.text, c.encoding)));
    if (out.result !== undefined) {
      out.result = Array.from(out.result);
    }
    document.fromString.push(out);
  }
});
