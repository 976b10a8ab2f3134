package org.smartcamp.api.auth;

import java.util.List;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.store.Registry;

/**
 * The scope checks of every route. An id outside the caller's scope is refused with 403 whether or not it
 * exists, with the same words either way; 404 is answered only for ids the caller could see if they existed
 * (named in its grant, or under a grant of every mission).
 */
public final class Scope {
    private final Principal principal;
    private final Registry registry;
    private final Coverage coverage;

    /**
     * @param coverage where the missions and camps the request resolved are noted for the audit log
     */
    public Scope(Principal principal, Registry registry, Coverage coverage) {
        this.principal = principal;
        this.registry = registry;
        this.coverage = coverage;
    }

    public Registry registry() {
        return registry;
    }

    /** The camp, in scope. */
    public Registry.Camp camp(String id) {
        if (!principal.grant().allowsCamp(registry, id)) {
            throw outside("camp", id);
        }
        Registry.Camp camp = registry.camp(id);
        if (camp == null) {
            throw ApiException.notFound("camp '" + id + "' does not exist");
        }
        coverage.named(camp.missionId(), camp.id());
        return camp;
    }

    /**
     * The asset, in scope. Asset ids are unique within their camp only: with {@code campId} the camp's asset of
     * that id; without it, the one asset of that id among the camps the caller sees, or 409 naming the candidate
     * camps when several of them have one.
     */
    public Registry.Asset asset(String campId, String id) {
        if (campId != null) {
            camp(campId);
            Registry.Asset asset = registry.asset(campId, id);
            if (asset == null) {
                throw ApiException.notFound("asset '" + id + "' does not exist in camp '" + campId + "'");
            }
            return asset;
        }
        List<Registry.Asset> visible = registry.assetsWithId(id).stream()
            .filter(a -> principal.grant().allowsCamp(registry, a.campId())).toList();
        if (visible.isEmpty()) {
            if (principal.grant().all()) {
                throw ApiException.notFound("asset '" + id + "' does not exist");
            }
            throw outside("asset", id);
        }
        if (visible.size() > 1) {
            List<String> camps = visible.stream().map(Registry.Asset::campId).toList();
            throw ApiException.ambiguous("asset '" + id + "' exists in camps " + String.join(", ", camps)
                + ": name the camp (/api/v1/camps/{camp}/assets/" + id + ", or parameter camp)", camps);
        }
        named(visible.get(0).campId());
        return visible.get(0);
    }

    /**
     * The refusal for a {@code what} of that id that none of the caller's camps has: 404 for a caller of every
     * mission, else 403 (the same words whether or not it exists elsewhere).
     */
    public ApiException absent(String what, String id) {
        return principal.grant().all() ? ApiException.notFound(what + " '" + id + "' does not exist")
            : outside(what, id);
    }

    /** Checks the mission is visible and exists. */
    public void mission(String id) {
        if (!principal.grant().allowsMission(registry, id)) {
            throw outside("mission", id);
        }
        if (!registry.hasMission(id)) {
            throw ApiException.notFound("mission '" + id + "' does not exist");
        }
        coverage.named(id, null);
    }

    /** Checks an event's camp: an event outside the scope, or absent for a caller without the wildcard, is 403. */
    public void event(long id, String campId) {
        owned("event", id, campId);
    }

    /** Checks an alarm's camp, as {@link #event} does an event's. */
    public void alarm(long id, String campId) {
        owned("alarm", id, campId);
    }

    /**
     * Checks the camp of a numbered {@code what} (null when it does not exist): outside the scope, or absent for a
     * caller without the wildcard, is 403 with the same words.
     */
    private void owned(String what, long id, String campId) {
        if (campId == null) {
            if (principal.grant().all()) {
                throw ApiException.notFound(what + " " + id + " does not exist");
            }
            throw outside(what, Long.toString(id));
        }
        if (!principal.grant().allowsCamp(registry, campId)) {
            throw outside(what, Long.toString(id));
        }
        named(campId);
    }

    /**
     * Checks that the caller may administer rules of {@code mission} (and {@code camp}, when given): a rule for a
     * whole mission needs the mission itself in the grant, a camp's rule the camp.
     */
    public void administers(String mission, String camp) {
        boolean ok = camp == null ? principal.grant().all() || principal.grant().missions().contains(mission)
            : principal.grant().allowsCamp(registry, camp);
        if (!ok) {
            throw outside(camp == null ? "mission" : "camp", camp == null ? mission : camp);
        }
        coverage.named(mission, camp);
    }

    /** Whether the caller sees mission {@code missionId} (nothing is noted for the audit log). */
    public boolean seesMission(String missionId) {
        return principal.grant().allowsMission(registry, missionId);
    }

    /**
     * The ids of the camps a request covers: all in scope, narrowed to {@code mission} and/or {@code camp} when
     * given (each checked).
     */
    public List<String> camps(String mission, String camp) {
        if (mission != null) {
            mission(mission);
        }
        if (camp != null) {
            Registry.Camp c = camp(camp);
            if (mission != null && !c.missionId().equals(mission)) {
                return List.of();
            }
            return List.of(c.id());
        }
        List<Registry.Camp> camps = principal.grant().camps(registry).stream()
            .filter(c -> mission == null || c.missionId().equals(mission)).toList();
        camps.forEach(c -> coverage.listed(c.missionId(), c.id()));
        return camps.stream().map(Registry.Camp::id).toList();
    }

    /** Whether the caller holds the {@code location} grant for camp {@code campId} (and sees it). */
    public boolean locates(String campId) {
        return principal.grant().locates(registry, campId);
    }

    /**
     * Checks that the caller holds {@code location} for every one of {@code campIds}, as reading personal metrics
     * (positions) there needs.
     *
     * @param what what was asked for, for the message ({@code metric 'vehicle.lat'}, {@code include=location})
     * @throws ApiException 403 naming the first camp without the grant
     */
    public void requireLocation(String what, List<String> campIds) {
        for (String campId : campIds) {
            if (!locates(campId)) {
                throw ApiException.forbidden(what + " is personal data (positions): it needs the 'location' grant for"
                    + " camp '" + campId + "', which your credential does not hold");
            }
        }
    }

    /** Whether the caller may see camp {@code campId} (nothing is noted for the audit log). */
    public boolean sees(String campId) {
        return principal.grant().allowsCamp(registry, campId);
    }

    /** The missions visible to the caller. */
    public List<String> missions() {
        List<String> missions = registry.missionIds().stream()
            .filter(m -> principal.grant().allowsMission(registry, m)).toList();
        missions.forEach(m -> coverage.listed(m, null));
        return missions;
    }

    private void named(String campId) {
        Registry.Camp camp = registry.camp(campId);
        coverage.named(camp == null ? null : camp.missionId(), campId);
    }

    private static ApiException outside(String what, String id) {
        return ApiException.forbidden(what + " '" + id + "' is not in the scope of your credential");
    }
}
