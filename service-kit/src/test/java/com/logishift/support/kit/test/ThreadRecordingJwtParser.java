package com.logishift.support.kit.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.logishift.support.kit.security.CachingJwtParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The service's token parser (the kit's caching one), noting whether each token was verified on an
 * event-loop thread (where fetching the JWKS would block every request of that loop). An alternative
 * above the kit's CachingJwtParser (priority 1); the test-jar carries no bean index, so a service switches
 * it on by indexing the test-jar in its test profile ({@code %test.quarkus.index-dependency.kit-test.*}:
 * group-id com.logishift.support, artifact-id service-kit, classifier tests).
 */
@Alternative
@Priority(2)
@Singleton // no client proxy: it has no no-args constructor
public class ThreadRecordingJwtParser extends CachingJwtParser {

    private static final AtomicInteger ON_EVENT_LOOP = new AtomicInteger();
    private static final AtomicInteger ELSEWHERE = new AtomicInteger();

    @Inject
    public ThreadRecordingJwtParser(CachingJwtParser.Config config) {
        super(config);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        (Context.isOnEventLoopThread() ? ON_EVENT_LOOP : ELSEWHERE).incrementAndGet();
        return super.parse(token);
    }

    /** Runs {@code requests} and checks that their tokens were verified, none on an event-loop thread. */
    public static void assertVerifiedOffTheEventLoop(Runnable requests) {
        reset();
        requests.run();
        assertThat("tokens verified", elsewhere(), greaterThan(0));
        assertThat("tokens verified on an event-loop thread", onEventLoop(), equalTo(0));
    }

    public static void reset() {
        ON_EVENT_LOOP.set(0);
        ELSEWHERE.set(0);
    }

    public static int onEventLoop() {
        return ON_EVENT_LOOP.get();
    }

    public static int elsewhere() {
        return ELSEWHERE.get();
    }
}
