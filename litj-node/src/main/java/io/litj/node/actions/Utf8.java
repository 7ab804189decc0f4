package io.litj.node.actions;

/**
 * UTF-8 sizes of Java strings without encoding them, and cuts to a byte budget that never split a character.
 * An unpaired surrogate counts as 3 bytes, the size of the U+FFFD that JavaScript's {@code TextEncoder} writes for
 * it (the JDK's encoder writes a 1-byte {@code ?}): the larger figure, so a budget is never overrun. Stateless.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The UTF-8 size of {@code s}, capped at {@link Integer#MAX_VALUE}. */
    static int length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** The longest prefix of {@code s} whose UTF-8 size is at most {@code maxBytes}; {@code s} itself if it fits. */
    static String prefix(String s, int maxBytes) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int width = 1;
            int chars = 1;
            if (c >= 0x80) {
                width = c < 0x800 ? 2 : 3;
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    width = 4;
                    chars = 2;
                }
            }
            if (n + width > maxBytes) {
                return s.substring(0, i);
            }
            n += width;
            i += chars - 1;
        }
        return s;
    }
}
