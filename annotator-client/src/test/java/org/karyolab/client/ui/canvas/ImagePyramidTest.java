package org.karyolab.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The image pyramid's levels, the level chosen for a zoom, and the source and screen rectangles of a draw. */
class ImagePyramidTest {

    @Test
    void levelsGoDownToAbout512Pixels() {
        assertThat(ImagePyramid.levelCount(4096, 4096)).isEqualTo(4); // 4096, 2048, 1024, 512
        assertThat(ImagePyramid.levelCount(1600, 1200)).isEqualTo(3); // 1600, 800, 400
        assertThat(ImagePyramid.levelCount(512, 300)).isEqualTo(1);
        assertThat(ImagePyramid.levelCount(1024, 100)).isEqualTo(2);
        assertThat(ImagePyramid.levelSize(4095, 1)).isEqualTo(2048);
        assertThat(ImagePyramid.levelSize(4095, 3)).isEqualTo(512);
        assertThat(ImagePyramid.levelSize(1600, 2)).isEqualTo(400);
    }

    @Test
    void halvingAveragesEach2x2BlockPerChannel() {
        int w = 3, h = 3;
        int[] src = {
            rgb(0, 0, 0), rgb(4, 8, 12), rgb(100, 50, 25),
            rgb(8, 16, 24), rgb(12, 24, 36), rgb(100, 50, 25),
            rgb(200, 0, 1), rgb(0, 200, 3), rgb(9, 9, 9),
        };
        int[] out = new int[4];
        ImagePyramid.halve(src, w, h, out);
        assertThat(out[0]).isEqualTo(rgb(6, 12, 18)); // mean of the four top-left pixels
        assertThat(out[1]).isEqualTo(rgb(100, 50, 25)); // odd last column: the two that exist
        assertThat(out[2]).isEqualTo(rgb(100, 100, 2)); // odd last row
        assertThat(out[3]).isEqualTo(rgb(9, 9, 9)); // the corner pixel alone
        for (int p : out) assertThat(p >>> 24).isEqualTo(0xff);
    }

    @Test
    void aFlatImageStaysFlatAndAStripePatternBecomesItsMean() {
        int w = 8, h = 4;
        int[] stripes = new int[w * h];
        for (int i = 0; i < stripes.length; i++) stripes[i] = (i % 2 == 0) ? rgb(0, 0, 0) : rgb(200, 200, 200);
        int[] out = new int[4 * 2];
        ImagePyramid.halve(stripes, w, h, out);
        for (int p : out) assertThat(p).isEqualTo(rgb(100, 100, 100)); // no aliasing: alternate columns average out
    }

    @Test
    void levelIsTheSmallestWhoseScaleIsStillAtLeastTheScreens() {
        assertThat(ImagePyramid.levelFor(4, 4)).isEqualTo(0);
        assertThat(ImagePyramid.levelFor(1, 4)).isEqualTo(0);
        assertThat(ImagePyramid.levelFor(0.99, 4)).isEqualTo(0);
        assertThat(ImagePyramid.levelFor(0.5, 4)).isEqualTo(1);
        assertThat(ImagePyramid.levelFor(0.3, 4)).isEqualTo(1);
        assertThat(ImagePyramid.levelFor(0.25, 4)).isEqualTo(2);
        assertThat(ImagePyramid.levelFor(0.18, 4)).isEqualTo(2); // 4096 px fitted into ~750 px: the 1024 px level
        assertThat(ImagePyramid.levelFor(0.01, 4)).isEqualTo(3); // no level below the last
        assertThat(ImagePyramid.levelFor(0.01, 1)).isEqualTo(0);
    }

    @Test
    void zoomedOutTheVisibleImageComesFromASmallLevelAndLandsWhereTheImageIs() {
        var v = new Viewport();
        v.setScreenSize(1280, 800);
        v.fit(4096, 4096, 24, 8); // scale (800-48)/4096 = 0.1836
        ImagePyramid.Blit b = ImagePyramid.plan(v, 4096, 4096, 4096, 4096, 4);
        assertThat(b.level()).isEqualTo(2);
        assertThat(b.smooth()).isTrue();
        // The whole 1024 px level, never the 4096 px image.
        assertThat(b.sourceX()).isZero();
        assertThat(b.sourceY()).isZero();
        assertThat(b.sourceWidth()).isEqualTo(1024);
        assertThat(b.sourceHeight()).isEqualTo(1024);
        assertThat(b.screenX()).isCloseTo(v.toScreenX(0), within(1e-9));
        assertThat(b.screenY()).isCloseTo(v.toScreenY(0), within(1e-9));
        assertThat(b.screenWidth()).isCloseTo(4096 * v.scale(), within(1e-9));
        assertThat(b.screenHeight()).isCloseTo(4096 * v.scale(), within(1e-9));
    }

