package com.logishift.support.agent.account;

import java.util.Locale;

/** The three kinds of account. The lower-case name is the JWT {@code groups} value. */
public enum Role {
    CUSTOMER,
    AGENT,
    ADMIN;

    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}
