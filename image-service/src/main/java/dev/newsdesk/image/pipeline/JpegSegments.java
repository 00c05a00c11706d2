package dev.newsdesk.image.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * The marker segments of a JPEG before its first scan (APPn and the tables), walked without a
 * metadata library: where the EXIF orientation and an ICC profile are found.
 */
final class JpegSegments {

    static final int APP1 = 0xe1, APP2 = 0xe2;

    private JpegSegments() {}

    /**
     * The payload of the first segment with {@code marker} whose payload starts with
     * {@code signature}, as {@code [start, end)} within {@code jpeg}; null when no such segment
     * comes before the first scan, or {@code jpeg} is not a JPEG.
     */
    static int[] find(byte[] jpeg, int marker, String signature) {
        byte[] sig = signature.getBytes(StandardCharsets.ISO_8859_1);
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return null;
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xff) {
            int m = jpeg[pos + 1] & 0xff;
            int length = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            if (m == 0xda || m == 0xd9 || length < 2) {
                return null; // start of scan (or a broken length): nothing more before the pixels
            }
            int start = pos + 4, end = Math.min(jpeg.length, pos + 2 + length);
            if (m == marker && startsWith(jpeg, start, end, sig)) {
                return new int[] {start, end};
            }
            pos += 2 + length;
        }
        return null;
    }

    /** Whether the JPEG carries an ICC colour profile (an APP2 {@code ICC_PROFILE} segment). */
    static boolean hasIccProfile(byte[] jpeg) {
        return find(jpeg, APP2, "ICC_PROFILE\0") != null;
    }

    private static boolean startsWith(byte[] b, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
