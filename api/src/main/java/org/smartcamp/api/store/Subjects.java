package org.smartcamp.api.store;

import java.util.List;
import org.smartcamp.ingest.catalogue.Figure;

/**
 * The subjects of analytics figures a request covers: these camps, and these assets (ids) of the camps
 * {@code assetCamps} (asset ids are unique within their camp only: an asset subject is one of {@code assets} in one
 * of {@code assetCamps}, every such pair being one the request asked for), already cut to the caller's scope;
 * {@code figurePatterns} are SQL LIKE patterns of the figure names ({@code %} for all).
 */
public record Subjects(List<String> camps, List<String> assets, List<String> assetCamps,
                       List<String> figurePatterns) {

    public Subjects {
        camps = List.copyOf(camps);
        assets = List.copyOf(assets);
        assetCamps = List.copyOf(assetCamps);
        figurePatterns = List.copyOf(figurePatterns);
    }

    /** The LIKE pattern of {@code figure}'s stored names: its name, or of a per-metric figure its prefix. */
    public static String patternOf(Figure figure) {
        return figure.perMetric() ? exactly(figure.id() + figure.separator()) + "%" : exactly(figure.id());
    }

    /** The LIKE pattern matching exactly {@code figure} (whose names have no % or backslash). */
    public static String exactly(String figure) {
        return figure.replace("_", "\\_");
    }
}
