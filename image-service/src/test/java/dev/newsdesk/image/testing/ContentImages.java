package dev.newsdesk.image.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Opaque pictures of the two kinds the quality mapping tells apart, deterministic: a chart like
 * most gallery images of the sources (text, table rules, flat-colour bars, a line chart and a
 * small photographic inset on a white ground), and a photographic texture (smooth colour at
 * several scales with grain, so no two neighbouring pixels are alike).
 */
public final class ContentImages {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)
    };

    private ContentImages() {}

    public static BufferedImage chart(int w, int h) {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("Revenue and margin by quarter, 2024-2026", 20, 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int rows = 6, top = 60, rowHeight = 26;
        for (int r = 0; r <= rows; r++) {
            g.setColor(r == 0 ? new Color(0xdde6f0) : Color.WHITE);
            g.fillRect(20, top + r * rowHeight, w - 40, rowHeight);
            g.setColor(new Color(0xaaaaaa));
            g.drawLine(20, top + r * rowHeight, w - 20, top + r * rowHeight);
            g.setColor(new Color(0x333333));
            for (int c = 0; c < 4; c++) {
                String cell = r == 0 ? "Q" + (c + 1) : String.format("%.1f%%", random.nextDouble() * 100);
                g.drawString(cell, 30 + c * (w - 40) / 4, top + r * rowHeight + 18);
            }
        }
        int base = h * 3 / 4, barTop = top + (rows + 2) * rowHeight;
        for (int b = 0; b < 8; b++) {
            int barHeight = 20 + random.nextInt(Math.max(21, base - barTop - 20));
            g.setColor(PALETTE[b % PALETTE.length]);
            g.fillRect(40 + b * (w - 80) / 8, base - barHeight, (w - 80) / 12, barHeight);
        }
        g.setColor(Color.BLACK);
        g.drawLine(30, base, w - 30, base);
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(new Color(0xd62728));
        int previousY = base - 40;
        for (int x = 40; x < w - 40; x += 30) {
            int y = Math.max(barTop, Math.min(base, previousY + random.nextInt(41) - 20));
            g.drawLine(x, previousY, x + 30, y);
            previousY = y;
        }
        g.drawImage(texture(w / 3, h / 5), w - w / 3 - 20, base + 20, null);
        g.setColor(new Color(0x555555));
        g.drawString("Source: company filings; figures in millions", 20, h - 20);
        g.dispose();
        return image;
    }

    public static BufferedImage texture(int w, int h) {
        Random random = new Random(7);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double[][] phases = new double[4][3];
        for (double[] octave : phases) {
            for (int c = 0; c < 3; c++) {
                octave[c] = random.nextDouble() * Math.PI * 2;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double v = 128;
                    for (int o = 0; o < phases.length; o++) {
                        double f = 0.01 * (1 << o);
                        v += 60.0
                                / (o + 1)
                                * Math.sin(f * x + phases[o][c])
                                * Math.cos(f * 1.3 * y + phases[o][c] * 0.7);
                    }
                    v += random.nextGaussian() * 6;
                    rgb = rgb << 8 | (int) Math.max(0, Math.min(255, v));
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
