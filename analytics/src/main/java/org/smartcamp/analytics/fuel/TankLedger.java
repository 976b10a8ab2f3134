package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Everything a tank's daily account needs ({@link TankDay}): its level and the level's error model, the fuel that
 * came in and went missing (detected events with their measured litres and standard deviations), the detected
 * leak, what its consumers burned by their own sources and what it moved out. Pure.
 */
public final class TankLedger {
    private final String tankId;
    private final TankLevelError level;
    private final List<DetectedEvent> in;
    private final List<DetectedEvent> thefts;
    private final List<LeakLoss> leaks;
    private final Map<String, FuelUse> consumers;
    private final List<DetectedEvent> movedOut;

    /**
     * @param in        refuels, or a day tank's transfers in
     * @param thefts    thefts and drains
     * @param consumers the fuel use of the generators it feeds
     * @param movedOut  transfers into its day tanks and refuels of its vehicles
     */
    TankLedger(String tankId, TankLevelError level, List<DetectedEvent> in, List<DetectedEvent> thefts,
               List<LeakLoss> leaks, Map<String, FuelUse> consumers, List<DetectedEvent> movedOut) {
        this.tankId = tankId;
        this.level = level;
        this.in = List.copyOf(in);
        this.thefts = List.copyOf(thefts);
        this.leaks = List.copyOf(leaks);
        this.consumers = new LinkedHashMap<>(consumers);
        this.movedOut = List.copyOf(movedOut);
    }

    public String tankId() {
        return tankId;
    }

    /** The account of each UTC day in {@code [from, to)} whose both ends have a level. */
    public List<TankDay> days(Instant from, Instant to) {
        List<TankDay> out = new ArrayList<>();
        for (Instant d = from.truncatedTo(ChronoUnit.DAYS); d.isBefore(to); d = d.plus(1, ChronoUnit.DAYS)) {
            TankDay day = day(d, d.plus(1, ChronoUnit.DAYS));
            if (day != null) {
                out.add(day);
            }
        }
        return out;
    }

    /** The account of {@code [from, to)}; null when either end has no level. */
    TankDay day(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        double opening = level.levelAt(a);
        double closing = level.levelAt(b);
        if (Double.isNaN(opening) || Double.isNaN(closing)) {
            return null;
        }
        double var = Math.pow(level.levelSigma(a), 2) + Math.pow(level.levelSigma(b), 2)
            + Math.pow(level.eventSigma(a, b), 2) + Math.pow(level.leakSigma(a, b), 2)
            + Math.pow(level.strappingSigma(a, b), 2);
        double inL = litres(in, a, b);
        double theftsL = litres(thefts, a, b);
        double movedL = litres(movedOut, a, b);
        double leakL = leaks.isEmpty() ? 0 : LeakLoss.cumulative(leaks, a, b).delta(a, b);
        double consumed = 0;
        double coverage = 1;
        Map<String, TankDay.Consumer> each = new LinkedHashMap<>();
        for (Map.Entry<String, FuelUse> c : consumers.entrySet()) {
            FuelDay f = c.getValue().explainIndependent(from, to);
            double litres = Double.isFinite(f.bucket().litres()) ? f.bucket().litres() : 0;
            double sigma = Double.isFinite(f.sigmaL()) ? f.sigmaL() : 0;
            consumed += litres;
            var += sigma * sigma;
            coverage = Math.min(coverage, f.bucket().coverage());
            each.put(c.getKey(), new TankDay.Consumer(litres, sigma, f.bucket().source()));
        }
        for (DetectedEvent e : movedOut) {
            Double sd = e.evidence().figures().get("sd_l");
            double share = TankLevelError.overlap(e, a, b);
            var += sd == null || !Double.isFinite(sd) ? 0 : Math.pow(share * sd, 2);
        }
        double residual = closing - (opening + inL - theftsL - leakL - consumed - movedL);
        return new TankDay(tankId, from, opening, closing, inL, theftsL, leakL, consumed, movedL, residual,
            Math.sqrt(var), coverage, each);
    }

    /** The measured litres of {@code events} in {@code [a, b)}, each in proportion to its time there. */
    private static double litres(List<DetectedEvent> events, long a, long b) {
        double sum = 0;
        for (DetectedEvent e : events) {
            if (e.quantity() != null && (e.kind() == EventKind.REFUEL || e.kind() == EventKind.THEFT)) {
                sum += e.quantity() * TankLevelError.overlap(e, a, b);
            }
        }
        return sum;
    }
}
