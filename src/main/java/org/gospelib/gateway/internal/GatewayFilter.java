package org.gospelib.gateway.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gospelib.identity.Caller;
import org.gospelib.billing.Entitlements;
import org.gospelib.identity.Plan;
import org.gospelib.identity.WebSessions;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /v1} and {@code /.well-known} request, before any handler: security headers, the
 * body limit, the request's one credential (a verified bearer token or a web session, never
 * both, never two differing tokens), CSRF for state changes made with the session cookie, access
 * rules, then the caller's token bucket. Failures are problem+json with a stable type. It needs
 * only the request, so it runs the same in front of handlers in this process or another.
 * Probes and metrics ({@code /livez}, {@code /readyz}, {@code /actuator}) are outside its paths.
 */
final class GatewayFilter extends OncePerRequestFilter {

    private final AccessTokenVerifier tokens;
    private final WebSessions sessions;
    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final GatewayProperties properties;
    private final Map<String, Counter> rejections;
    private final PlanChanges planChanges;
    private static final String ANONYMOUS = "anonymous";
    private static final String FREE = "free";
    private static final String PLUS = "plus";

    GatewayFilter(AccessTokenVerifier tokens, WebSessions sessions, RateLimiter limiter, RateLimitProperties limits,
            GatewayProperties properties, PlanChanges planChanges, MeterRegistry meters) {
        this.planChanges = planChanges;
        this.rejections = new HashMap<>();
        for (String tier : List.of(ANONYMOUS, FREE, PLUS)) {
            rejections.put(tier, Counter.builder("gospelib.ratelimit.rejections").tag("tier", tier)
                    .description("requests refused by the rate limiter (429)").register(meters));
        }
        this.tokens = tokens;
        this.sessions = sessions;
        this.limiter = limiter;
        this.limits = limits;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/.well-known/") || AccessPolicy.isConsolePage(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        SecurityHeaders.apply(path, request, response);
        if (request.getHeader("Origin") == null) {
            // Not a CORS request, so the CORS filter stood aside; a shared cache may still hand
            // this answer to a browser's CORS request, so it must say what CORS would have said.
            if (properties.corsAllowedOrigins().contains("*")) response.setHeader("Access-Control-Allow-Origin", "*");
            else response.addHeader("Vary", "Origin");
        }

        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            tooLarge(request, response, max);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            Optional<HttpServletRequest> buffered = CachedBodyRequest.read(request, max);
            if (buffered.isEmpty()) {
                tooLarge(request, response, max);
                return;
            }
            request = buffered.get();
        }

        Optional<Caller> caller;
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        List<String> sessionCookies = sessionCookies(request);
        BearerTokens.Extracted bearer = BearerTokens.extract(authorization);
        if (bearer instanceof BearerTokens.Conflicting
                || (!(bearer instanceof BearerTokens.None) && !sessionCookies.isEmpty())
                || sessionCookies.stream().distinct().count() > 1) {
            ProblemWriter.write(request, response, 400, "multiple-credentials", "More than one credential",
                    "send one credential: a single bearer token or the session cookie");
            return;
        }
        switch (bearer) {
            case BearerTokens.Malformed m -> {
                unauthorized(request, response, "invalid-token", "Invalid access token", m.reason(), true);
                return;
            }
            case BearerTokens.Token t -> {
                try {
                    caller = Optional.of(tokens.verify(t.value()));
                } catch (AccessTokenVerifier.InvalidToken e) {
                    unauthorized(request, response, "invalid-token", "Invalid access token", e.getMessage(), true);
                    return;
                }
            }
            default -> caller = Optional.empty();
        }
        if (!sessionCookies.isEmpty()) {
            Optional<WebSessions.WebSession> session = sessions.resolve(sessionCookies.getFirst());
            if (session.isEmpty() && AccessPolicy.isConsolePage(path)) {
                // a console page with a stale cookie is any page with one: it answers as it would anyone
                chain.doFilter(request, response);
                return;
            }
            if (session.isEmpty()) {
                unauthorized(request, response, "invalid-session", "Session expired", "sign in again", false);
                return;
            }
            if (!AccessPolicy.isSafe(request.getMethod()) && !csrfMatches(request, session.get())) {
                ProblemWriter.write(request, response, 403, "csrf-token-invalid", "CSRF token missing or wrong",
                        "state-changing requests made with the session cookie must echo its CSRF token in "
                                + WebSessions.CSRF_HEADER);
                return;
            }
            caller = Optional.of(session.get().caller());
        }

        switch (AccessPolicy.required(request.getMethod(), path)) {
            case USER -> {
                if (caller.isEmpty()) {
                    unauthorized(request, response, "authentication-required", "Sign in required",
                            "this needs a signed-in user", false);
                    return;
                }
            }
            case ADMIN -> {
                if (caller.isEmpty() || !caller.get().isAdmin()) {
                    ProblemWriter.write(request, response, 404, "not-found", "Not found", "not found");
                    return;
                }
            }
            case ANYONE -> {
            }
        }

        if (limits.enabled()) {
            RateLimiter.Tier tier = tier(caller);
            RateLimiter.Decision decision = limiter.tryConsume(bucketKey(request, caller), tier);
            response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
            response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
            response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (!decision.allowed()) {
                rejections.get(tier.name()).increment();
                response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                ProblemWriter.write(request, response, 429, "rate-limited", "Too many requests",
                        "rate limit of " + decision.limit() + " requests exceeded; retry in "
                                + decision.retryAfterSeconds() + " s");
                return;
            }
        }
        if (caller.isPresent()) request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /**
     * Users by id; anonymous callers by address. When no address can be derived (a malformed
     * forwarded header behind a trusted proxy) the request shares one bucket with every other such
     * request, at the anonymous limit: strict, so a broken proxy cannot lift limits.
     */
    private String bucketKey(HttpServletRequest request, Optional<Caller> caller) {
        if (caller.isPresent()) return "user:" + caller.get().subject();
        return ClientAddress.key(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                properties.trustForwardedFor()).orElse("anonymous:unknown");
    }

    private RateLimiter.Tier tier(Optional<Caller> caller) {
        if (caller.isEmpty()) return new RateLimiter.Tier(ANONYMOUS, limits.anonymous());
        // an operator's console asks a dozen admin routes a page: operators get the larger allowance
        if (caller.get().isAdmin()) return new RateLimiter.Tier(PLUS, limits.plus());
        Plan plan = planChanges.of(caller.get().subject()).orElse(caller.get().plan());
        // the tier the plan's entitlements name, not the plan's own name
        return PLUS.equals(Entitlements.of(plan).rateTier())
                ? new RateLimiter.Tier(PLUS, limits.plus())
                : new RateLimiter.Tier(FREE, limits.free());
    }

    private static List<String> sessionCookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return List.of();
        List<String> values = new ArrayList<>(1);
        for (Cookie cookie : cookies) if (cookie.getName().equals(WebSessions.SESSION_COOKIE)) values.add(cookie.getValue());
        return values;
    }

    private static boolean csrfMatches(HttpServletRequest request, WebSessions.WebSession session) {
        String echoed = request.getHeader(WebSessions.CSRF_HEADER);
        if (echoed == null || echoed.length() > 128) return false;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(echoed.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(digest, session.csrfSha256());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
        response.setHeader("Connection", "close");
        ProblemWriter.write(request, response, 413, "payload-too-large", "Payload too large",
                "request bodies are limited to " + max + " bytes");
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String type, String title,
            String detail, boolean badToken) throws IOException {
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        ProblemWriter.write(request, response, 401, type, title, detail);
    }
}
