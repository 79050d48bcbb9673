package com.logishift.support.agent.event;

/**
 * The CloudEvent types on {@code support.account-events}. Versioned: a breaking change to a
 * payload gets a new type, published beside the old one for a while. The contract is
 * {@code src/main/asyncapi/account-events.yaml}.
 */
public enum AccountEventType {
    ACCOUNT_REGISTERED("com.logishift.support.account.registered.v1"),
    AGENT_APPROVED("com.logishift.support.agent.approved.v1"),
    AGENT_REJECTED("com.logishift.support.agent.rejected.v1"),
    AGENT_DEACTIVATED("com.logishift.support.agent.deactivated.v1"),
    AGENT_REACTIVATED("com.logishift.support.agent.reactivated.v1");

    private final String type;

    AccountEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
