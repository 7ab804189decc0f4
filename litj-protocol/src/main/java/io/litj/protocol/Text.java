package io.litj.protocol;

/**
 * Short public text for error messages: values quoted in a message are cut so that a hostile or huge input cannot
 * make a message (or a log line) large. Style rule R9: public values only, cut at {@value #MAX_CHARS} characters.
 */
public final class Text {
    /** The longest value a message quotes whole. */
    public static final int MAX_CHARS = 64;

    private Text() {
    }

    /** {@code s} itself when at most {@value #MAX_CHARS} characters, else its first 64 followed by {@code …}. */
    public static String cut(String s) {
        return cut(s, MAX_CHARS);
    }

    /** {@code s} itself when at most {@code max} characters, else its first {@code max} followed by {@code …}. */
    public static String cut(String s, int max) {
        if (s == null) {
            return "null";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
