package org.smartcamp.analytics.alarm;

/** The alarm package's SQL, with bind parameters only. */
final class AlarmSql {
    static final String RULE_COLUMNS = "id, name, mission_id, camp_id, condition, threshold, duration_s, severity, "
        + "channels::text, quiet_hours::text, rate_per_hour, enabled, source";
    static final String RULES = "SELECT " + RULE_COLUMNS + " FROM alarm_rules ORDER BY id";
    static final String RULE = "SELECT " + RULE_COLUMNS + " FROM alarm_rules WHERE id = ?";
    static final String RULES_OF_MISSIONS = "SELECT " + RULE_COLUMNS + " FROM alarm_rules "
        + "WHERE mission_id = ANY (?) ORDER BY mission_id, name";
    static final String INSERT_RULE = "INSERT INTO alarm_rules (name, mission_id, camp_id, condition, threshold, "
        + "duration_s, severity, channels, quiet_hours, rate_per_hour, enabled, source, updated_by, created_at, "
        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING id";
    static final String UPDATE_RULE = "UPDATE alarm_rules SET name = ?, mission_id = ?, camp_id = ?, condition = ?, "
        + "threshold = ?, duration_s = ?, severity = ?, channels = ?::jsonb, quiet_hours = ?::jsonb, "
        + "rate_per_hour = ?, enabled = ?, source = ?, updated_by = ?, updated_at = ? WHERE id = ?";
    static final String CONFIG_RULE_ID = "SELECT id FROM alarm_rules WHERE mission_id = ? AND name = ?";
    static final String DISABLE_OTHER_CONFIG_RULES = "UPDATE alarm_rules SET enabled = false, updated_at = ? "
        + "WHERE source = 'config' AND enabled AND NOT (mission_id || '/' || name = ANY (?))";
    static final String MISSION_EXISTS = "SELECT 1 FROM missions WHERE id = ?";
    static final String CAMP_MISSION = "SELECT mission_id FROM camps WHERE id = ?";
    static final String RULE_HAS_ALARMS = "SELECT 1 FROM alarms WHERE rule_id = ? LIMIT 1";
    static final String DELETE_RULE = "DELETE FROM alarm_rules WHERE id = ?";

    /** The latest alarm of each subject of a rule that the evaluation must look at. */
    static final String CANDIDATES = "SELECT DISTINCT ON (subject_key) id, subject_key, status, cleared_by, "
        + "coalesce((details ->> 'ended')::boolean, false), summary, quantity, unit, event_id, severity "
        + "FROM alarms WHERE rule_id = ? AND (status <> 'cleared' OR subject_key = ANY (?) "
        + "OR (cleared_by IS NOT NULL AND NOT coalesce((details ->> 'ended')::boolean, false))) "
        + "ORDER BY subject_key, id DESC";
    static final String LOCK_RULE = "SELECT id FROM alarm_rules WHERE id = ? FOR UPDATE";
    static final String INSERT_ALARM = "INSERT INTO alarms (rule_id, mission_id, camp_id, asset_id, condition, "
        + "subject_key, event_id, severity, status, summary, quantity, unit, details, raised_at, updated_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?::jsonb, ?, ?) RETURNING id";
    static final String UPDATE_ALARM = "UPDATE alarms SET summary = ?, quantity = ?, unit = ?, event_id = ?, "
        + "asset_id = ?, severity = ?, details = details || ?::jsonb, updated_at = ?, "
        + "revision = revision + CASE WHEN ? THEN 1 ELSE 0 END WHERE id = ?";
    static final String REOPEN_ALARM = "UPDATE alarms SET status = 'active', acknowledged_at = NULL, "
        + "acknowledged_by = NULL, cleared_at = NULL, cleared_by = NULL, updated_at = ?, revision = revision + 1 "
        + "WHERE id = ?";
    static final String MARK_ENDED = "UPDATE alarms SET details = details || '{\"ended\": true}'::jsonb WHERE id = ?";
    static final String ACKNOWLEDGE = "UPDATE alarms SET status = 'acknowledged', acknowledged_at = ?, "
        + "acknowledged_by = ?, updated_at = ?, revision = revision + 1 WHERE id = ?";
    static final String CLEAR = "UPDATE alarms SET status = 'cleared', cleared_at = ?, cleared_by = ?, "
        + "updated_at = ?, revision = revision + 1 WHERE id = ?";
    static final String LOCK_ALARM = "SELECT status, camp_id FROM alarms WHERE id = ? FOR UPDATE";
    static final String APPEND_HISTORY = "INSERT INTO alarm_history (alarm_id, seq, at, action, actor, comment, "
        + "status, severity) SELECT a.id, coalesce((SELECT max(h.seq) FROM alarm_history h "
        + "WHERE h.alarm_id = a.id), 0) + 1, ?, ?, ?, ?, a.status, a.severity FROM alarms a WHERE a.id = ? "
        + "RETURNING seq";
    static final String NOTIFICATION = "SELECT a.id, r.name, a.condition, a.severity, a.status, a.mission_id, "
        + "a.camp_id, a.asset_id, a.summary, a.quantity, a.unit, a.raised_at, a.acknowledged_at, a.acknowledged_by, "
        + "a.cleared_at, a.cleared_by, a.event_id, r.channels::text, e.kind, e.starts_at, e.ends_at, r.id "
        + "FROM alarms a JOIN alarm_rules r ON r.id = a.rule_id LEFT JOIN analytics_events e ON e.id = a.event_id "
        + "WHERE a.id = ?";
    static final String INSERT_OUTBOX = "INSERT INTO alarm_outbox (alarm_id, history_seq, rule_id, channel, target, "
        + "language, idempotency_key, payload, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) "
        + "ON CONFLICT (idempotency_key) DO NOTHING";
    static final String ACTIVE_COUNTS = "SELECT severity, count(*) FROM alarms WHERE status <> 'cleared' "
        + "GROUP BY severity";

