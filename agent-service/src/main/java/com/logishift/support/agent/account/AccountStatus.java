package com.logishift.support.agent.account;

/**
 * Customers and admins are {@link #ACTIVE} from the start; agents begin {@link #PENDING} and an
 * admin moves them to {@link #APPROVED} or {@link #REJECTED}.
 */
public enum AccountStatus {
    ACTIVE,
    PENDING,
    APPROVED,
    REJECTED
}
