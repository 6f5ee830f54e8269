package org.karyolab.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.karyolab.client.net.ApiException;
import org.karyolab.client.net.ServerUnreachableException;
import org.karyolab.client.ui.canvas.Adjustments;
import org.karyolab.client.ui.canvas.ImagePixels;
import org.karyolab.client.ui.canvas.Viewport;
import org.karyolab.client.ui.view.EditorView;
import org.karyolab.client.sync.Autosave;
import org.karyolab.schema.Violation;

/** The parts of the view that are plain arithmetic: viewport, lookup tables, error sentences. */
class ViewLogicTest {

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        var v = new Viewport();
        v.setScreenSize(800, 600);
        v.set(0.5, 10, 20);
        double ix = v.toImageX(300), iy = v.toImageY(200);
        v.zoomAt(300, 200, 3);
        assertThat(v.scale()).isEqualTo(1.5);
        assertThat(v.toImageX(300)).isCloseTo(ix, within(1e-9));
        assertThat(v.toImageY(200)).isCloseTo(iy, within(1e-9));
        v.zoomAt(0, 0, 1e9);
        assertThat(v.scale()).isEqualTo(Viewport.MAX_SCALE);
    }

    @Test
    void fitCentresTheImage() {
        var v = new Viewport();
        v.setScreenSize(1000, 500);
        v.fit(4000, 2000, 0, 8);
        assertThat(v.scale()).isEqualTo(0.25);
        assertThat(v.visibleImageArea().minX()).isCloseTo(0, within(1e-9));
        assertThat(v.visibleImageArea().maxY()).isCloseTo(2000, within(1e-9));
    }

    @Test
    void lookupTables() {
        assertThat(Adjustments.NONE.lut()).isEqualTo(IntStream.range(0, 256).toArray());
        int[] inverted = Adjustments.NONE.withInvert(true).lut();
        assertThat(inverted[0]).isEqualTo(255);
        assertThat(inverted[255]).isEqualTo(0);
        int[] bright = Adjustments.NONE.withBrightness(0.2).lut();
        assertThat(bright[100]).isGreaterThan(100);
        int[] gamma = Adjustments.NONE.withGamma(2).lut();
        assertThat(gamma[64]).isGreaterThan(64);
        assertThat(gamma[0]).isZero();
        assertThat(gamma[255]).isEqualTo(255);
        int[] contrast = Adjustments.NONE.withContrast(0.5).lut();
        assertThat(contrast[64]).isLessThan(64);
        assertThat(contrast[192]).isGreaterThan(192);
    }

    @Test
    void pixelsGoThroughTheTable() {
        var px = ImagePixels.ofGrey(2, 1, new byte[] {0, (byte) 200});
        int[] out = new int[2];
        px.render(Adjustments.NONE.withInvert(true), out);
        assertThat(out).containsExactly(0xffffffff, 0xff373737);
    }

    @Test
    void errorsAreSentencesNotStackTraces() {
        assertThat(Errors.message(new ServerUnreachableException("connect refused", null))).startsWith("The server does not answer");
        var invalid = new ApiException(422, "validation", "Invalid", "the annotation is not valid",
                List.of(new Violation("/shape/x", "must be at least 0")), null);
        assertThat(Errors.message(invalid)).isEqualTo("The annotation is not valid. /shape/x: must be at least 0");
        assertThat(Errors.message(new RuntimeException("boom"))).isEqualTo("Something went wrong: boom");
    }

    @Test
    void theSaveStateInWords() {
        assertThat(EditorView.describe(new Autosave.Status(0, 0, true, 0, null))).contains("All changes saved");
        assertThat(EditorView.describe(new Autosave.Status(3, 1, true, 0, null))).contains("3 unsent edits in the journal");
        assertThat(EditorView.describe(new Autosave.Status(2, 0, true, 0, null))).contains("Saving");
        assertThat(EditorView.describe(new Autosave.Status(5, 2, false, 0, null))).contains("Offline").contains("5 unsent edits");
        assertThat(EditorView.describe(new Autosave.Status(1, 0, true, 1, null))).contains("1 conflict");
        assertThat(EditorView.describe(new Autosave.Status(0, 0, true, 0, null, "403 Forbidden: the reviewer role may not annotate")))
                .contains("refused").contains("undone").contains("reviewer role").doesNotContain("All changes saved");
    }
}
