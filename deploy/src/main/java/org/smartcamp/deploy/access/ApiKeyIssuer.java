package org.smartcamp.deploy.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.auth.Grant;
import org.smartcamp.api.auth.Role;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.api.store.Registry;
import org.smartcamp.api.store.RegistryStore;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Creates, lists and revokes API keys in the database (for {@code smartcamp apikey} and the demo's login). A key's
 * secret is returned once, when it is created; only its SHA-256 is stored.
 */
public final class ApiKeyIssuer {
    private static final int MAX_NAME = 200;

    private final DataSource dataSource;
    private final String where;

    /** @param where the database's URL, for error messages */
    public ApiKeyIssuer(DataSource dataSource, String where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    /** A created key: its record and its secret, which is shown to the user once and never stored. */
    public record Issued(ApiKeyRecord key, String secret) {
    }

    /**
     * Creates and stores a key.
     *
     * @param missions  missions it reads ({@code *} for all); with {@code camps}, at least one id in all
     * @param expiresAt when it stops working, or null for never
     * @throws IllegalArgumentException naming the bad argument (empty name, no scope, a malformed id)
     * @throws StoreException when the database refuses it or is not migrated
     */
    public Issued create(String name, Role role, List<String> missions, List<String> camps, Instant expiresAt,
                         Instant now) {
        return create(name, role, missions, camps, List.of(), expiresAt, now);
    }

    /**
     * Creates and stores a key holding the {@code location} grant (personal metrics such as vehicle positions) for
     * {@code location}: camps, missions, or {@code *} for every camp the key reads.
     *
     * @throws IllegalArgumentException naming the bad argument, as above, or a malformed location id
     */
    public Issued create(String name, Role role, List<String> missions, List<String> camps, List<String> location,
                         Instant expiresAt, Instant now) {
        check(name, missions, camps);
        checkLocation(location);
        String secret = ApiKeys.newSecret();
        ApiKeyRecord key = new ApiKeyRecord(ApiKeys.newId(), name.trim(), role.id(), missions, camps,
            now.truncatedTo(ChronoUnit.SECONDS), expiresAt, null, location);
        run(c -> {
            ApiKeyStore.insert(c, key, ApiKeys.hash(secret));
            return null;
        });
        return new Issued(key, secret);
    }

    /**
     * The ids among {@code missions} and {@code camps} that the registry does not know (yet), as "mission x" or
     * "camp y": a key may name them before they are registered, but a typo would grant nothing.
     */
    public List<String> unregistered(List<String> missions, List<String> camps) {
        Registry registry = run(RegistryStore::load);
        List<String> out = new ArrayList<>();
        missions.stream().filter(m -> !Grant.ALL.equals(m) && !registry.hasMission(m))
            .forEach(m -> out.add("mission '" + m + "'"));
        camps.stream().filter(c -> registry.camp(c) == null).forEach(c -> out.add("camp '" + c + "'"));
        return out;
    }

    /** Every key, revoked and expired ones included, by id. */
    public List<ApiKeyRecord> list() {
        return run(ApiKeyStore::list);
    }

    /** Revokes the key; false when no unrevoked key has this id. */
    public boolean revoke(String id, Instant now) {
        return run(c -> ApiKeyStore.revoke(c, id, now));
    }

    /**
     * Checks a key's name and scope before anything is stored.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void check(String name, List<String> missions, List<String> camps) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("the key needs a name of 1 to " + MAX_NAME + " characters");
        }
        if (missions.isEmpty() && camps.isEmpty()) {
            throw new IllegalArgumentException("the key needs a scope: at least one mission (or * for all) or camp");
        }
        for (String m : missions) {
            if (!Grant.ALL.equals(m) && !TopicAddress.ID.matcher(m).matches()) {
                throw new IllegalArgumentException("mission '" + m + "' is not a mission id (lower case letters, "
                    + "digits, '.', '_', '-') or *");
            }
        }
        for (String c : camps) {
            if (!TopicAddress.ID.matcher(c).matches()) {
                throw new IllegalArgumentException("camp '" + c + "' is not a camp id (lower case letters, digits, "
                    + "'.', '_', '-')");
            }
        }
    }

    /**
     * Checks the ids of a {@code location} grant.
     *
     * @throws IllegalArgumentException naming the malformed id
     */
    public static void checkLocation(List<String> location) {
        for (String id : location) {
            if (!Grant.ALL.equals(id) && !TopicAddress.ID.matcher(id).matches()) {
                throw new IllegalArgumentException("location '" + id + "' is not a camp or mission id (lower case "
                    + "letters, digits, '.', '_', '-') or *");
            }
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new StoreException("the database at " + where + " has no api_keys table: run smartcamp migrate "
                    + "first", e);
            }
            throw new StoreException("the database at " + where + " refused the API key operation: "
                + e.getMessage(), e);
        }
    }
}
