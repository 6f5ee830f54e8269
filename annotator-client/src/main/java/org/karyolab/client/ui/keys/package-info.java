/**
 * The editor's keys, declared once: each {@link org.karyolab.client.ui.keys.KeyAction} (id, keys, help text,
 * handler) and each mouse {@link org.karyolab.client.ui.keys.Gesture} goes into the editor's
 * {@link org.karyolab.client.ui.keys.Keymap}, which both answers key presses and lists the F1 sheet, so the two
 * cannot drift apart. Nothing here knows the editor: the editor, its tools and its extensions declare into it.
 */
package org.karyolab.client.ui.keys;
