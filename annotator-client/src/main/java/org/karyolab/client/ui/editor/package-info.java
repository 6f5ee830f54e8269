/**
 * What the editor offers the parts installed into it: {@link org.karyolab.client.ui.editor.EditorHost} (the model,
 * the canvas, the tools, the keymap, places in the toolbar, the side panel and the status bar), the
 * {@link org.karyolab.client.ui.editor.EditorExtension} list the editor installs without naming any of them, and
 * {@link org.karyolab.client.ui.editor.SideWindows} for the windows beside it. The side windows, panels and modes
 * depend on this package, never on the editor's view.
 */
package org.karyolab.client.ui.editor;
