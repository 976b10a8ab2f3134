package org.smartcamp.analytics.alarm;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the API itself answers: its listen address and its public URL. A webhook aimed there would have SmartCamp
 * call itself with every notification, so a rule naming one is refused.
 *
 * @param listenHost the API's listen host ({@code 0.0.0.0} or {@code ::} for every interface)
 * @param listenPort the API's listen port
 * @param publicUrl  the API's public URL ({@code api.publicUrl})
 */
public record SelfAddress(String listenHost, int listenPort, String publicUrl) {
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "::",
        "[::]");

    /** No self address known (tests of the rule model alone). */
    public static final SelfAddress NONE = new SelfAddress(null, -1, null);

    /** Whether {@code url} (already parsed, http or https) points at the API. */
    public boolean matches(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = port(url);
        if (publicUrl != null) {
            URI pub = URI.create(publicUrl);
            if (pub.getHost() != null && pub.getHost().equalsIgnoreCase(host) && port(pub) == port) {
                return true;
            }
        }
        if (listenHost == null || port != listenPort) {
            return false;
        }
        String listen = listenHost.toLowerCase(Locale.ROOT);
        boolean everyInterface = List.of("0.0.0.0", "::", "[::]").contains(listen);
        return listen.equals(host) || (everyInterface || LOCAL.contains(listen)) && LOCAL.contains(host);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
