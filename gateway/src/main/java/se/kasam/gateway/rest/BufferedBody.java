package se.kasam.gateway.rest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import se.kasam.platform.problem.ProblemType;

/**
 * Reads a request's whole body before it goes upstream, up to the gateway's body limit. Streamed instead, a body
 * that a service refused early (a 415 or 403 decided from the headers) was still being piped when the answer
 * came; the proxy then reset that request, and the reset could close the pooled connection the next request had
 * been given, which that request saw as "Connection was closed", a 503. Sent whole, a request has ended before
 * its answer comes, so its connection goes back to the pool clean.
 */
final class BufferedBody implements ProxyInterceptor {
    private final long maxBytes;

    BufferedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest front = context.request().proxiedRequest();
        String length = front.getHeader("Content-Length");
        // over HTTP/2 a body may come with neither a length nor chunked encoding: go by the method then
        boolean mayHaveBody = length != null ? !length.equals("0") : front.getHeader("Transfer-Encoding") != null
                || front.method() == HttpMethod.POST || front.method() == HttpMethod.PUT || front.method() == HttpMethod.PATCH;
        if (!mayHaveBody) {
            return context.sendRequest();
        }
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
            return Future.succeededFuture(tooLarge(context));
        }
        return read(front).compose(body -> {
            if (body == null) {
                return Future.succeededFuture(tooLarge(context));
            }
            context.request().setBody(Body.body(body));
            return context.sendRequest();
        });
    }

    /** The whole body, or null once it passes the limit (the rest is read and dropped). */
    private Future<Buffer> read(HttpServerRequest front) {
        Promise<Buffer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        front.handler(chunk -> {
            if (!tooLarge[0] && body.length() + chunk.length() > maxBytes) {
                tooLarge[0] = true;
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        front.exceptionHandler(read::tryFail);
        front.endHandler(v -> read.tryComplete(tooLarge[0] ? null : body));
        front.resume();
        return read.future();
    }

    private ProxyResponse tooLarge(ProxyContext context) {
        String body = Problems.body(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than the gateway's limit of "
                + maxBytes + " bytes", context.request().getURI(), context.request().headers().get(ProxyRoutes.REQUEST_ID));
        return context.request().response().setStatusCode(ProblemType.PAYLOAD_TOO_LARGE.status())
                .putHeader("Content-Type", ProblemType.MEDIA_TYPE).setBody(Body.body(Buffer.buffer(body)));
    }
}
