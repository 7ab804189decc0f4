// The compatibility proof of litj's contracts: every function and event in ../contracts/build (or the folder given
// as the first argument) that Lit's datil-dev ABI (@lit-protocol/contracts, the ABIs the JS SDK 7.4.0 ships) has
// under the same contract and name must match one of Lit's entries exactly: argument types, return types (with
// tuple components), payable or not, and for events which arguments are indexed. A name Lit does not have must be
// listed in ../contracts/litj-only.json; a contract Lit does not ship at all (litj's test wallet) must be listed there
// with every name. Prints {"checked": n} and exits 0, or prints each mismatch and exits 1.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(here, '..', 'contracts', 'build');
const litjOnly = JSON.parse(fs.readFileSync(path.resolve(here, '..', 'contracts', 'litj-only.json'), 'utf8'));
const lit = require('@lit-protocol/contracts/prod/datil-dev.json');

const type = (p) => (p.type.startsWith('tuple') ? '(' + p.components.map(type).join(',') + ')' + p.type.slice(5) : p.type);
const shape = (e) => {
  if (e.type === 'event') return e.name + '(' + e.inputs.map((i) => type(i) + (i.indexed ? ' indexed' : '')).join(',') + ')';
  return e.name + '(' + e.inputs.map(type).join(',') + ')->(' + (e.outputs || []).map(type).join(',') + ')'
    + (e.stateMutability === 'payable' ? ' payable' : '');
};

const problems = [];
let checked = 0;
for (const file of fs.readdirSync(buildDir).filter((f) => f.endsWith('.json')).sort()) {
  const ours = JSON.parse(fs.readFileSync(path.join(buildDir, file), 'utf8'));
  const name = ours.contractName;
  const theirs = lit.data.find((d) => d.name === name);
  if (!theirs && !(name in litjOnly)) {
    problems.push(name + ': Lit ships no contract of this name');
    continue;
  }
  const litAbi = theirs ? theirs.contracts[0].ABI : [];
  const allowed = new Set(litjOnly[name] || []);
  for (const entry of ours.abi.filter((e) => e.type === 'function' || e.type === 'event')) {
    checked++;
    const same = litAbi.filter((e) => e.type === entry.type && e.name === entry.name);
    if (same.length === 0) {
      if (!allowed.has(entry.name)) problems.push(name + '.' + shape(entry) + ': not in Lit\'s ABI and not listed as litj-only');
      continue;
    }
    if (allowed.has(entry.name)) problems.push(name + '.' + entry.name + ': listed as litj-only but Lit has it');
    if (!same.some((e) => shape(e) === shape(entry))) {
      problems.push(name + '.' + shape(entry) + ' differs from Lit\'s ' + same.map(shape).join(' | '));
    }
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(JSON.stringify({ checked }));
