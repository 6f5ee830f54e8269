package org.karyolab.client.ui.review;

import java.util.Arrays;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.karyolab.client.ui.Shortcuts;

/** Review mode's keys, declared once: {@link ReviewMode} acts on them, the F1 sheet lists them ({@link #ENTRIES}). */
public enum ReviewKeys {
    ACCEPT(KeyCode.A, "review mode: accept the selected annotation (with its row's comment)"),
    REJECT(KeyCode.R, "review mode: reject the selected annotation (with its row's comment)"),
    NEXT(KeyCode.N, "review mode: select the next submitted annotation in the list and centre it");

    public static final List<Shortcuts.Entry> ENTRIES = Arrays.stream(values())
            .map(k -> new Shortcuts.Entry(k.code.getName() + " (review)", k.what)).toList();

    private final KeyCode code;
    private final String what;

    ReviewKeys(KeyCode code, String what) {
        this.code = code;
        this.what = what;
    }

    /** The review key of a plain key press (no modifier), or null. */
    static ReviewKeys of(KeyEvent e) {
        if (e.isShiftDown() || e.isShortcutDown() || e.isAltDown()) return null;
        for (ReviewKeys k : values()) if (k.code == e.getCode()) return k;
        return null;
    }
}
