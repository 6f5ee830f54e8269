package org.karyolab.client.ui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The editor's toolbar: a row of buttons that never squeezes them into "...". Every item gets its full width;
 * when the row is too narrow, the items of least {@linkplain #setPriority priority} (the rightmost first among
 * equals) leave the row for the "More" menu at its right end, which offers each of them (a toggle as a check
 * item, a label as a disabled line) with its current state. Items keep their place in {@link #getChildren()},
 * so whoever adds, disables or looks up a button need not know where it is shown. A grown region (the spacer)
 * takes what width is left.
 */
public final class OverflowToolbar extends HBox {

    /** The default priority: side windows' openers and anything else added without one. */
    public static final int DEFAULT_PRIORITY = 1;
    private static final String PRIORITY = "kl-overflow-priority";

    private final MenuButton more = new MenuButton("More \u25be");
    private final List<Node> overflowed = new ArrayList<>();

    public OverflowToolbar() {
        more.setId("toolbar-more");
        more.setFocusTraversable(false);
        more.setTooltip(new Tooltip("What does not fit in the toolbar at this window size"));
        more.setOnShowing(e -> more.getItems().setAll(menuItems()));
        more.setVisible(false);
        getChildren().add(more); // placed at the right end by layoutChildren, wherever it is in the list
    }

    /** How long {@code item} stays in the row as it narrows: higher stays longer. */
    public static void setPriority(Node item, int priority) {
        item.getProperties().put(PRIORITY, priority);
        if (item.getParent() != null) item.getParent().requestLayout();
    }

    static int priority(Node item) {
        return item.getProperties().get(PRIORITY) instanceof Integer p ? p : DEFAULT_PRIORITY;
    }

    public MenuButton moreButton() {
        return more;
    }

    /** The items now in the "More" menu instead of the row, in row order (JavaFX thread, after layout). */
    public List<Node> overflowed() {
        return List.copyOf(overflowed);
    }

    /** The items of the row (all children but the menu button), in order. */
    public List<Node> items() {
        var out = new ArrayList<Node>();
        for (Node n : getChildren()) if (n != more && n.isManaged()) out.add(n);
        return out;
    }

    private static boolean grows(Node n) {
        return getHgrow(n) == Priority.ALWAYS;
    }

    private double width(Node n) {
        return grows(n) ? 0 : snapSizeX(n.prefWidth(-1));
    }

    private double rowWidth(List<Node> items, Set<Node> hidden) {
        double sum = 0;
        int shown = 0;
        for (Node n : items) {
            if (hidden.contains(n)) continue;
            sum += width(n);
            shown++;
        }
        return sum + Math.max(0, shown - 1) * snapSpaceX(getSpacing());
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return snapSpaceX(in.getLeft()) + rowWidth(items(), Set.of()) + snapSpaceX(in.getRight());
    }

    @Override
    protected double computeMinWidth(double height) {
        // Everything but the first item may go to the menu.
        Insets in = getInsets();
        List<Node> items = items();
        double first = items.isEmpty() ? 0 : width(items.getFirst()) + snapSpaceX(getSpacing());
        return snapSpaceX(in.getLeft()) + first + snapSizeX(more.prefWidth(-1)) + snapSpaceX(in.getRight());
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double h = more.prefHeight(-1);
        for (Node n : items()) h = Math.max(h, n.prefHeight(-1));
        return snapSpaceY(in.getTop()) + snapSizeY(h) + snapSpaceY(in.getBottom());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = snapSpaceX(in.getLeft()), top = snapSpaceY(in.getTop());
        double available = getWidth() - left - snapSpaceX(in.getRight());
        double height = getHeight() - top - snapSpaceY(in.getBottom());
        double gap = snapSpaceX(getSpacing());
        List<Node> items = items();
        Set<Node> hidden = new HashSet<>();
        boolean overflow = rowWidth(items, hidden) > available;
        double moreWidth = overflow ? snapSizeX(more.prefWidth(-1)) : 0;
        if (overflow) {
            double room = available - moreWidth - gap;
            List<Node> order = new ArrayList<>();
            for (Node n : items) if (!grows(n)) order.add(n);
            // Least priority first; among equals, the rightmost first.
            order.sort(Comparator.comparingInt(OverflowToolbar::priority).thenComparing(n -> -items.indexOf(n)));
            for (Node n : order) {
                if (rowWidth(items, hidden) <= room) break;
                hidden.add(n);
            }
            hideDanglingSeparators(items, hidden);
        }
        double spare = Math.max(0, available - moreWidth - (overflow ? gap : 0) - rowWidth(items, hidden));
        double x = left;
        overflowed.clear();
        for (Node n : items) {
            if (hidden.contains(n)) {
                n.setVisible(false);
                if (!(n instanceof Separator)) overflowed.add(n);
                continue;
            }
            n.setVisible(true);
            double w = grows(n) ? spare : width(n);
            layoutInArea(n, x, top, w, height, 0, Insets.EMPTY, true, true, HPos.LEFT, VPos.CENTER);
            x += w + gap;
        }
        more.setVisible(overflow);
        if (overflow) {
            layoutInArea(more, left + available - moreWidth, top, moreWidth, height, 0, Insets.EMPTY, true, true, HPos.LEFT, VPos.CENTER);
        }
    }

    /** A separator with nothing shown on one of its sides (up to the next separator) goes too. */
    private static void hideDanglingSeparators(List<Node> items, Set<Node> hidden) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Separator) || hidden.contains(items.get(i))) continue;
            if (!shownBeside(items, hidden, i, -1) || !shownBeside(items, hidden, i, 1)) hidden.add(items.get(i));
        }
    }

    private static boolean shownBeside(List<Node> items, Set<Node> hidden, int from, int step) {
        for (int j = from + step; j >= 0 && j < items.size(); j += step) {
            Node n = items.get(j);
            if (n instanceof Separator && !hidden.contains(n)) return false;
            if (!hidden.contains(n) && !grows(n)) return true;
        }
        return false;
    }

    /** The menu: each item not in the row, as it is now. */
    private List<MenuItem> menuItems() {
        var out = new ArrayList<MenuItem>();
        boolean separated = false;
        for (Node n : items()) {
            if (n instanceof Separator) {
                separated = true;
                continue;
            }
            if (!overflowed.contains(n)) continue;
            MenuItem item = switch (n) {
                case ToggleButton t -> {
                    var check = new CheckMenuItem(t.getText());
                    check.setSelected(t.isSelected());
                    check.setOnAction(e -> t.fire());
                    yield check;
                }
                case ButtonBase b -> {
                    var mi = new MenuItem(b.getText());
                    mi.setOnAction(e -> b.fire());
                    yield mi;
                }
                case Labeled l -> {
                    var mi = new MenuItem(l.getText());
                    mi.setDisable(true); // information, not an action
                    yield mi;
                }
                default -> null;
            };
            if (item == null) continue;
            if (n.getId() != null) item.setId("more-" + n.getId());
            if (n.isDisabled()) item.setDisable(true);
            if (separated && !out.isEmpty()) out.add(new SeparatorMenuItem());
            separated = false;
            out.add(item);
        }
        return out;
    }
}
