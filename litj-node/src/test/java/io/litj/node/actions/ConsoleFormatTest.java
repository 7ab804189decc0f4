package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code console.*} output as Deno prints it with its defaults (the formatter is {@link InspectScript}; the
 * expectations follow Deno's rules: nested strings in double quotes, 80 columns, depth 4, 100 items).
 */
class ConsoleFormatTest {
    private record Case(String id, String args, String expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("string is raw", "'hello wörld ✓'", "hello wörld ✓"),
            new Case("args joined by a space", "'a', 'b', 'c'", "a b c"),
            new Case("numbers", "1, -0, 1.5, NaN, 1e21, -Infinity, 10n", "1 -0 1.5 NaN 1e+21 -Infinity 10n"),
            new Case("literals", "true, null, undefined", "true null undefined"),
            new Case("short array", "[2, 0, 2, 3]", "[ 2, 0, 2, 3 ]"),
            new Case("empty containers", "[], {}, new Map(), new Set()", "[] {} Map(0) {} Set(0) {}"),
            new Case("object", "{ a: 1, b: 'x' }", "{ a: 1, b: \"x\" }"),
            new Case("nested", "{ user: { name: 'ann', tags: ['a', 'b'] }, ok: true }",
                    "{ user: { name: \"ann\", tags: [ \"a\", \"b\" ] }, ok: true }"),
            new Case("depth limit", "{ a: { b: { c: { d: { e: { f: 1 } } } } } }",
                    "{\n  a: {\n    b: { c: { d: { e: [Object] } } }\n  }\n}"),
            new Case("cycle", "(() => { const o = { name: 'o' }; o.self = o; o.list = [o]; return o; })()",
                    "<ref *1> { name: \"o\", self: [Circular *1], list: [ [Circular *1] ] }"),
            new Case("long number list in columns", "Array.from({ length: 10 }, (_, i) => i)",
                    "[\n  0, 1, 2, 3, 4,\n  5, 6, 7, 8, 9\n]"),
            new Case("numbers right-aligned", "[1, 22, 333, 4, 55, 666, 7]",
                    "[\n   1,  22, 333, 4,\n  55, 666,   7\n]"),
            new Case("over 100 items", "Array.from({ length: 102 }, () => 0).slice(0, 101).concat(['x'])",
                    "[\n" + "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n".repeat(8) + "  0, 0, 0, 0,\n"
                            + "  ... 2 more items\n]"),
            new Case("long object breaks lines",
                    "{ first: 'aaaaaaaaaaaaaaaaaaaa', second: 'bbbbbbbbbbbbbbbbbbbb', third: 'cccccccccccccccc' }",
                    "{\n  first: \"aaaaaaaaaaaaaaaaaaaa\",\n  second: \"bbbbbbbbbbbbbbbbbbbb\",\n"
                            + "  third: \"cccccccccccccccc\"\n}"),
            new Case("typed array", "new Uint8Array([1, 2, 3])", "Uint8Array(3) [ 1, 2, 3 ]"),
            new Case("map and set", "new Map([['k', 1]]), new Set([1, 'x'])",
                    "Map(1) { \"k\" => 1 } Set(2) { 1, \"x\" }"),
            new Case("quote choice", "[\"it's\", 'say \"hi\"', 'a\\nb']", "[ \"it's\", 'say \"hi\"', \"a\\nb\" ]"),
            new Case("keys needing quotes", "{ 'a-b': 1, 2: 'two', [Symbol('s')]: 3 }",
                    "{ \"2\": \"two\", \"a-b\": 1, [Symbol(s)]: 3 }"),
            new Case("functions and classes", "function named() {}, () => 1, async function job() {}, class K {}",
                    "[Function: named] [Function (anonymous)] [AsyncFunction: job] [class K]"),
            new Case("getter is not invoked", "{ get g() { throw new Error('invoked'); } }", "{ g: [Getter] }"),
            new Case("date and regexp", "new Date(0), /ab+c/gi", "1970-01-01T00:00:00.000Z /ab+c/gi"),
            new Case("holes", "[1, , 3, , , 6]", "[ 1, <1 empty item>, 3, <2 empty items>, 6 ]"),
            new Case("class instance", "new (class Point { constructor() { this.x = 1; } })()", "Point { x: 1 }"),
            new Case("null prototype", "Object.assign(Object.create(null), { a: 1 })",
                    "[Object: null prototype] { a: 1 }"),
            new Case("boxed primitives", "[new Number(3), new String('s')]", "[ [Number: 3], [String: \"s\"] ]"),
            new Case("symbol", "Symbol('tag')", "Symbol(tag)"),
            new Case("format specifiers", "'%s has %d items (%i%%)', 'cart', 3, 42.9", "cart has 3 items (42%)"),
            new Case("object specifier and rest", "'%o then', { a: [1] }, 'more', 2", "{ a: [ 1 ] } then more 2"),
            new Case("css specifier consumed", "'%cred', 'color: red'", "red"),
            new Case("no arguments", "", ""));

    @Test
    void log_valueShapes_printLikeDeno() {
        List<String> failures = new ArrayList<>();
        for (Case c : CASES) {
            String logs = SharedRuntime.get().run(ActionRequest.of("console.log(" + c.args() + ");")).logs();
            if (!logs.equals(c.expected() + "\n")) {
                failures.add(c.id() + ": expected " + c.expected() + " but got " + logs);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void consoleMethods_allCapturedInOrder() {
        String logs = SharedRuntime.get().run(ActionRequest.of("""
                console.log('log');
                console.info('info');
                console.warn('warn');
                console.error('error');
                console.debug('debug');
                console.assert(true, 'not printed');
                console.assert(false, 'checked', 1);
                console.dir({ d: 1 });
                """)).logs();
        assertEquals("log\ninfo\nwarn\nerror\ndebug\nAssertion failed: checked 1\n{ d: 1 }\n", logs);
    }

    @Test
    void log_error_printsNameMessageAndStack() {
        String logs = SharedRuntime.get().run(ActionRequest.of("console.log(new TypeError('bad input'));")).logs();
        assertTrue(logs.startsWith("TypeError: bad input\n    at "), logs);
    }

    @Test
    void log_consoleReplacedByAction_doesNotBreakRuntime() {
        ActionResult r = SharedRuntime.get().run(ActionRequest.of("""
                console.log = () => {};
                console.log('swallowed');
                console.info('kept');
                LitActions.setResponse({response: 'ok'});
                """));
        assertEquals(new ActionResult("ok", "kept\n", true), r);
    }
}