    /** Event conditions: active events of the kind, recent or already alarmed, at least the threshold. */
    static final String EVENT_FINDINGS = "SELECT e.id, e.camp_id, e.asset_id, e.starts_at, e.ends_at, e.quantity, "
        + "e.unit FROM analytics_events e JOIN camps c ON c.id = e.camp_id WHERE c.mission_id = ? "
        + "AND (?::text IS NULL OR e.camp_id = ?) AND e.kind = ? AND e.status = 'active' "
        + "AND coalesce(e.quantity, 0) >= ? AND (e.updated_at >= ? OR e.id IN (SELECT event_id FROM alarms "
        + "WHERE rule_id = ? AND status <> 'cleared' AND event_id IS NOT NULL)) ORDER BY e.starts_at, e.id";
    /**
     * State conditions on events: active events of the kind lasting at least the duration, with no reading of
     * their asset later than their end plus the grace period (so the state still holds at the latest data).
     */
    static final String ONGOING_FINDINGS = "SELECT e.id, e.camp_id, e.asset_id, e.starts_at, e.ends_at, e.quantity, "
        + "e.unit FROM analytics_events e JOIN camps c ON c.id = e.camp_id WHERE c.mission_id = ? "
        + "AND (?::text IS NULL OR e.camp_id = ?) AND e.kind = ? AND e.status = 'active' "
        + "AND e.ends_at - e.starts_at >= ? * interval '1 second' AND e.ends_at >= ? "
        + "AND NOT EXISTS (SELECT 1 FROM readings r JOIN assets a ON a.ref = r.asset_ref "
        + "WHERE a.camp_id = e.camp_id AND a.id = e.asset_id AND r.ts > e.ends_at + ? * interval '1 second') "
        + "ORDER BY e.starts_at, e.id";
    static final String FIGURE_FINDINGS = "SELECT f.subject_kind, f.subject_id, f.camp_id, f.value, f.as_of "
        + "FROM analytics_current f JOIN camps c ON c.id = f.camp_id WHERE c.mission_id = ? "
        + "AND (?::text IS NULL OR f.camp_id = ?) AND f.figure = ? AND f.value < ? ORDER BY f.camp_id, f.subject_id";
    static final String GATEWAY_FINDINGS = "SELECT g.camp_id, g.id, g.last_received_at FROM gateways g "
        + "JOIN camps c ON c.id = g.camp_id WHERE c.mission_id = ? AND (?::text IS NULL OR g.camp_id = ?) "
        + "AND g.last_received_at < ? ORDER BY g.camp_id, g.id";

    private AlarmSql() {
    }
}
