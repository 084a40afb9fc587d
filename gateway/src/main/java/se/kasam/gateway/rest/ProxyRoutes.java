package se.kasam.gateway.rest;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import se.kasam.gateway.config.GatewayConfig;
import se.kasam.gateway.service.RateLimiter;
import se.kasam.platform.problem.ProblemType;

/**
 * The routes /api/{service}/** to the services. Quarkus OIDC has verified the bearer token (signature, issuer,
 * expiry, audience) before these handlers run; they refuse anonymous calls, limit the rate per caller, set the
 * request id and W3C trace context, and pass the token on unchanged.
 */
@ApplicationScoped
public class ProxyRoutes {
    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    GatewayConfig config;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    OpenTelemetry openTelemetry;

    void install(@Observes Router router, Vertx vertx) {
        router.route().order(-100).failureHandler(this::onFailure);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout(2000).setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(64));
        for (Map.Entry<String, URI> route : config.routes().entrySet()) {
            URI upstream = route.getValue();
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new BufferedBody(config.maxBodySize().asLongValue()))
                    .addInterceptor(new UpstreamUnavailable(route.getKey()))
                    .addInterceptor(new EdgeCaching());
            router.route("/api/" + route.getKey() + "/*").order(10).handler(rc -> forward(rc, proxy));
            router.route("/api/" + route.getKey()).order(10).handler(rc -> forward(rc, proxy));
        }
        router.route("/api/*").order(20).handler(rc -> Problems.send(rc.response(), ProblemType.NOT_FOUND,
                "no service answers " + rc.normalizedPath(), rc.normalizedPath(), rc.request().getHeader(REQUEST_ID)));
    }

    private void forward(RoutingContext rc, HttpProxy proxy) {
        MultiMap headers = rc.request().headers();
        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
            requestId = UUID.randomUUID().toString();
            headers.set(REQUEST_ID, requestId);
        }
        rc.response().putHeader(REQUEST_ID, requestId);
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            Problems.send(rc.response(), ProblemType.UNAUTHENTICATED, "a valid bearer token is needed",
                    rc.normalizedPath(), requestId);
            return;
        }
        long waitSeconds = rateLimiter.tryAcquire(callerKey(identity));
        if (waitSeconds > 0) {
            rc.response().putHeader("Retry-After", Long.toString(waitSeconds));
            Problems.send(rc.response(), ProblemType.RATE_LIMITED, "too many requests from this caller; retry after "
                    + waitSeconds + " s", rc.normalizedPath(), requestId);
            return;
        }
        // traceparent of the gateway's own span, so the service's span is its child in the same trace
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, MultiMap::set);
        proxy.handle(rc.request());
    }

    private static String callerKey(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token.getClaim("azp") + "/" + token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private void onFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure instanceof AuthenticationFailedException) {
            Problems.send(rc.response(), ProblemType.UNAUTHENTICATED, "missing, expired or invalid bearer token",
                    rc.normalizedPath(), rc.request().getHeader(REQUEST_ID));
        } else {
            rc.next();
        }
    }

    /**
     * At the edge every /api answer is not to be kept (quarkus.http.filter.api): the service's own Cache-Control is
     * dropped so the answer carries the header once, not once per hop.
     */
    private static final class EdgeCaching implements ProxyInterceptor {
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().headers().remove("Cache-Control");
            return context.sendResponse();
        }
    }

    /** A service that cannot be reached becomes a 503 problem detail instead of an empty 502. */
    private static final class UpstreamUnavailable implements ProxyInterceptor {
        private final String service;

        UpstreamUnavailable(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s-service unreachable: %s", service, failure.getMessage());
                String path = context.request().getURI();
                String body = Problems.body(ProblemType.UPSTREAM_UNAVAILABLE, service + "-service is unavailable; try again shortly",
                        path, context.request().headers().get(REQUEST_ID));
                ProxyResponse response = context.request().response()
                        .setStatusCode(ProblemType.UPSTREAM_UNAVAILABLE.status())
                        .putHeader("Content-Type", ProblemType.MEDIA_TYPE)
                        // about what a service's restart or a new pod's start takes
                        .putHeader("Retry-After", "5")
                        .setBody(Body.body(Buffer.buffer(body)));
                return Future.succeededFuture(response);
            });
        }
    }
}
