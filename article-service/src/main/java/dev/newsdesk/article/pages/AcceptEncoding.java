package dev.newsdesk.article.pages;

/** Whether an {@code Accept-Encoding} header (RFC 9110 §12.5.3) takes gzip: named or {@code *}, with q above 0. */
final class AcceptEncoding {

    private AcceptEncoding() {}

    static boolean takesGzip(String header) {
        if (header == null) {
            return false;
        }
        Boolean star = null;
        for (String part : header.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].trim();
            boolean wanted = quality(fields) > 0;
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return wanted;
            }
            if (coding.equals("*")) {
                star = wanted;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static double quality(String[] fields) {
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i].trim();
            if (field.length() > 2 && (field.startsWith("q=") || field.startsWith("Q="))) {
                try {
                    return Double.parseDouble(field.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
