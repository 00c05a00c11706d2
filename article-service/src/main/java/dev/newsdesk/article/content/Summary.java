package dev.newsdesk.article.content;

import java.util.regex.Pattern;

/**
 * The plain-text summary: at most {@value #MAX} characters, ending on a full sentence (。！？)
 * when one fits in the last stretch of the window, else on a clause break (；，) with "…", else a
 * hard cut with "…", so an app's teaser does not stop mid-word.
 * <p>
 * It never ends on a lead-in colon: news posts introduce their pictures with a line such as
 * {@code 名单如下：}, which reads as a dangling promise once the pictures are gone. Such
 * a trailing sentence is dropped when a full sentence stands before it; otherwise the colon
 * becomes "…".
 */
public final class Summary {

    public static final int MAX = 200;
    /** A boundary before this point is too far back to be "near": the teaser would get too short. */
    private static final int NEAR = 120;

    private static final String SENTENCE_ENDS = "。！？!?";
    private static final Pattern TRAILING_COLON = Pattern.compile("[：:]\\s*$");

    private Summary() {}

    public static String of(String text) {
        String plain = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return withoutLeadIn(plain.length() <= MAX ? plain : cut(plain));
    }

    private static String cut(String plain) {
        String window = plain.substring(0, MAX);
        int sentence = lastIndexOfAny(window, SENTENCE_ENDS);
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

    /** A summary ending on "…如下：" loses that last sentence, or at least its colon. */
    private static String withoutLeadIn(String summary) {
        if (!TRAILING_COLON.matcher(summary).find()) {
            return summary;
        }
        String body = TRAILING_COLON.matcher(summary).replaceFirst("");
        int sentence = lastIndexOfAny(body, SENTENCE_ENDS);
        if (sentence >= 0) {
            return body.substring(0, sentence + 1);
        }
        return body.isEmpty() ? "" : body + "…";
    }

    private static int lastIndexOfAny(String s, String chars) {
        int best = -1;
        for (char c : chars.toCharArray()) {
            best = Math.max(best, s.lastIndexOf(c));
        }
        return best;
    }
}
