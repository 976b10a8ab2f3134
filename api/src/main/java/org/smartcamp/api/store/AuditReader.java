package org.smartcamp.api.store;

import java.util.List;

/**
 * Whose audit entries an admin may read: every entry when {@code all} (an admin of every mission), else the
 * entries that cover at least one mission or camp and only these missions and camps.
 */
public record AuditReader(boolean all, List<String> missions, List<String> camps) {
    public AuditReader {
        missions = List.copyOf(missions);
        camps = List.copyOf(camps);
    }
}
