package com.logishift.support.ticket.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reports; every key can be set by environment variable (SUPPORT_REPORTS_WORK_MEM). */
@ConfigMapping(prefix = "support.reports")
public interface ReportConfig {

    /**
     * PostgreSQL {@code work_mem} for the statements that sort a bucket's times (exact percentiles):
     * a year of a million tickets sorts in memory with 64MB instead of spilling to disk.
     */
    @WithDefault("64MB")
    String workMem();
}
