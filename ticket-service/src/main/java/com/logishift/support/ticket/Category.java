package com.logishift.support.ticket;

/** What the problem with the delivery is. */
public enum Category {
    /** arrived damaged */
    DAMAGED,
    /** lost in transit */
    LOST,
    /** delivery delayed */
    LATE,
    /** quality or specification issue */
    QUALITY,
    OTHER
}
