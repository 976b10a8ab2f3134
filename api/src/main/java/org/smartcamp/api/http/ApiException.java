package org.smartcamp.api.http;

/**
 * A request the API refuses, carried by a failed future or {@code RoutingContext.fail}: rendered as an RFC 9457
 * problem ({@code application/problem+json}) with this status, title and detail. The detail is shown to the
 * client, so it never holds a stack trace or data outside the caller's scope.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String parameter;
    private final long retryAfterSeconds;
    private final java.util.List<String> camps;

    private ApiException(int status, String title, String detail, String parameter, long retryAfterSeconds) {
        this(status, title, detail, parameter, retryAfterSeconds, java.util.List.of());
    }

    private ApiException(int status, String title, String detail, String parameter, long retryAfterSeconds,
                         java.util.List<String> camps) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
        this.retryAfterSeconds = retryAfterSeconds;
        this.camps = java.util.List.copyOf(camps);
    }

    /** 400: parameter {@code name} is wrong; {@code what} says how. */
    public static ApiException badParameter(String name, String what) {
        return new ApiException(400, "Invalid parameter", "parameter '" + name + "' " + what, name, 0);
    }

    /** 400 for a request that is wrong as a whole. */
    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail, null, 0);
    }

    /** 401: no usable credential. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, null, 0);
    }

    /** 403: the credential does not reach it (said the same way whether or not it exists). */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, null, 0);
    }

    /** 404: inside the caller's scope, but absent. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail, null, 0);
    }

    /**
     * 409: an id that names more than one thing the caller may see (an asset id that several camps have); the
     * problem lists the candidate {@code camps}, and parameter {@code camp} settles it.
     */
    public static ApiException ambiguous(String detail, java.util.List<String> camps) {
        return new ApiException(409, "Ambiguous id", detail, "camp", 0, camps);
    }

    /** 409: the request conflicts with the state of what it addresses (an alarm already cleared, a name taken). */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, null, 0);
    }

    /** 429: the client's rate limit is spent; retry after that many seconds. */
    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "Too many requests",
            "rate limit exceeded; retry after " + retryAfterSeconds + " s", null, Math.max(1, retryAfterSeconds));
    }

    /** 503: a dependency (the database) is unavailable. */
    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service unavailable", detail, null, 0);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The offending query parameter, or null. */
    public String parameter() {
        return parameter;
    }

    /** The candidate camps of a 409 (empty otherwise). */
    public java.util.List<String> camps() {
        return camps;
    }

    /** Seconds for Retry-After (429 only), else 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
