package org.smartcamp.api.routes;

import java.util.List;
import org.smartcamp.api.auth.Scope;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.Params;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.Subjects;
import org.smartcamp.ingest.catalogue.FigureCatalogue;

/**
 * Which subjects (camps, assets) of analytics figures a request covers, from {@code mission}, {@code camp},
 * {@code asset} and {@code subject} (camp or asset), always cut to the caller's scope.
 */
final class SubjectFilter {
    static final List<String> PARAMS = List.of("mission", "camp", "asset", "subject", "figure");
    private static final String ALL_FIGURES = "%";

    private SubjectFilter() {
    }

    /** The subjects of the request, with its figure filter (all figures when absent). */
    static Subjects of(Params p, Scope scope) {
        List<String> figures = p.list("figure", Params.FIGURE, "figure names such as fuel_consumed_l");
        for (String figure : figures) {
            if (!FigureCatalogue.known(figure)) {
                throw ApiException.badParameter("figure", "names '" + figure + "', which is not in the figure "
                    + "catalogue (GET /api/v1/catalogue)");
            }
        }
        List<String> patterns = figures.isEmpty() ? List.of(ALL_FIGURES)
            : figures.stream().map(Subjects::exactly).toList();
        String subject = p.choice("subject", java.util.Set.of("camp", "asset"), null);
        List<String> camps = scope.camps(p.id("mission"), p.id("camp"));
        String assetId = p.id("asset");
        if (assetId != null) {
            Registry.Asset asset = scope.asset(p.id("camp"), assetId);
            if ("camp".equals(subject)) {
                throw ApiException.badParameter("subject", "cannot be 'camp' together with 'asset'");
            }
            boolean covered = camps.contains(asset.campId());
            return new Subjects(List.of(), covered ? List.of(assetId) : List.of(),
                covered ? List.of(asset.campId()) : List.of(), patterns);
        }
        List<String> assets = scope.registry().assetsOf(camps).stream().map(Registry.Asset::id).distinct().toList();
        return new Subjects("asset".equals(subject) ? List.of() : camps, "camp".equals(subject) ? List.of() : assets,
            "camp".equals(subject) ? List.of() : camps, patterns);
    }
}
