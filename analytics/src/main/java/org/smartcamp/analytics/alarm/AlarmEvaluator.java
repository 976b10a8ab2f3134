package org.smartcamp.analytics.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/**
 * Evaluates every rule after an analytics pass and moves its alarms, one transaction per rule:
 * <ul>
 *   <li>a finding with no open alarm raises one (or reopens the alarm of its event when the event, once retracted,
 *       is detected again);</li>
 *   <li>a finding with an open alarm updates it when what it says changed (a revised event's quantity: an
 *       {@code updated} history entry; a state's details: silently);</li>
 *   <li>an open alarm without a finding is cleared with {@code cleared_by} null (the event was retracted, the state
 *       ended, the rule was disabled);</li>
 *   <li>an alarm a person cleared is not raised again for the same subject until its condition has ended.</li>
 * </ul>
 * Running it again over the same data changes nothing, so passes, restarts and re-analysis keep one alarm.
 */
public final class AlarmEvaluator {
    /** The default look-back of event conditions: events detected or revised within it raise alarms. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);

    private final DataSource dataSource;
    private final AlarmLifecycle lifecycle;
    private final FindingQueries queries;
    private final AlarmMetrics metrics;

    public AlarmEvaluator(DataSource dataSource, AlarmLifecycle lifecycle, Duration lookback, AlarmMetrics metrics) {
        this.dataSource = dataSource;
        this.lifecycle = lifecycle;
        this.queries = new FindingQueries(lookback);
        this.metrics = metrics;
    }

    /** What one evaluation did. */
    public record Outcome(int raised, int updated, int cleared, int reopened) {
        Outcome plus(Outcome o) {
            return new Outcome(raised + o.raised, updated + o.updated, cleared + o.cleared, reopened + o.reopened);
        }
    }

    /** The latest alarm of a subject as the evaluation sees it. */
    private record Candidate(long id, String subject, String status, String clearedBy, boolean ended, String summary,
                             Double quantity, String unit, Long eventId, Severity severity) {
        boolean open() {
            return !"cleared".equals(status);
        }
    }

    /**
     * Evaluates every rule as of {@code now}.
     *
     * @throws StoreException when the database refuses (rules evaluated before stay evaluated; running again is
     *                        harmless)
     */
    public Outcome evaluate(Instant now) {
        Outcome total = new Outcome(0, 0, 0, 0);
        try (Connection c = dataSource.getConnection()) {
            List<AlarmRule> rules = RuleStore.all(c);
            for (AlarmRule rule : rules) {
                Outcome[] one = new Outcome[1];
                Transactions.run(c, tx -> one[0] = evaluate(tx, rule, now));
                total = total.plus(one[0]);
            }
            count(c);
        } catch (SQLException e) {
            throw new StoreException("cannot evaluate alarm rules: " + e.getMessage(), e);
        }
        return total;
    }

    private Outcome evaluate(Connection c, AlarmRule rule, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.LOCK_RULE)) {
            s.setLong(1, rule.id());
            s.executeQuery().close();
        }
        Map<String, Finding> findings = queries.find(c, rule, now);
        Map<String, Candidate> latest = candidates(c, rule, findings);
        int raised = 0;
        int updated = 0;
        int cleared = 0;
        int reopened = 0;
        for (Finding f : findings.values()) {
            Candidate a = latest.get(f.subject());
            if (a != null && a.open()) {
                updated += update(c, rule, a, f, now) ? 1 : 0;
            } else if (a != null && a.clearedBy() == null && rule.condition().basis() == AlarmCondition.Basis.EVENT) {
                // the reopened alarm takes what the event says now; the reopening is its history entry
                lifecycle.update(c, a.id(), rule, f, false, false, now);
                lifecycle.reopen(c, a.id(), now);
                reopened++;
            } else if (a != null && a.clearedBy() != null && !a.ended()) {
                continue;
            } else {
                lifecycle.raise(c, rule, f, now);
                raised++;
            }
        }
        for (Candidate a : latest.values()) {
            if (findings.containsKey(a.subject())) {
                continue;
            }
            if (a.open()) {
                cleared += clear(c, a, reason(rule), now);
            } else if (a.clearedBy() != null && !a.ended()) {
                lifecycle.ended(c, a.id());
            }
        }
        return new Outcome(raised, updated, cleared, reopened);
    }

    /** Clears {@code a} unless a person cleared it since it was read (then there is nothing to do). */
    private int clear(Connection c, Candidate a, String reason, Instant now) throws SQLException {
        try {
            lifecycle.clear(c, a.id(), null, reason, now);
            return 1;
        } catch (AlarmLifecycle.TransitionRefused alreadyCleared) {
            return 0;
        }
    }

    private static String reason(AlarmRule rule) {
        if (!rule.enabled()) {
            return "rule disabled";
        }
        return rule.condition().basis() == AlarmCondition.Basis.EVENT
            ? "event retracted or no longer above the threshold" : "condition ended";
    }

    /** Updates alarm {@code a} with {@code f} when something changed; whether it was a recorded revision. */
    private boolean update(Connection c, AlarmRule rule, Candidate a, Finding f, Instant now) throws SQLException {
        boolean said = !Objects.equals(a.summary(), f.summary()) || !Objects.equals(a.quantity(), f.quantity())
            || !Objects.equals(a.unit(), f.unit());
        boolean moved = !Objects.equals(a.eventId(), f.eventId()) || a.severity() != rule.severity();
        if (!said && !moved) {
            return false;
        }
        // an event's revision (its litres, its times) is recorded; a state's changing details are not
        boolean record = rule.condition().basis() == AlarmCondition.Basis.EVENT || a.severity() != rule.severity();
        lifecycle.update(c, a.id(), rule, f, record, rule.severity().above(a.severity()), now);
        return record;
    }

    private static Map<String, Candidate> candidates(Connection c, AlarmRule rule, Map<String, Finding> findings)
            throws SQLException {
        Map<String, Candidate> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(AlarmSql.CANDIDATES)) {
            s.setLong(1, rule.id());
            s.setArray(2, c.createArrayOf("text", findings.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double q = rs.getDouble(7);
                    Double quantity = rs.wasNull() ? null : q;
                    long e = rs.getLong(9);
                    Long eventId = rs.wasNull() ? null : e;
                    out.put(rs.getString(2), new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), quantity, rs.getString(8), eventId,
                        Severity.ofId(rs.getString(10))));
                }
            }
        }
        return out;
    }

    private void count(Connection c) throws SQLException {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement s = c.prepareStatement(AlarmSql.ACTIVE_COUNTS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Severity sev = Severity.ofId(rs.getString(1));
                if (sev != null) {
                    counts.put(sev, rs.getLong(2));
                }
            }
        }
        counts.forEach(metrics::open);
    }
}
