package org.smartcamp.analytics.store;

import org.smartcamp.ingest.catalogue.FigureCatalogue;

/** The check every stored figure passes: its name is in the figure catalogue, so the API can label it. */
final class FigureNames {
    private FigureNames() {
    }

    /**
     * @throws IllegalArgumentException when {@code figure} is not in the catalogue
     *                                  ({@link org.smartcamp.ingest.catalogue.Figure})
     */
    static void requireKnown(String figure) {
        if (!FigureCatalogue.known(figure)) {
            throw new IllegalArgumentException("figure '" + figure + "' is not in the figure catalogue "
                + "(org.smartcamp.ingest.catalogue.Figure): add it there with its unit and labels");
        }
    }
}
