package dev.newsdesk.article.search;

/**
 * The fragment of a found article's text around its first match, for a result list: HTML-escaped,
 * with every occurrence of the query inside the window wrapped in {@code <mark>}. Made from the
 * stored search text (title and plain body, lower-cased), the same text the match was made on,
 * so the marked span is exactly what matched.
 */
public final class Highlight {

    /** Characters shown before the first match and in all, about two lines of a result list. */
    static final int BEFORE = 30;

    static final int WINDOW = 110;

    private Highlight() {}

    /** The fragment, or null when the text does not contain the needle (nothing to show). */
    public static String of(String text, String needle) {
        int first = needle.isEmpty() ? -1 : text.indexOf(needle);
        if (first < 0) {
            return null;
        }
        int start = Math.max(0, first - BEFORE);
        int end = Math.min(text.length(), Math.max(start + WINDOW, first + needle.length()));
        start = safe(text, start);
        end = safe(text, end);
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append('…');
        }
        int at = start;
        for (int hit = first;
                hit >= 0 && hit + needle.length() <= end;
                hit = text.indexOf(needle, hit + needle.length())) {
            escape(text, at, hit, out);
            out.append("<mark>");
            escape(text, hit, hit + needle.length(), out);
            out.append("</mark>");
            at = hit + needle.length();
        }
        escape(text, at, end, out);
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** Never cut a surrogate pair in two. */
    private static int safe(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }
}
