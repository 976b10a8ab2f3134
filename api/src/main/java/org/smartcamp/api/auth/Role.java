package org.smartcamp.api.auth;

import java.util.Locale;

/** What a credential may do, each role including the ones before it. */
public enum Role {
    /** Reads every route in its scope as JSON. */
    VIEWER,
    /** Also exports (CSV). */
    LOGISTICS,
    /** Everything, including the audit log and the metrics. */
    ADMIN;

    /** The lower-case name used in tokens, keys and documents. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes {@code other}. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The role named {@code id}, or null. */
    public static Role ofId(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
