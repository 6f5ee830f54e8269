package org.karyolab.client.ui;

import java.util.Map;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Types text the way a keyboard does (US layout): each character is a real key press of its key, with Shift held
 * where the layout needs it, through the robot into the focused window. Unlike {@code FxRobot.write} (which sends
 * the characters without their keys), the editor's key filters see every key code, so a shortcut that fires while
 * a text input has the focus shows.
 */
public final class Typist {

    /** Every printable ASCII character, space to tilde. */
    public static final String PRINTABLE;

    static {
        var b = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) b.append(c);
        PRINTABLE = b.toString();
    }

    /** Characters that are not on a letter, digit or space key: the key that types them, and whether Shift is held. */
    private record Key(KeyCode code, boolean shift) {}

    private static final String SHIFTED_DIGITS = ")!@#$%^&*(";
    private static final Map<Character, Key> PUNCTUATION = Map.ofEntries(
            Map.entry('`', new Key(KeyCode.BACK_QUOTE, false)), Map.entry('~', new Key(KeyCode.BACK_QUOTE, true)),
            Map.entry('-', new Key(KeyCode.MINUS, false)), Map.entry('_', new Key(KeyCode.MINUS, true)),
            Map.entry('=', new Key(KeyCode.EQUALS, false)), Map.entry('+', new Key(KeyCode.EQUALS, true)),
            // The headless platform's robot types brackets and braces from the BRACELEFT / BRACERIGHT keys
            // (a desktop keyboard reports OPEN_BRACKET / CLOSE_BRACKET: pressed as well, see type()).
            Map.entry('[', new Key(KeyCode.BRACELEFT, false)), Map.entry('{', new Key(KeyCode.BRACELEFT, true)),
            Map.entry(']', new Key(KeyCode.BRACERIGHT, false)), Map.entry('}', new Key(KeyCode.BRACERIGHT, true)),
            Map.entry('\\', new Key(KeyCode.BACK_SLASH, false)), Map.entry('|', new Key(KeyCode.BACK_SLASH, true)),
            Map.entry(';', new Key(KeyCode.SEMICOLON, false)), Map.entry(':', new Key(KeyCode.SEMICOLON, true)),
            Map.entry('\'', new Key(KeyCode.QUOTE, false)), Map.entry('"', new Key(KeyCode.QUOTE, true)),
            Map.entry(',', new Key(KeyCode.COMMA, false)), Map.entry('<', new Key(KeyCode.COMMA, true)),
            Map.entry('.', new Key(KeyCode.PERIOD, false)), Map.entry('>', new Key(KeyCode.PERIOD, true)),
            Map.entry('/', new Key(KeyCode.SLASH, false)), Map.entry('?', new Key(KeyCode.SLASH, true)));

    private final FxRobot robot;

    public Typist(FxRobot robot) {
        this.robot = robot;
    }

    /**
     * Types {@code text} key by key, at a fast typist's pace: the keys go to the JavaFX thread in order, and the
     * test waits for their events every {@value #BURST} characters (not after each key, which takes ~0.1 s).
     */
    public void type(String text) {
        KeyboardRobot keys = robot.robotContext().getKeyboardRobot();
        int n = 0;
        for (char c : text.toCharArray()) {
            Key k = keyOf(c);
            if (k.shift()) keys.pressNoWait(KeyCode.SHIFT);
            keys.pressNoWait(k.code());
            keys.releaseNoWait(k.code());
            if (k.shift()) keys.releaseNoWait(KeyCode.SHIFT);
            if (++n % BURST == 0) WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static final int BURST = 12;

    /** The keys a desktop keyboard sends that type nothing on the headless platform: pressed too, so they are tried as shortcuts. */
    public void pressBracketKeys() {
        press(KeyCode.OPEN_BRACKET, KeyCode.CLOSE_BRACKET);
    }

    /** One press of each key. */
    public void press(KeyCode... codes) {
        KeyboardRobot keys = robot.robotContext().getKeyboardRobot();
        for (KeyCode code : codes) {
            keys.pressNoWait(code);
            keys.releaseNoWait(code);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Key keyOf(char c) {
        if (c >= 'a' && c <= 'z') return new Key(KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))), false);
        if (c >= 'A' && c <= 'Z') return new Key(KeyCode.getKeyCode(String.valueOf(c)), true);
        if (c >= '0' && c <= '9') return new Key(KeyCode.getKeyCode(String.valueOf(c)), false);
        if (c == ' ') return new Key(KeyCode.SPACE, false);
        int shiftedDigit = SHIFTED_DIGITS.indexOf(c);
        if (shiftedDigit >= 0) return new Key(KeyCode.getKeyCode(String.valueOf(shiftedDigit)), true);
        Key k = PUNCTUATION.get(c);
        if (k == null) throw new IllegalArgumentException("no key types " + c);
        return k;
    }
}
