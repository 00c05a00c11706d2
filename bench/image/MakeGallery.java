import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes N gallery-like JPEGs (700 px wide, 1000–1800 px tall, quality 90, baseline) into a
 * folder, named like the CDN's files ({@code G0001_w700h1234.jpg}). Deterministic (fixed seed):
 * a list image of text-like rows over a gradient with some noise, like the screenshots of
 * official lists the real galleries carry. Run: {@code java MakeGallery.java DIR N}.
 */
public class MakeGallery {
    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        int n = Integer.parseInt(args[1]);
        dir.mkdirs();
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            int w = 700, h = 1000 + (i * 800 / Math.max(1, n - 1));
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(250, 248, 240), w, h, new Color(225, 232, 245)));
            g.fillRect(0, 0, w, h);
            g.setStroke(new BasicStroke(1));
            for (int y = 40; y < h - 20; y += 28) {
                g.setColor(new Color(200, 200, 210));
                g.drawLine(20, y + 8, w - 20, y + 8);
                g.setColor(new Color(30 + random.nextInt(40), 30, 40));
                for (int x = 30; x < w - 60; x += 14 + random.nextInt(6)) {
                    g.fillRect(x, y - 6, 10, 2 + random.nextInt(10));
                }
            }
            g.setColor(new Color(190, 30, 30, 120));
            g.fillOval(w / 3, h / 3, w / 3, w / 3);
            g.dispose();
            for (int k = 0; k < w * h / 20; k++) {
                int x = random.nextInt(w), y = random.nextInt(h);
                int p = image.getRGB(x, y), d = random.nextInt(21) - 10;
                int r = clamp(((p >> 16) & 0xff) + d), gg = clamp(((p >> 8) & 0xff) + d), b = clamp((p & 0xff) + d);
                image.setRGB(x, y, r << 16 | gg << 8 | b);
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            File out = new File(dir, String.format("G%04d_w%dh%d.jpg", i + 1, w, h));
            out.delete();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
