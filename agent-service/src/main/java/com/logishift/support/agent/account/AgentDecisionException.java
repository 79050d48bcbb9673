package com.logishift.support.agent.account;

/** An approve/reject request that does not fit the account's current state. */
public class AgentDecisionException extends RuntimeException {

    public AgentDecisionException(String message) {
        super(message);
    }
}