    @Test
    void partlyVisibleTheSourceIsWholeLevelPixelsAndTheScreenRectIsTheirsExactly() {
        var v = new Viewport();
        v.setScreenSize(1000, 600);
        v.set(0.3, -333.3, -250.7); // level 1 (scale 0.5 >= 0.3 > 0.25); image x from 1111 to 4444 on screen
        ImagePyramid.Blit b = ImagePyramid.plan(v, 4096, 4096, 4096, 4096, 4);
        assertThat(b.level()).isEqualTo(1);
        double ix0 = v.toImageX(0), iy0 = v.toImageY(0); // 1111, 835.67
        assertThat(b.sourceX()).isEqualTo(Math.floor(ix0 / 2));
        assertThat(b.sourceY()).isEqualTo(Math.floor(iy0 / 2));
        assertThat(b.sourceX() + b.sourceWidth()).isEqualTo(2048); // clipped at the image's right edge
        assertThat(b.sourceY() + b.sourceHeight()).isEqualTo(Math.ceil(v.toImageY(600) / 2));
        // Level pixel i starts at image pixel 2i: the screen rect is where those image pixels are.
        assertThat(b.screenX()).isCloseTo(v.toScreenX(b.sourceX() * 2), within(1e-9));
        assertThat(b.screenY()).isCloseTo(v.toScreenY(b.sourceY() * 2), within(1e-9));
        assertThat(b.screenX()).isLessThanOrEqualTo(0);
        assertThat(b.screenWidth()).isCloseTo(b.sourceWidth() * 2 * 0.3, within(1e-9));
        assertThat(b.screenHeight()).isCloseTo(b.sourceHeight() * 2 * 0.3, within(1e-9));
    }

    @Test
    void zoomedInOnlyTheVisibleSubRectangleOfTheFullImageIsCopiedUnsmoothed() {
        var v = new Viewport();
        v.setScreenSize(1280, 800);
        v.set(4, 0, 0);
        v.centerOn(2000.3, 1500.6);
        ImagePyramid.Blit b = ImagePyramid.plan(v, 4096, 4096, 4096, 4096, 4);
        assertThat(b.level()).isZero();
        assertThat(b.smooth()).isFalse();
        assertThat(b.sourceWidth()).isBetween(320.0, 321.0); // 1280 / 4, to whole pixels
        assertThat(b.sourceHeight()).isBetween(200.0, 201.0);
        assertThat(b.screenX()).isCloseTo(v.toScreenX(b.sourceX()), within(1e-9));
        assertThat(b.screenX()).isBetween(-4.0, 0.0);
        assertThat(b.screenWidth()).isCloseTo(b.sourceWidth() * 4, within(1e-9));
    }

    @Test
    void aThumbnailStretchedOverTheImageMapsThroughItsOwnScale() {
        var v = new Viewport();
        v.setScreenSize(1280, 800);
        v.fit(4096, 4096, 24, 8); // 0.18 screen px per image px = 0.73 per thumbnail px
        ImagePyramid.Blit b = ImagePyramid.plan(v, 4096, 4096, 1024, 1024, ImagePyramid.levelCount(1024, 1024));
        assertThat(b.level()).isZero(); // the 512 px level would have too few pixels
        assertThat(b.sourceWidth()).isEqualTo(1024);
        assertThat(b.screenWidth()).isCloseTo(4096 * v.scale(), within(1e-9));
    }

    @Test
    void nothingToDrawWhenTheImageIsOffScreen() {
        var v = new Viewport();
        v.setScreenSize(800, 600);
        v.set(1, 5000, 0);
        assertThat(ImagePyramid.plan(v, 4096, 4096, 4096, 4096, 4)).isNull();
    }

    private static int rgb(int r, int g, int b) {
        return 0xff000000 | r << 16 | g << 8 | b;
    }
}
