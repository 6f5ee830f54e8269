package org.karyolab.client.ui.canvas;

import javafx.scene.input.KeyEvent;

/**
 * A tool that takes some keys even when it is not drawing (the editor hands other keys to a tool
 * only while it is busy): the brush's {@code [} and {@code ]} for its size.
 */
public interface ExtraKeys {

    /** True if the tool used the key. */
    boolean extraKey(KeyEvent e);
}
