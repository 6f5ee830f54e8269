package org.karyolab.client.document;

import java.time.Duration;
import java.util.Objects;
import org.karyolab.schema.ChromosomeClass;

/**
 * Typing a chromosome class on the keyboard: {@code 2 1} gives 21, {@code X} gives X, {@code 7}
 * gives 7 at once (no class has two digits starting with 3-9), {@code 1} waits for a second digit
 * and gives 1 on Enter or after the timeout, Escape cancels. No clock inside: the caller passes the
 * time of each key and calls {@link #tick} from a timer, so the machine is tested without sleeping.
 */
public final class ClassKeyEntry {

    /** What the entry tells the UI. */
    public interface Listener {
        void committed(ChromosomeClass chromosomeClass);

        /** The digits typed so far (empty after a commit, cancel or rejection): show them as a hint. */
        default void typing(String typed) {
        }

        /** A key sequence that names no class, e.g. "23" or "0". */
        default void rejected(String typed) {
        }
    }

    private final Duration timeout;
    private final Listener listener;
    private String typed = "";
    private long lastKeyMillis;

    public ClassKeyEntry(Duration timeout, Listener listener) {
        this.timeout = Objects.requireNonNull(timeout);
        this.listener = Objects.requireNonNull(listener);
    }

    /** The pending digits ("" when idle). */
    public String typed() {
        return typed;
    }

    public boolean pending() {
        return !typed.isEmpty();
    }

    /** A typed character at time {@code nowMillis}. Returns false if the key means nothing here (let the UI use it). */
    public boolean key(char c, long nowMillis) {
        tick(nowMillis); // a "1" that timed out before this key was a 1
        if (c == 'x' || c == 'X' || c == 'y' || c == 'Y') {
            // A sex chromosome ends any pending digits: the latest key is the user's intent.
            setTyped("");
            listener.committed(Character.toUpperCase(c) == 'X' ? ChromosomeClass.X : ChromosomeClass.Y);
            return true;
        }
        if (c < '0' || c > '9') return false;
        lastKeyMillis = nowMillis;
        String next = typed + c;
        if (typed.isEmpty()) {
            if (c == '0') {
                reject(next);
            } else if (c == '1' || c == '2') {
                setTyped(next); // 1 or 2 may be the start of 10-22
            } else {
                listener.committed(ChromosomeClass.of(c - '0'));
            }
            return true;
        }
        int number = Integer.parseInt(next);
        if (number >= 1 && number <= 22) {
            setTyped("");
            listener.committed(ChromosomeClass.of(number));
        } else {
            reject(next);
        }
        return true;
    }

    /** Enter: commits pending digits. False when nothing was pending. */
    public boolean enter() {
        if (typed.isEmpty()) return false;
        commitPending();
        return true;
    }

    /** Escape: drops pending digits. False when nothing was pending. */
    public boolean escape() {
        if (typed.isEmpty()) return false;
        setTyped("");
        return true;
    }

    /** Call from a timer: a single pending digit commits once the timeout has passed since its key. */
    public void tick(long nowMillis) {
        if (!typed.isEmpty() && nowMillis - lastKeyMillis >= timeout.toMillis()) commitPending();
    }

    private void commitPending() {
        int number = Integer.parseInt(typed);
        setTyped("");
        listener.committed(ChromosomeClass.of(number));
    }

    private void reject(String sequence) {
        setTyped("");
        listener.rejected(sequence);
    }

    private void setTyped(String value) {
        if (!value.equals(typed)) {
            typed = value;
            listener.typing(value);
        }
    }
}
