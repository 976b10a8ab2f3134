package org.smartcamp.analytics.job.basic;

import java.util.List;
import org.smartcamp.analytics.job.AssetAnalyzer;
import org.smartcamp.analytics.job.CampAnalyzer;

/** The analyzers the job ships with: data-quality basics and the counter-based daily figures. */
public final class BasicAnalyzers {
    private BasicAnalyzers() {
    }

    /** The asset analyzers: {@link DataQualityAnalyzer}, {@link CounterFiguresAnalyzer}. */
    public static List<AssetAnalyzer> assets() {
        return List.of(new DataQualityAnalyzer(), new CounterFiguresAnalyzer());
    }

    /** The camp analyzers: {@link CampEnergyAnalyzer}. */
    public static List<CampAnalyzer> camps() {
        return List.of(new CampEnergyAnalyzer());
    }
}
