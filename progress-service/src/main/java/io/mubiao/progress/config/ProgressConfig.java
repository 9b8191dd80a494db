package io.mubiao.progress.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Domain settings of progress-service ({@code progress.*} in application.properties). */
@ConfigMapping(prefix = "progress")
public interface ProgressConfig {

    /** The zone whose calendar decides what "today" is: a report may not be dated after it. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** Largest batch one request may carry. */
    @WithDefault("10000")
    int maxReportsPerRequest();
}
