package dev.newsdesk.article.content;

/**
 * The plain-text summary: at most {@value #MAX} characters, cut after a sentence end (。！？) or
 * else a clause break (；，) in the last stretch of the window, so an app's teaser does not stop
 * mid-word; a hard cut ends with "…" instead.
 */
public final class Summary {

    public static final int MAX = 200;
    /** A boundary before this point is too far back to be "near": the teaser would get too short. */
    private static final int NEAR = 120;

    private Summary() {
    }

    public static String of(String text) {
        String plain = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (plain.length() <= MAX) {
            return plain;
        }
        String window = plain.substring(0, MAX);
        int sentence = lastIndexOfAny(window, "。！？!?");
        if (sentence >= NEAR) {
            return window.substring(0, sentence + 1);
        }
        int clause = lastIndexOfAny(window, "；，;");
        if (clause >= NEAR) {
            return window.substring(0, clause) + "…";
        }
        int cut = MAX - 1;
        if (Character.isHighSurrogate(plain.charAt(cut - 1))) {
            cut--;
        }
        return plain.substring(0, cut) + "…";
    }

    private static int lastIndexOfAny(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            best = Math.max(best, s.lastIndexOf(c));
        }
        return best;
    }
}
