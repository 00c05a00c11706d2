package dev.newsdesk.feed.api;

import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * A test hook: a request carrying {@link #ASK} gets back, in {@link #ANSWER}, the kind of thread
 * that wrote its response headers: {@code event-loop} or {@code worker}. Installed ahead of every
 * route, it sees the route's answers and the REST layer's alike.
 */
public class AnsweringThread {

    public static final String ASK = "X-Test-Answering-Thread";
    public static final String ANSWER = "X-Test-Answered-On";

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            if (ctx.request().getHeader(ASK) != null) {
                ctx.addHeadersEndHandler(done ->
                        ctx.response().putHeader(ANSWER, Context.isOnEventLoopThread() ? "event-loop" : "worker"));
            }
            ctx.next();
        });
    }
}
