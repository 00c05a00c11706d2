package dev.newsdesk.image.pipeline;

/**
 * Where the output comes from and how big it is: a source rectangle (the whole image for
 * {@code contain}, a centred crop for {@code cover}) scaled to the output size. Never enlarges:
 * a request larger than the source gets the source's size (for {@code cover}, the largest
 * centred crop of the requested aspect). Outputs are at most {@link ImageOptions#MAX_SIDE}.
 */
public record Geometry(int cropX, int cropY, int cropWidth, int cropHeight, int width, int height) {

    public static Geometry of(int sourceWidth, int sourceHeight, ImageOptions options) {
        int tw = options.targetWidth(), th = options.targetHeight();
        double w = sourceWidth, h = sourceHeight;
        if (tw > 0 && th > 0 && options.fit() == ImageOptions.Fit.COVER) {
            double scale = Math.max(tw / w, th / h);
            if (scale > 1) { // no enlarging: the biggest crop of the box's aspect, at source resolution
                double k = Math.min(w / tw, h / th);
                int ow = clamp((int) Math.round(tw * k), sourceWidth),
                        oh = clamp((int) Math.round(th * k), sourceHeight);
                return centred(sourceWidth, sourceHeight, ow, oh, ow, oh);
            }
            int cw = clamp((int) Math.round(tw / scale), sourceWidth),
                    ch = clamp((int) Math.round(th / scale), sourceHeight);
            return centred(sourceWidth, sourceHeight, cw, ch, tw, th);
        }
        double scale;
        if (tw > 0 && th > 0) {
            scale = Math.min(tw / w, th / h);
        } else if (tw > 0) {
            scale = tw / w;
        } else if (th > 0) {
            scale = th / h;
        } else {
            scale = 1;
        }
        scale = Math.min(scale, 1);
        scale = Math.min(scale, Math.min(ImageOptions.MAX_SIDE / w, ImageOptions.MAX_SIDE / h));
        int ow = Math.max(1, (int) Math.round(w * scale)), oh = Math.max(1, (int) Math.round(h * scale));
        return new Geometry(0, 0, sourceWidth, sourceHeight, ow, oh);
    }

    private static Geometry centred(int sw, int sh, int cw, int ch, int ow, int oh) {
        return new Geometry((sw - cw) / 2, (sh - ch) / 2, cw, ch, Math.max(1, ow), Math.max(1, oh));
    }

    private static int clamp(int v, int max) {
        return Math.max(1, Math.min(v, max));
    }

    public boolean isIdentity() {
        return cropX == 0 && cropY == 0 && width == cropWidth && height == cropHeight;
    }

    /** How much the source shrinks (≥ 1 when downscaling). */
    public double shrink() {
        return Math.min((double) cropWidth / width, (double) cropHeight / height);
    }
}
