package org.karyolab.learning.synth;

import java.util.Map;

/**
 * A 5x7 bitmap font for the few labels synthetic images carry (chromosome numbers, X, Y, cluster types):
 * drawn pixel by pixel, so it needs no system font and gives the same pixels everywhere.
 */
final class PixelFont {

    static final int WIDTH = 5;
    static final int HEIGHT = 7;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}),
            Map.entry('1', new String[] {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('2', new String[] {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}),
            Map.entry('3', new String[] {"####.", "....#", "....#", ".###.", "....#", "....#", "####."}),
            Map.entry('4', new String[] {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}),
            Map.entry('5', new String[] {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('6', new String[] {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}),
            Map.entry('7', new String[] {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}),
            Map.entry('8', new String[] {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[] {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}),
            Map.entry('X', new String[] {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}),
            Map.entry('Y', new String[] {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}),
            Map.entry('M', new String[] {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}),
            Map.entry('A', new String[] {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}),
            Map.entry('R', new String[] {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}),
            Map.entry('T', new String[] {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}),
            Map.entry('O', new String[] {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}),
            Map.entry('-', new String[] {".....", ".....", ".....", "#####", ".....", ".....", "....."}),
            Map.entry('+', new String[] {".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."}),
            Map.entry(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."}));

    private PixelFont() {
    }

    /** Width in pixels of {@code text} at {@code scale}. */
    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (WIDTH + 1) - 1) * scale;
    }

    /** Calls {@code dot} for every set pixel of {@code text} with its top-left corner at (x, y). */
    static void draw(String text, int x, int y, int scale, Dot dot) {
        for (int c = 0; c < text.length(); c++) {
            String[] glyph = GLYPHS.getOrDefault(Character.toUpperCase(text.charAt(c)), GLYPHS.get(' '));
            int gx = x + c * (WIDTH + 1) * scale;
            for (int row = 0; row < HEIGHT; row++) {
                for (int col = 0; col < WIDTH; col++) {
                    if (glyph[row].charAt(col) == '#') {
                        for (int sy = 0; sy < scale; sy++) {
                            for (int sx = 0; sx < scale; sx++) {
                                dot.set(gx + col * scale + sx, y + row * scale + sy);
                            }
                        }
                    }
                }
            }
        }
    }

    interface Dot {
        void set(int x, int y);
    }
}
