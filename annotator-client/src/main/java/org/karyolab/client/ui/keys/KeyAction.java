package org.karyolab.client.ui.keys;

import java.util.List;
import java.util.Objects;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCombination.ModifierValue;
import javafx.scene.input.KeyEvent;

/**
 * A key of the editor, declared once: its id, the key combinations that press it, its line on the F1 sheet
 * ({@code keys}, {@code help}) and what it does. The {@link Keymap} runs it and lists it.
 *
 * @param phase   when it is asked, among the actions a key matches ({@link Phase})
 * @param viewing whether it only looks (zoom, layers, help, ...): such keys work while the annotations load
 * @param handler true if it took the key; false lets the next matching action try
 */
public record KeyAction(String id, Section section, Phase phase, String keys, String help,
                        List<KeyCombination> combinations, boolean viewing, Handler handler) implements Shortcut {

    /** When an action is asked ({@link Keymap#press}); in one phase, in the order declared. */
    public enum Phase {
        /** Before everything else, the annotations still loading or a tool drawing: undo, send, side windows, Alt keys. */
        FIRST,
        /** The active tool's own keys, before the editor's (they check that their tool is the active one). */
        TOOL,
        /** The editor's keys. */
        EDITOR
    }

    /** What a key does; true if it took the key. */
    @FunctionalInterface
    public interface Handler {
        boolean handle(KeyEvent e);
    }

    public KeyAction {
        Objects.requireNonNull(id);
        Objects.requireNonNull(section);
        Objects.requireNonNull(phase);
        Objects.requireNonNull(keys);
        Objects.requireNonNull(help);
        combinations = List.copyOf(combinations);
        Objects.requireNonNull(handler);
    }

    /** An editor-phase action that changes something (not {@link #viewing}). */
    public static KeyAction of(String id, Section section, String keys, String help, Handler handler,
                               KeyCombination... combinations) {
        return new KeyAction(id, section, Phase.EDITOR, keys, help, List.of(combinations), false, handler);
    }

    /** A handler that always takes the key. */
    public static Handler taken(Runnable r) {
        return e -> {
            r.run();
            return true;
        };
    }

    /** This action, asked in {@code p}. */
    public KeyAction in(Phase p) {
        return new KeyAction(id, section, p, keys, help, combinations, viewing, handler);
    }

    /** This action, marked as only looking: it works while the annotations load. */
    public KeyAction viewingOnly() {
        return new KeyAction(id, section, phase, keys, help, combinations, true, handler);
    }

    public boolean matches(KeyEvent e) {
        for (KeyCombination c : combinations) if (c.match(e)) return true;
        return false;
    }

    // --- combinations -------------------------------------------------------------------------

    /** {@code code} alone: no Shift, Ctrl, Alt or Meta. */
    public static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    /** {@code code} with or without Shift, and no other modifier. */
    public static KeyCombination anyShift(KeyCode code) {
        return new KeyCodeCombination(code, ModifierValue.ANY, ModifierValue.UP, ModifierValue.UP, ModifierValue.UP, ModifierValue.UP);
    }

    /** Shift+{@code code}. */
    public static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    /** Ctrl+{@code code} (Cmd on a Mac). */
    public static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** Ctrl+Shift+{@code code} (Cmd+Shift on a Mac). */
    public static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    /** Alt+{@code code}. */
    public static KeyCombination alt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
    }
}
