package org.karyolab.client.ui.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.karyolab.client.ui.keys.KeyAction.Handler;
import org.karyolab.client.ui.keys.KeyAction.Phase;

/**
 * The editor's one table of keys: what a key press does ({@link #press}) and what the F1 sheet lists
 * ({@link #sheet}) come from the same declarations. A press is offered to the {@link Phase#FIRST} actions, then
 * (without Ctrl or Alt) to the gate, then to the {@link Phase#TOOL} and {@link Phase#EDITOR} actions; the first
 * action whose keys match and whose handler takes it ends the press. Whoever calls {@link #press} has already
 * made sure no text input has the focus ({@code TextEntry}): typing is never a shortcut. JavaFX thread.
 */
public final class Keymap {

    /** Keys that press nothing here and never edit (moving the focus, modifiers on their own). */
    private static final Set<KeyCode> INERT = EnumSet.of(KeyCode.UP, KeyCode.DOWN, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.PAGE_UP,
            KeyCode.PAGE_DOWN, KeyCode.HOME, KeyCode.END, KeyCode.SHIFT, KeyCode.CONTROL, KeyCode.ALT, KeyCode.META, KeyCode.TAB);

    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final Handler gate;

    /**
     * {@code gate} is asked for every key without Ctrl or Alt between the first actions and the rest; true takes
     * the key (the editor refuses edits while the annotations load, and a tool drawing takes its keys first).
     */
    public Keymap(Handler gate) {
        this.gate = Objects.requireNonNull(gate);
    }

    /** Declares a key action or a gesture; ids are unique. */
    public void add(Shortcut s) {
        Objects.requireNonNull(s);
        if (find(s.id()) != null) throw new IllegalArgumentException("a shortcut " + s.id() + " is already declared");
        shortcuts.add(s);
    }

    public void addAll(Collection<? extends Shortcut> all) {
        all.forEach(this::add);
    }

    /** The declared key action with this id, or null. */
    public KeyAction action(String id) {
        return find(id) instanceof KeyAction a ? a : null;
    }

    private Shortcut find(String id) {
        for (Shortcut s : shortcuts) if (s.id().equals(id)) return s;
        return null;
    }

    /** The F1 sheet: every declared key and gesture, by section, in declaration order within one. */
    public List<Shortcut> sheet() {
        return shortcuts.stream().sorted(Comparator.comparing(Shortcut::section)).toList();
    }

    /** Runs what {@code e} presses; true if something took it (the caller consumes the event). */
    public boolean press(KeyEvent e) {
        if (press(e, Phase.FIRST, a -> true)) return true;
        if (e.isShortcutDown() || e.isAltDown()) return false;
        if (gate.handle(e)) return true;
        return press(e, Phase.TOOL, a -> true) || press(e, Phase.EDITOR, a -> true);
    }

    /** Runs the first of the actions {@code ids} that {@code e} presses (a side window offers the editor's undo). */
    public boolean press(KeyEvent e, Collection<String> ids) {
        for (Phase p : Phase.values()) if (press(e, p, a -> ids.contains(a.id()))) return true;
        return false;
    }

    private boolean press(KeyEvent e, Phase phase, Predicate<KeyAction> which) {
        for (Shortcut s : List.copyOf(shortcuts)) { // a handler may declare more (an extension installed late)
            if (s instanceof KeyAction a && a.phase() == phase && which.test(a) && a.matches(e) && a.handler().handle(e)) return true;
        }
        return false;
    }

    /**
     * Whether {@code e} only looks, so it works while the annotations load: a {@linkplain KeyAction#viewing viewing}
     * action's key, or a key that presses nothing here (arrows, Tab, a modifier on its own).
     */
    public boolean viewing(KeyEvent e) {
        if (INERT.contains(e.getCode())) return true;
        for (Shortcut s : shortcuts) if (s instanceof KeyAction a && a.viewing() && a.matches(e)) return true;
        return false;
    }
}
