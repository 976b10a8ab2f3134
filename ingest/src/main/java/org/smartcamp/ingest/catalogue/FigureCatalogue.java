package org.smartcamp.ingest.catalogue;

import java.util.List;
import java.util.Optional;

/** Looks up the {@link Figure} of a stored figure name, per-metric names included. */
public final class FigureCatalogue {
    private static final List<Figure> ALL = List.of(Figure.values());

    private FigureCatalogue() {
    }

    /** Every figure, in catalogue order. */
    public static List<Figure> all() {
        return ALL;
    }

    /**
     * The figure stored under {@code name}: the figure of that exact name, or the per-metric figure whose name and
     * separator start it and are followed by a metric name (not checked against the metric catalogue here).
     */
    public static Optional<Figure> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Figure f : ALL) {
            if (f.perMetric() ? name.length() > f.id().length() + f.separator().length()
                && name.startsWith(f.id() + f.separator()) : name.equals(f.id())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code name} is a figure of the catalogue. */
    public static boolean known(String name) {
        return find(name).isPresent();
    }
}
