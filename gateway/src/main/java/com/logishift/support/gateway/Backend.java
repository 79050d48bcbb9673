package com.logishift.support.gateway;

/** The services behind the gateway. */
public enum Backend {
    AGENT,
    TICKET,
    FAQ,
    NOTIFICATION;

    public String url(GatewayConfig config) {
        return switch (this) {
            case AGENT -> config.agentServiceUrl();
            case TICKET -> config.ticketServiceUrl();
            case FAQ -> config.faqServiceUrl();
            case NOTIFICATION -> config.notificationServiceUrl();
        };
    }
}
