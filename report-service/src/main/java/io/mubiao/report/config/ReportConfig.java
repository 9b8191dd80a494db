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
}
