package org.karyolab.client.ui.editor;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A part of the editor that installs itself into it: a side window, a panel, a mode, a toolbar button. The editor
 * installs every extension listed in {@code META-INF/services/org.karyolab.client.ui.editor.EditorExtension}, in the
 * order listed (it is the order of their toolbar items and keys), and names none of them. One instance serves every
 * editor: what an extension keeps for one editor it keeps with it ({@link EditorHost#getProperties}).
 */
public interface EditorExtension {

    /** Adds the extension's toolbar items, panels and keys to {@code editor}: once per editor, JavaFX thread. */
    void install(EditorHost editor);

    /** The listed extensions, in their order. */
    static List<EditorExtension> listed() {
        return Listed.ALL;
    }
}

/** Read once per JVM: the list does not change while it runs. */
final class Listed {

    static final List<EditorExtension> ALL = ServiceLoader.load(EditorExtension.class, EditorExtension.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private Listed() {
    }
}
