package com.logishift.support.ticket;

public enum Priority {
    LOW,
    MEDIUM,
    HIGH
}
