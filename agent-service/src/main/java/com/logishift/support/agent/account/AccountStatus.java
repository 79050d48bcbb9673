package com.logishift.support.agent.account;

/**
 * Customers and admins are {@link #ACTIVE} from the start; agents begin {@link #PENDING} and an
 * admin moves them to {@link #APPROVED} or {@link #REJECTED}. An admin can take an approved agent
 * out of service ({@link #DEACTIVATED}) and back ({@link #APPROVED}).
 */
public enum AccountStatus {
    ACTIVE,
    PENDING,
    APPROVED,
    REJECTED,
    DEACTIVATED
}
