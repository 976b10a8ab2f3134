package org.smartcamp.api.auth;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.smartcamp.api.store.Registry;

/**
 * The missions and camps a credential reaches: a camp is in scope when it is named in {@code camps} or its
 * mission in {@code missions}; the mission {@code *} grants every mission. A mission is visible when it is
 * granted or one of its camps is.
 *
 * <p>{@code location} is the {@code location} grant: the camps (by their id, their mission's id, or {@code *})
 * whose personal metrics, such as vehicle positions, the credential may read. It never widens the scope: a camp
 * must also be in scope.
 */
public record Grant(Set<String> missions, Set<String> camps, Set<String> location) {
    /** The mission wildcard. */
    public static final String ALL = "*";

    public Grant {
        missions = Set.copyOf(missions);
        camps = Set.copyOf(camps);
        location = Set.copyOf(location);
    }

    /** A grant without {@code location}. */
    public Grant(Set<String> missions, Set<String> camps) {
        this(missions, camps, Set.of());
    }

    /** This grant with {@code location} for these camps or missions ({@code *}: every camp in scope). */
    public Grant withLocation(Collection<String> ids) {
        return new Grant(missions, camps, Set.copyOf(ids));
    }

    /** A grant from lists (duplicates allowed). */
    public static Grant of(Collection<String> missions, Collection<String> camps) {
        return new Grant(Set.copyOf(missions), Set.copyOf(camps));
    }

    /** Whether every mission is granted. */
    public boolean all() {
        return missions.contains(ALL);
    }

    /** Whether camp {@code campId} is in scope; an unknown camp only when named or under {@link #ALL}. */
    public boolean allowsCamp(Registry registry, String campId) {
        if (all() || camps.contains(campId)) {
            return true;
        }
        Registry.Camp camp = registry.camp(campId);
        return camp != null && missions.contains(camp.missionId());
    }

    /** Whether personal metrics (positions) of camp {@code campId} may be read: in scope and granted location. */
    public boolean locates(Registry registry, String campId) {
        if (!allowsCamp(registry, campId)) {
            return false;
        }
        if (location.contains(ALL) || location.contains(campId)) {
            return true;
        }
        Registry.Camp camp = registry.camp(campId);
        return camp != null && location.contains(camp.missionId());
    }

    /** Whether mission {@code missionId} is visible: granted, or holding a granted camp. */
    public boolean allowsMission(Registry registry, String missionId) {
        if (all() || missions.contains(missionId)) {
            return true;
        }
        return camps.stream().map(registry::camp).anyMatch(c -> c != null && c.missionId().equals(missionId));
    }

    /** Whether the thing is in scope only because it is named (or everything is), not because it exists. */
    public boolean namesCamp(String campId) {
        return all() || camps.contains(campId);
    }

    /** The registered camps in scope, sorted by id. */
    public List<Registry.Camp> camps(Registry registry) {
        return registry.camps().stream().filter(c -> allowsCamp(registry, c.id())).toList();
    }
}
