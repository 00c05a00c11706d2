import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Gallery-like test sources, lossless PNG, 700 px wide like the sources' CDN images:
 * {@code chart-NN.png} — what the galleries mostly are: a CJK title and notes, a table with
 * rules and figures, a bar chart in flat colours, a line chart, and a photographic inset;
 * {@code photo-NN.png} — smooth multi-octave colour texture with soft-edged shapes, a stand-in
 * for a photograph (no real photographs may be downloaded here). Deterministic per index.
 * Needs a CJK font (Debian fonts-noto-cjk). Usage: java MakeCharts.java OUT_DIR COUNT
 */
public class MakeCharts {

    static final String[] WORDS = {"营业收入", "净利润", "同比增长", "市场份额", "区块链", "数字货币", "季度", "资产负债率",
            "现金流", "研发投入", "用户规模", "毛利率", "行业平均", "预测", "单位：亿元"};

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        out.mkdirs();
        int n = Integer.parseInt(args[1]);
        Font cjk = new Font("Noto Sans CJK SC", Font.PLAIN, 16);
        if (cjk.canDisplayUpTo("营业收入") != -1) {
            throw new IllegalStateException("no CJK font: apt-get install fonts-noto-cjk");
        }
        for (int i = 0; i < n; i++) {
            ImageIO.write(chart(new Random(1000 + i), cjk), "png", new File(out, String.format("chart-%02d.png", i)));
            ImageIO.write(photo(new Random(2000 + i)), "png", new File(out, String.format("photo-%02d.png", i)));
        }
    }

    static BufferedImage chart(Random r, Font font) {
        int w = 700, h = 900 + 100 * r.nextInt(6);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(250, 250, 247));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(180, 20, 30));
        g.fillRect(0, 0, w, 56);
        g.setColor(Color.WHITE);
        g.setFont(font.deriveFont(Font.BOLD, 26f));
        g.drawString(word(r) + word(r) + "：" + word(r) + "（" + (2018 + r.nextInt(6)) + "）", 20, 38);
        int y = 80;
        // table: rules and figures
        g.setFont(font.deriveFont(15f));
        int rows = 6 + r.nextInt(4), cols = 5;
        for (int row = 0; row <= rows; row++) {
            if (row % 2 == 1) {
                g.setColor(new Color(236, 240, 246));
                g.fillRect(20, y + row * 28, w - 40, 28);
            }
            g.setColor(row == 0 ? new Color(30, 60, 120) : new Color(40, 40, 40));
            for (int c = 0; c < cols; c++) {
                String text = row == 0 ? word(r) : c == 0 ? word(r) : String.format("%.2f%%", r.nextDouble() * 200 - 50);
                g.drawString(text, 28 + c * (w - 40) / cols, y + row * 28 + 20);
            }
            g.setColor(new Color(160, 160, 160));
            g.drawLine(20, y + row * 28, w - 20, y + row * 28);
        }
        y += (rows + 1) * 28 + 30;
        // bar chart, flat colours, axis and labels
        Color[] palette = {new Color(200, 40, 50), new Color(40, 110, 190), new Color(240, 170, 30), new Color(60, 160, 90)};
        int base = y + 220;
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(50, base, w - 30, base);
        g.drawLine(50, y, 50, base);
        int bars = 8;
        for (int b = 0; b < bars; b++) {
            for (int s = 0; s < 2; s++) {
                int bh = 20 + r.nextInt(190);
                g.setColor(palette[(b + s) % palette.length]);
                g.fillRect(62 + b * 78 + s * 30, base - bh, 26, bh);
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(font.deriveFont(12f));
            g.drawString("Q" + (b % 4 + 1) + " " + (2019 + b / 4), 60 + b * 78, base + 16);
        }
        y = base + 40;
        // line chart
        g.setStroke(new BasicStroke(2f));
        for (int s = 0; s < 2; s++) {
            g.setColor(palette[s + 1]);
            int px = 50, py = y + 60 + r.nextInt(60);
            for (int x = 1; x <= 12; x++) {
                int nx = 50 + x * (w - 90) / 12, ny = Math.max(y, Math.min(y + 140, py + r.nextInt(50) - 25));
                g.drawLine(px, py, nx, ny);
                g.fillOval(nx - 3, ny - 3, 6, 6);
                px = nx;
                py = ny;
            }
        }
        y += 170;
        // photographic inset and notes beside it
        if (y + 150 < h - 40) {
            BufferedImage inset = photo(r, 260, 150);
            g.drawImage(inset, 20, y, null);
            g.setColor(new Color(50, 50, 50));
            g.setFont(font.deriveFont(14f));
            for (int line = 0; line < 6; line++) {
                g.drawString(word(r) + word(r) + "，" + word(r) + word(r) + "。", 300, y + 20 + line * 22);
            }
        }
        g.setFont(font.deriveFont(12f));
        g.setColor(new Color(120, 120, 120));
        g.drawString("数据来源：" + word(r) + "  " + word(r), 20, h - 14);
        g.dispose();
        return img;
    }

    static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    static BufferedImage photo(Random r) {
        return photo(r, 700, 900 + 100 * r.nextInt(6));
    }

    /** Multi-octave value noise in colour under a sky-like gradient, with soft shapes: photo-like statistics. */
    static BufferedImage photo(Random r, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90 + r.nextInt(80), 140 + r.nextInt(60), 200), 0, h,
                new Color(60 + r.nextInt(60), 90 + r.nextInt(50), 40 + r.nextInt(40))));
        g.fillRect(0, 0, w, h);
        g.dispose();
        double[][] grids = new double[5][];
        int[] cells = {4, 9, 21, 47, 101};
        for (int o = 0; o < grids.length; o++) {
            grids[o] = new double[(cells[o] + 2) * (cells[o] + 2) * 3];
            for (int k = 0; k < grids[o].length; k++) {
                grids[o][k] = r.nextDouble() - 0.5;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int[] c = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
                for (int ch = 0; ch < 3; ch++) {
                    double v = 0, amp = 90;
                    for (int o = 0; o < grids.length; o++) {
                        v += amp * sample(grids[o], cells[o], (double) x / w, (double) y / h, ch);
                        amp *= 0.55;
                    }
                    v += r.nextGaussian() * 3; // sensor noise
                    c[ch] = Math.max(0, Math.min(255, (int) Math.round(c[ch] + v)));
                }
                img.setRGB(x, y, c[0] << 16 | c[1] << 8 | c[2]);
            }
        }
        return img;
    }

    static double sample(double[] grid, int cells, double fx, double fy, int ch) {
        double gx = fx * cells, gy = fy * cells;
        int ix = (int) gx, iy = (int) gy;
        double tx = smooth(gx - ix), ty = smooth(gy - iy);
        int stride = cells + 2;
        double a = grid[((iy * stride) + ix) * 3 + ch], b = grid[((iy * stride) + ix + 1) * 3 + ch];
        double c = grid[(((iy + 1) * stride) + ix) * 3 + ch], d = grid[(((iy + 1) * stride) + ix + 1) * 3 + ch];
        return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
    }

    static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
