package com.logishift.support.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration; the service URLs come from SUPPORT_*_SERVICE_URL. */
@ConfigMapping(prefix = "support")
public interface GatewayConfig {

    @WithDefault("http://127.0.0.1:8081")
    String agentServiceUrl();

    @WithDefault("http://127.0.0.1:8082")
    String ticketServiceUrl();

    @WithDefault("http://127.0.0.1:8083")
    String faqServiceUrl();

    @WithDefault("http://127.0.0.1:8084")
    String notificationServiceUrl();

    Gateway gateway();

    interface Gateway {
        /** A backend that does not accept the connection in this time is 503. */
        @WithDefault("PT2S")
        Duration connectTimeout();

        /**
         * A backend that does not begin its answer within this long after the request's body was
         * passed on is 504; while a body still streams, the time counts from its last progress.
         * Live streams are exempt.
         */
        @WithDefault("PT30S")
        Duration responseTimeout();

        /**
         * Largest request body passed on; larger is 413, by Content-Length before anything is
         * sent, or while streaming a chunked body. The services refuse more than 64 KiB themselves
         * (notification-service 16 KiB): the gateway answers first, so a refusal never races a
         * half-sent body. Uploads have their own limit ({@link #uploadMaxBodyBytes}).
         */
        @WithDefault("65536")
        long maxBodyBytes();

        /**
         * Largest body of an upload ({@code POST /api/support/attachments}): ticket-service's file
         * limit (10 MiB) plus 64 KiB for the multipart framing, so ticket-service, not the gateway,
         * answers a file just over its limit with its own 413. Every other path keeps
         * {@link #maxBodyBytes}. Must stay below {@code quarkus.http.limits.max-body-size}.
         */
        @WithDefault("10551296")
        long uploadMaxBodyBytes();

        /**
         * Longest request target (path and query) passed on; longer is 414. Below the services'
         * own request-line limit (4 KiB), so they never see one they would refuse.
         */
        @WithDefault("4000")
        int maxUriLength();

        /** Largest header section (names, values, separators) passed on; larger is 431. */
        @WithDefault("16384")
        int maxHeaderBytes();

        /** How long a backend health answer is reused for the gateway's readiness. */
        @WithDefault("PT2S")
        Duration healthCacheTime();

        RateLimit rateLimit();

        Admission admission();
    }

    /**
     * How many requests of each route class the gateway passes on at once; one more is answered 503
     * {@code overloaded} with Retry-After at once instead of queueing at a saturated service. 0 = no
     * limit. Env SUPPORT_GATEWAY_ADMISSION_*.
     */
    interface Admission {
        /** Sign-in and sign-up (password hashing: costly, and the first thing a flood hits). */
        @WithDefault("32")
        int auth();

        /** Every other request that may change something (POST, PUT, PATCH, DELETE). */
        @WithDefault("128")
        int writes();

        /** GET and HEAD, live streams excepted. */
        @WithDefault("256")
        int reads();

        /** Live streams (server-sent events), counted for as long as each stays open. */
        @WithDefault("2000")
        int streams();

        /** The Retry-After of that 503 (whole seconds, at least 1). */
        @WithDefault("PT1S")
        Duration retryAfter();
    }

    interface RateLimit {
        /** Sign-in and sign-up attempts per client IP per minute (burst of the same size). */
        @WithDefault("20")
        int authPerMinute();

        /** Sustained requests per second per signed-in account. */
        @WithDefault("50")
        int accountPerSecond();

        /** How many requests an account may send at once above the sustained rate. */
        @WithDefault("100")
        int accountBurst();

        /** Unauthenticated public requests (FAQ browsing, JWKS) per client IP per second. */
        @WithDefault("50")
        int publicPerSecond();

        Optional<Boolean> enabled();
    }
}
