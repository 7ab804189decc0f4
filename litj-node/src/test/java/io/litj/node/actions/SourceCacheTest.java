package io.litj.node.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/** The cache of parsed action sources: keyed by the code's content, bounded in entries and characters. */
class SourceCacheTest {
    private static final String NAME = ActionErrors.SOURCE_NAME;

    @Test
    void get_sameContentInAnotherString_returnsTheSameSource() {
        SourceCache cache = new SourceCache(4, 100, 400);
        String code = "LitActions.setResponse({response: '1'});";
        Source first = cache.get(code, NAME);
        Source again = cache.get(new String(code.toCharArray()), NAME);
        assertSame(first, again);
        assertEquals(code, first.getCharacters().toString());
        assertEquals(NAME, first.getName());
        assertEquals(1, cache.size());
    }

    @Test
    void get_differentContent_returnsDifferentSources() {
        SourceCache cache = new SourceCache(4, 100, 400);
        Source a = cache.get("1", NAME);
        Source b = cache.get("2", NAME);
        assertNotSame(a, b);
        assertEquals("2", b.getCharacters().toString());
        assertEquals(2, cache.size());
    }

    @Test
    void get_moreThanMaxEntries_evictsLeastRecentlyUsed() {
        SourceCache cache = new SourceCache(3, 100, 400);
        Source one = cache.get("1", NAME);
        cache.get("2", NAME);
        cache.get("3", NAME);
        cache.get("1", NAME); // "2" is now the least recently used
        cache.get("4", NAME);
        assertEquals(3, cache.size());
        assertSame(one, cache.get("1", NAME));
        assertEquals(3, cache.size());
        Source two = cache.get("2", NAME);
        assertEquals(3, cache.size(), "bounded: bringing 2 back evicted another");
        assertSame(two, cache.get("2", NAME));
    }

    @Test
    void get_overTheCharacterBudget_evictsUntilItFits() {
        SourceCache cache = new SourceCache(64, 10, 25);
        cache.get("a".repeat(10), NAME);
        cache.get("b".repeat(10), NAME);
        assertEquals(20, cache.totalChars());
        cache.get("c".repeat(10), NAME);
        assertEquals(2, cache.size());
        assertEquals(20, cache.totalChars());
    }

    @Test
    void get_codeLongerThanTheEntryLimit_neverKept() {
        SourceCache cache = new SourceCache(4, 10, 40);
        String code = "x".repeat(11);
        Source first = cache.get(code, NAME);
        Source second = cache.get(code, NAME);
        assertNotSame(first, second);
        assertEquals(0, cache.size());
        assertEquals(0, cache.totalChars());
    }

    @Test
    void new_badBounds_refused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceCache(0, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new SourceCache(1, 10, 9));
    }
}
