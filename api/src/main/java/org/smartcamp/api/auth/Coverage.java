package org.smartcamp.api.auth;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The missions and camps one request covered, as its scope checks resolved them, for the audit log. What was
 * named explicitly (a camp, asset, event or mission by id or filter) is what the request covered; only when
 * nothing was named do the camps of an unfiltered list count. Either way the answer holds nothing outside
 * these, so an admin who may read all of them may read the entry. Empty when the request was tied to no mission
 * (refused before its subject was resolved, or a route that reads no mission's data).
 *
 * <p>It also holds what personal data (metrics marked personal, such as positions) the answer held: the metrics,
 * the assets ({@code camp/asset}) and the time range, so that every read of them is in the audit log.
 */
public final class Coverage {
    private static final String KEY = "smartcamp.coverage";

    private final Set<String> missions = new TreeSet<>();
    private final Set<String> camps = new TreeSet<>();
    private final Set<String> listedMissions = new TreeSet<>();
    private final Set<String> listedCamps = new TreeSet<>();
    private final Set<String> personalMetrics = new TreeSet<>();
    private final Set<String> personalAssets = new TreeSet<>();
    private Instant personalFrom;
    private Instant personalTo;

    /** The coverage of this request (created on first use). */
    public static Coverage of(RoutingContext ctx) {
        Coverage c = ctx.get(KEY);
        if (c == null) {
            c = new Coverage();
            ctx.put(KEY, c);
        }
        return c;
    }

    /** The coverage of this request if any scope check ran, else null. */
    public static Coverage peek(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    /** A mission or camp named by the request ({@code missionId} null when the camp is not registered). */
    synchronized void named(String missionId, String campId) {
        if (missionId != null) {
            missions.add(missionId);
        }
        if (campId != null) {
            camps.add(campId);
        }
    }

    /** A mission or camp the request listed without naming it. */
    synchronized void listed(String missionId, String campId) {
        if (missionId != null) {
            listedMissions.add(missionId);
        }
        if (campId != null) {
            listedCamps.add(campId);
        }
    }

    /**
     * Notes on {@code ctx}'s coverage everything {@code covered} covered: a cached answer replays what the request
     * that computed it covered, so its audit entry names the same missions and camps.
     */
    public static void replay(RoutingContext ctx, Coverage covered) {
        Coverage into = of(ctx);
        synchronized (covered) {
            synchronized (into) {
                into.missions.addAll(covered.missions);
                into.camps.addAll(covered.camps);
                into.listedMissions.addAll(covered.listedMissions);
                into.listedCamps.addAll(covered.listedCamps);
                if (!covered.personalMetrics.isEmpty()) {
                    into.personal(covered.personalMetrics, covered.personalAssets, covered.personalFrom,
                        covered.personalTo);
                }
            }
        }
    }

    /**
     * Notes that the answer holds readings of personal {@code metrics} of {@code assets} ({@code camp/asset}) over
     * {@code [from, to)}; several notes widen the range.
     */
    public synchronized void personal(Iterable<String> metrics, Iterable<String> assets, Instant from, Instant to) {
        metrics.forEach(personalMetrics::add);
        assets.forEach(personalAssets::add);
        personalFrom = personalFrom == null || from.isBefore(personalFrom) ? from : personalFrom;
        personalTo = personalTo == null || to.isAfter(personalTo) ? to : personalTo;
    }

    /** The personal metrics the answer held, sorted; empty for none. */
    public synchronized List<String> personalMetrics() {
        return List.copyOf(personalMetrics);
    }

    /** The assets ({@code camp/asset}) whose personal metrics the answer held, sorted. */
    public synchronized List<String> personalAssets() {
        return List.copyOf(personalAssets);
    }

    /** The start of the range of personal readings asked for, or null when none were. */
    public synchronized Instant personalFrom() {
        return personalFrom;
    }

    /** The end (exclusive) of the range of personal readings asked for, or null when none were. */
    public synchronized Instant personalTo() {
        return personalTo;
    }

    private boolean explicit() {
        return !missions.isEmpty() || !camps.isEmpty();
    }

    /** The missions covered, sorted. */
    public synchronized List<String> missions() {
        return List.copyOf(explicit() ? missions : listedMissions);
    }

    /** The camps covered, sorted. */
    public synchronized List<String> camps() {
        return List.copyOf(explicit() ? camps : listedCamps);
    }
}
