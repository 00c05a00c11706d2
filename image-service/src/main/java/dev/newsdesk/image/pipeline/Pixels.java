package dev.newsdesk.image.pipeline;

/**
 * A decoded image between pipeline steps: packed sRGB ARGB, row-major, one int per pixel.
 * {@code alpha} false means every pixel is opaque (the alpha byte is ignored).
 */
public record Pixels(int width, int height, int[] argb, boolean alpha) {

    public java.awt.image.BufferedImage toBufferedImage() {
        int type = alpha ? java.awt.image.BufferedImage.TYPE_INT_ARGB : java.awt.image.BufferedImage.TYPE_INT_RGB;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, type);
        image.getRaster().setDataElements(0, 0, width, height, argb);
        return image;
    }
}
