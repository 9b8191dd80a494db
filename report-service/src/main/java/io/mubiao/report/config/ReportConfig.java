package io.mubiao.report.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under {@code report.*}. */
@ConfigMapping(prefix = "report")
public interface ReportConfig {

    /** The zone whose calendar says what "today" is: a report dated today in Fujian is today's there. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** How as-of values are read (RankingRepository.loadAsOf). */
    AsOf asOf();

    /** How briefings are worked out (BriefingWorkers). */
    Briefing briefing();

    interface Briefing {

        /** Indicators worked out side by side, across all briefings being built at once. */
        @WithDefault("2")
        int threads();
    }

    interface AsOf {

        /** Subtrees of at least this many units start with one range scan instead of a descent per unit. */
        @WithDefault("500")
        int rangeScanFrom();
    }
}
