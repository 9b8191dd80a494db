package io.mubiao.report.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One clock in the configured zone, so that every default date of the service agrees on the day. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ReportConfig config) {
        return Clock.system(config.timeZone());
    }
}
