package com.logishift.support.faq;

/**
 * What an FAQ entry is about. The first five are the ticket categories, so that a customer about to
 * open a ticket of one category can be shown the matching answers; the rest are general topics.
 */
public enum FaqCategory {
    /** ticket category: arrived damaged */
    DAMAGED,
    /** ticket category: lost in transit */
    LOST,
    /** ticket category: delivery delayed */
    LATE,
    /** ticket category: quality or specification issue */
    QUALITY,
    /** ticket category: anything else */
    OTHER,
    /** tracking, delivery options, changing address or date */
    SHIPPING,
    /** sending goods back, refusing a delivery */
    RETURNS,
    /** customer accounts and sign-in */
    ACCOUNT,
    /** how logiShift support itself works: tickets, statuses, feedback */
    SUPPORT;

    /** Parses a query parameter case-insensitively; empty when it names no category. */
    public static java.util.Optional<FaqCategory> parse(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String name = value.strip().toUpperCase(java.util.Locale.ROOT);
        for (FaqCategory category : values()) {
            if (category.name().equals(name)) {
                return java.util.Optional.of(category);
            }
        }
        return java.util.Optional.empty();
    }

    public static String names() {
        return java.util.Arrays.stream(values()).map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
