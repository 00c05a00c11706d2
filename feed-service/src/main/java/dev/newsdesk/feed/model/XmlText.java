package dev.newsdesk.feed.model;

/**
 * Text that every feed format can carry. XML 1.0 allows only {@code #x9 | #xA | #xD |
 * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]} (XML 1.0 §2.2); anything else — control
 * characters pasted from word processors, lone surrogates from broken encoders — makes a strict
 * parser reject the whole feed, so it is removed. Escaping is left to the writers, which do it
 * exactly once.
 */
public final class XmlText {

    private XmlText() {}

    /** {@code text} without the characters XML 1.0 forbids; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            int c = text.codePointAt(i);
            if (!allowed(c, text, i)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length).append(text, 0, i);
        while (i < length) {
            int c = text.codePointAt(i);
            if (allowed(c, text, i)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean allowed(int c, String text, int at) {
        if (c == 0x9 || c == 0xA || c == 0xD) {
            return true;
        }
        if (c < 0x20) {
            return false;
        }
        if (c <= 0xD7FF) {
            return true;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            return false; // a lone surrogate: codePointAt found no pair
        }
        if (c <= 0xFFFD) {
            return c >= 0xE000;
        }
        return c >= 0x10000 && c <= 0x10FFFF;
    }
}
