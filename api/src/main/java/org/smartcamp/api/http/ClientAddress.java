package org.smartcamp.api.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request came from: the peer's, unless the peer is a configured trusted proxy, in which case
 * {@code X-Forwarded-For} is read from the right (the hop nearest to us) and the first address that is not a
 * trusted proxy is the client. A forwarded header from any other peer is ignored, so a client cannot choose the
 * address its failed authentications are counted against or that the audit log records. Only IP literals are
 * read (never a host name, so nothing is resolved).
 */
public final class ClientAddress {
    private static final String KEY = "smartcamp.client";
    private static final String UNKNOWN = "unknown";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_HOPS = 20;

    private final List<Cidr> trusted;

    /** A block of addresses: {@code prefix} bits of {@code network}. */
    private record Cidr(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = rest == 0 ? 0 : 0xff << (8 - rest) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    /**
     * @param trustedProxies addresses ({@code 10.0.0.5}) and blocks ({@code 10.0.0.0/8}, {@code fd00::/8}) of
     *     the proxies whose {@code X-Forwarded-For} is believed; empty to believe none
     * @throws IllegalArgumentException naming an entry that is not an IP literal or block
     */
    public ClientAddress(List<String> trustedProxies) {
        List<Cidr> out = new ArrayList<>();
        for (String entry : trustedProxies) {
            out.add(cidr(entry.trim()));
        }
        this.trusted = List.copyOf(out);
    }

    /** Validates a trusted proxy entry, as the constructor does. */
    public static void check(String entry) {
        cidr(entry.trim());
    }

    private static Cidr cidr(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or block such as 10.0.0.0/8");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length out of range");
            }
        }
        return new Cidr(address, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (host names are never looked up). */
    static byte[] literal(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            s = s.substring(1, s.indexOf(']'));
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf('.') > 0) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (IPV4.matcher(s).matches()) {
            return ipv4(s);
        }
        if (!IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            // a text with a colon is parsed as an IPv6 literal, never looked up
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            out[i] = (byte) octet;
        }
        return out;
    }

    private boolean isTrusted(byte[] address) {
        return address != null && trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** Resolves the client's address and keeps it on the request for {@link #of}. */
    public void attach(RoutingContext ctx) {
        ctx.put(KEY, resolve(ctx.request()));
    }

    /** The client's address resolved by {@link #attach}, else the peer's. */
    public static String of(RoutingContext ctx) {
        String client = ctx.get(KEY);
        return client != null ? client : peer(ctx.request());
    }

    /** The client's address of a request. */
    public String resolve(HttpServerRequest request) {
        return resolve(peer(request), request.headers().getAll("X-Forwarded-For"));
    }

    /** The client's address from the peer's and the X-Forwarded-For headers (in the order received). */
    String resolve(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(literal(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            byte[] address = literal(hops.get(i));
            if (address == null) {
                break;
            }
            client = canonical(address);
            if (!isTrusted(address)) {
                break;
            }
        }
        return client;
    }

    private static String canonical(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String peer(HttpServerRequest request) {
        return request.remoteAddress() == null ? UNKNOWN : request.remoteAddress().hostAddress();
    }
}
