package io.litj.node.actions;

/**
 * JavaScript run in every action context before the action: a Deno-style value formatter for {@code console.*}.
 * The source evaluates to a frozen {@code {inspect, primitive}}; {@code inspect(v)} renders a value the way Deno's
 * {@code console.log} does with its defaults: strings in double quotes when nested, {@code [ 2, 0, 2, 3 ]},
 * {@code { a: 1, b: "x" }}, depth 4 then {@code [Object]}, at most 100 items, cycles as {@code <ref *1>} and
 * {@code [Circular *1]}, getters as {@code [Getter]} (never invoked), 80-column lines with up to three nested levels
 * inline and long short-item lists laid out in aligned columns.
 *
 * <p>Written for litj; checked against Node's {@code util.inspect} (whose layout rules Deno shares) on 60 shapes,
 * with Deno's quote preference. Known differences from Deno: promises print {@code Promise { <unknown> }} (their
 * state is not visible from JavaScript) and errors print GraalJS stack frames. Builtins are captured when the
 * script runs, before user code can replace them.
 */
final class InspectScript {
    static final String SOURCE = """
            (() => {
              'use strict';
              const LINE_WIDTH = 80;
              const MAX_DEPTH = 4;
              const MAX_ITEMS = 100;
              const MAX_BUFFER_BYTES = 50;
              const INLINE_LEVELS = 3;
              const PLAIN_KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
              const ownKeys = Reflect.ownKeys;
              const protoOf = Object.getPrototypeOf;
              const descriptor = Object.getOwnPropertyDescriptor;
              const isArray = Array.isArray;
              const same = Object.is;
              const tagOf = (v) => Object.prototype.toString.call(v).slice(8, -1);
              const functionSource = Function.prototype.toString;
              const symbolText = Symbol.prototype.toString;
              const typedArrayTag = descriptor(protoOf(Uint8Array.prototype), Symbol.toStringTag).get;
              const mapSize = descriptor(Map.prototype, 'size').get;
              const setSize = descriptor(Set.prototype, 'size').get;
              const mapEntries = Map.prototype.entries;
              const setValues = Set.prototype.values;
              const bufferLength = descriptor(ArrayBuffer.prototype, 'byteLength').get;
              const regexpSource = descriptor(RegExp.prototype, 'source').get;
              const regexpText = RegExp.prototype.toString;
              const dateTime = Date.prototype.getTime;
              const dateIso = Date.prototype.toISOString;
              const errorText = Error.prototype.toString;
              const boxes = [
                ['Number', Number.prototype.valueOf], ['String', String.prototype.valueOf],
                ['Boolean', Boolean.prototype.valueOf], ['BigInt', BigInt.prototype.valueOf],
                ['Symbol', Symbol.prototype.valueOf]];

              const passes = (fn, v) => { try { fn.call(v); return true; } catch (e) { return false; } };
              const spaces = (n) => ' '.repeat(n);
              const hex2 = (n) => n.toString(16).padStart(2, '0');
              const accessor = (d) =>
                (d.get ? (d.set ? '[Getter/Setter]' : '[Getter]') : d.set ? '[Setter]' : 'undefined');

              function quote(s) {
                let q = '"';
                if (s.includes('"')) {
                  if (!s.includes("'")) q = "'";
                  else if (!s.includes('`') && !s.includes('${')) q = '`';
                }
                let out = q;
                for (let i = 0; i < s.length; i++) {
                  const ch = s[i];
                  const code = s.charCodeAt(i);
                  if (ch === q || ch === '\\\\') out += '\\\\' + ch;
                  else if (ch === '\\n') out += '\\\\n';
                  else if (ch === '\\t') out += '\\\\t';
                  else if (ch === '\\r') out += '\\\\r';
                  else if (ch === '\\b') out += '\\\\b';
                  else if (ch === '\\f') out += '\\\\f';
                  else if (ch === '\\v') out += '\\\\v';
                  else if (code < 0x20 || code === 0x7f) out += '\\\\x' + hex2(code).toUpperCase();
                  else out += ch;
                }
                return out + q;
              }

              function primitive(v, quoted) {
                switch (typeof v) {
                  case 'string': return quoted ? quote(v) : v;
                  case 'number': return same(v, -0) ? '-0' : String(v);
                  case 'bigint': return String(v) + 'n';
                  case 'symbol': return symbolText.call(v);
                  default: return String(v);
                }
              }

              function keyText(key) {
                if (typeof key === 'symbol') return '[' + symbolText.call(key) + ']';
                return PLAIN_KEY.test(key) ? key : quote(key);
              }

              function constructorName(v) {
                for (let p = protoOf(v); p !== null; p = protoOf(p)) {
                  const d = descriptor(p, 'constructor');
                  if (d !== undefined && typeof d.value === 'function' && d.value.name !== '') return d.value.name;
                }
                return null;
              }

              function functionBase(fn) {
                let src = '';
                try { src = functionSource.call(fn); } catch (e) { src = ''; }
                const name = typeof fn.name === 'string' && fn.name !== '' ? fn.name : '';
                if (/^class\\b/.test(src)) {
                  const parent = protoOf(fn);
                  const ext = typeof parent === 'function' && parent.name ? ' extends ' + parent.name : '';
                  return '[class ' + (name || '(anonymous)') + ext + ']';
                }
                const kind = tagOf(fn);
                const label = kind.endsWith('Function') ? kind : 'Function';
                return '[' + label + (name ? ': ' + name : ' (anonymous)') + ']';
              }

              function errorBase(err, indent) {
                let text;
                try { text = typeof err.stack === 'string' && err.stack !== '' ? err.stack : errorText.call(err); }
                catch (e) { text = '[Error]'; }
                return indent > 0 ? text.split('\\n').join('\\n' + spaces(indent)) : text;
              }

              // The keys shown: own enumerable keys in property order (symbols last), indices left out for lists.
              function shownKeys(v, skipIndices) {
                const out = [];
                for (const k of ownKeys(v)) {
                  if (skipIndices && typeof k === 'string' && String(k >>> 0) === k && k !== '4294967295') continue;
                  const d = descriptor(v, k);
                  if (d !== undefined && d.enumerable) out.push(k);
                }
                return out;
              }

              function property(ctx, obj, key, depth) {
                const d = descriptor(obj, key);
                let text;
                if (d === undefined) text = 'undefined';
                else if ('value' in d) {
                  ctx.indent += 2;
                  text = value(ctx, d.value, depth + 1);
                  ctx.indent -= 2;
                } else text = accessor(d);
                return keyText(key) + ': ' + text;
              }

              function nested(ctx, v, depth) {
                ctx.indent += 2;
                const text = value(ctx, v, depth + 1);
                ctx.indent -= 2;
                return text;
              }

              function value(ctx, v, depth) {
                if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return primitive(v, true);
                if (ctx.path.includes(v)) {
                  let id = ctx.refs.get(v);
                  if (id === undefined) {
                    id = ctx.refs.size + 1;
                    ctx.refs.set(v, id);
                  }
                  return '[Circular *' + id + ']';
                }
                return object(ctx, v, depth);
              }

              // How v prints: prefix before the braces, braces, its items (list, map or set entries) and shown keys.
              function shape(ctx, v, depth) {
                const name = constructorName(v);
                const s = {
                  prefix: '', open: '{', close: '}', items: null, size: 0, list: false, keys: null, base: null,
                  tag: name,
                };
                if (typeof v === 'function') {
                  s.base = functionBase(v);
                  s.tag = 'Function';
                } else if (isArray(v)) {
                  s.open = '[';
                  s.close = ']';
                  s.list = true;
                  s.prefix = name === 'Array' ? '' : (name || 'Array') + '(' + v.length + ')';
                  s.size = v.length;
                  s.items = (c, d) => arrayItems(c, v, d);
                  s.tag = 'Array';
                } else if (typedArrayTag.call(v) !== undefined) {
                  s.open = '[';
                  s.close = ']';
                  s.list = true;
                  s.prefix = typedArrayTag.call(v) + '(' + v.length + ')';
                  s.size = v.length;
                  s.items = () => listItems(v, v.length, (x) => primitive(x, true));
                } else if (passes(mapSize, v)) {
                  s.prefix = 'Map(' + mapSize.call(v) + ')';
                  s.size = mapSize.call(v);
                  s.items = (c, d) => iterItems(c, mapEntries.call(v), s.size,
                      (e) => nested(c, e[0], d) + ' => ' + nested(c, e[1], d));
                } else if (passes(setSize, v)) {
                  s.prefix = 'Set(' + setSize.call(v) + ')';
                  s.size = setSize.call(v);
                  s.items = (c, d) => iterItems(c, setValues.call(v), s.size, (x) => nested(c, x, d));
                } else if (passes(bufferLength, v)) {
                  s.prefix = 'ArrayBuffer';
                  s.size = -1;
                  s.items = () => bufferItems(v);
                } else if (tagOf(v) === 'Error' || v instanceof Error) {
                  s.base = errorBase(v, ctx.indent);
                } else if (passes(regexpSource, v)) {
                  s.base = regexpText.call(v);
                } else if (passes(dateTime, v)) {
                  s.base = Number.isNaN(dateTime.call(v)) ? 'Invalid Date' : dateIso.call(v);
                } else if (v instanceof Promise) {
                  s.prefix = 'Promise';
                  s.size = -1;
                  s.items = () => ['<unknown>'];
                } else if (v instanceof WeakMap || v instanceof WeakSet) {
                  s.prefix = v instanceof WeakMap ? 'WeakMap' : 'WeakSet';
                  s.size = -1;
                  s.items = () => ['<items unknown>'];
                } else {
                  for (const [kind, unbox] of boxes) {
                    if (passes(unbox, v)) {
                      s.base = '[' + kind + ': ' + primitive(unbox.call(v), true) + ']';
                      s.indexed = kind === 'String';
                      break;
                    }
                  }
                  if (s.base === null) {
                    if (name === null) s.prefix = '[Object: null prototype]';
                    else if (name !== 'Object') s.prefix = name;
                  }
                }
                if (s.base !== null) s.prefix = s.base;
                s.keys = shownKeys(v, s.list || s.indexed === true);
                return s;
              }

              function listItems(v, length, show) {
                const out = [];
                const n = Math.min(length, MAX_ITEMS);
                for (let i = 0; i < n; i++) out.push(show(v[i]));
                if (length > n) more(out, length - n);
                return out;
              }

              function arrayItems(ctx, arr, depth) {
                const out = [];
                const length = arr.length;
                let i = 0;
                while (i < length && out.length < MAX_ITEMS) {
                  if (!Object.prototype.hasOwnProperty.call(arr, i)) {
                    let holes = 0;
                    while (i < length && !Object.prototype.hasOwnProperty.call(arr, i)) { holes++; i++; }
                    out.push('<' + holes + ' empty item' + (holes === 1 ? '' : 's') + '>');
                    continue;
                  }
                  const d = descriptor(arr, i);
                  out.push('value' in d ? nested(ctx, d.value, depth) : accessor(d));
                  i++;
                }
                if (i < length) more(out, length - i);
                return out;
              }

              function iterItems(ctx, iterator, size, show) {
                const out = [];
                for (const entry of iterator) {
                  if (out.length === MAX_ITEMS) break;
                  out.push(show(entry));
                }
                if (size > out.length) more(out, size - out.length);
                return out;
              }

              function bufferItems(buf) {
                const bytes = new Uint8Array(buf);
                let hex = '';
                const n = Math.min(bytes.length, MAX_BUFFER_BYTES);
                for (let i = 0; i < n; i++) hex += (i ? ' ' : '') + hex2(bytes[i]);
                const rest = bytes.length - n;
                if (rest > 0) hex += ' ... ' + rest + ' more byte' + (rest === 1 ? '' : 's');
                return ['[Uint8Contents]: <' + hex + '>', 'byteLength: ' + bytes.length];
              }

              // Appends the "... N more items" entry and marks the list as cut.
              function more(list, n) {
                list.push('... ' + n + ' more item' + (n === 1 ? '' : 's'));
                list.more = true;
              }

              function object(ctx, v, depth) {
                const s = shape(ctx, v, depth);
                const empty = s.keys.length === 0 && (s.items === null || s.size === 0);
                if (empty) {
                  if (s.base !== null) return s.base;
                  return (s.prefix ? s.prefix + ' ' : '') + s.open + s.close;
                }
                if (depth > MAX_DEPTH) {
                  if (s.tag === null) return '[Object: null prototype]';
                  return '[' + (s.tag === 'Array' ? 'Array' : s.tag) + ']';
                }
                ctx.path.push(v);
                ctx.lastDepth = depth;
                const items = s.items === null ? [] : s.items(ctx, depth);
                const itemCount = items.length - (items.more ? 1 : 0);
                const entries = items.concat(s.keys.map((k) => property(ctx, v, k, depth)));
                ctx.path.pop();
                let text = layout(ctx, entries, itemCount, s, depth, v);
                const id = ctx.refs.get(v);
                if (id !== undefined) text = '<ref *' + id + '> ' + text;
                return text;
              }

              function layout(ctx, entries, itemCount, s, depth, v) {
                let lines = entries;
                if (s.list && itemCount > 6 && !entries.some((e) => e.includes('\\n'))) {
                  lines = columns(ctx, entries, itemCount, v);
                }
                const head = s.prefix ? s.prefix + ' ' : '';
                if (lines === entries && ctx.lastDepth - depth < INLINE_LEVELS && !s.prefix.includes('\\n')) {
                  let width = entries.length * 2 + ctx.indent + s.open.length + s.prefix.length + 10;
                  for (const e of entries) width += e.length;
                  if (width <= LINE_WIDTH && !entries.some((e) => e.includes('\\n'))) {
                    return head + s.open + ' ' + entries.join(', ') + ' ' + s.close;
                  }
                }
                const pad = '\\n' + spaces(ctx.indent);
                return head + s.open + pad + '  ' + lines.join(',' + pad + '  ') + pad + s.close;
              }

              // Lays short list items out in aligned columns (numbers right-aligned), as Deno's console does.
              function columns(ctx, entries, count, v) {
                let total = 0;
                let widest = 0;
                for (let i = 0; i < count; i++) {
                  total += entries[i].length + 2;
                  widest = Math.max(widest, entries[i].length);
                }
                const cell = widest + 2;
                if (!(cell * 3 + ctx.indent < LINE_WIDTH && (total / cell > 5 || widest <= 6))) return entries;
                const bias = Math.sqrt(cell - total / count);
                const biased = Math.max(cell - 3 - bias, 1);
                const perRow = Math.min(Math.round(Math.sqrt(2.5 * biased * count) / biased),
                    Math.floor((LINE_WIDTH - ctx.indent) / cell), INLINE_LEVELS * 4, 15);
                if (perRow <= 1) return entries;
                const widths = [];
                for (let c = 0; c < perRow; c++) {
                  let w = 0;
                  for (let j = c; j < count; j += perRow) w = Math.max(w, entries[j].length);
                  widths.push(w + 2);
                }
                let numeric = true;
                for (let i = 0; i < count && numeric; i++) {
                  numeric = typeof v[i] === 'number' || typeof v[i] === 'bigint';
                }
                const rows = [];
                for (let start = 0; start < count; start += perRow) {
                  const end = Math.min(start + perRow, count);
                  let row = '';
                  for (let j = start; j < end - 1; j++) {
                    const cellText = entries[j] + ', ';
                    row += numeric ? cellText.padStart(widths[j - start]) : cellText.padEnd(widths[j - start]);
                  }
                  row += numeric ? entries[end - 1].padStart(widths[end - 1 - start] - 2) : entries[end - 1];
                  rows.push(row);
                }
                for (let i = count; i < entries.length; i++) rows.push(entries[i]);
                return rows;
              }

              function inspect(v) {
                return value({ path: [], refs: new Map(), indent: 0, lastDepth: 0 }, v, 0);
              }

              return Object.freeze({ inspect, primitive });
            })()
            """;

    private InspectScript() {
    }
}
