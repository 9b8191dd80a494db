package io.mubiao.report.config;

import java.time.Duration;
import java.time.LocalTime;
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

    /** What {@code GET /api/rankings} keeps in memory ({@code io.mubiao.report.ranking}). */
    Ranking ranking();

    interface Ranking {

        /**
         * Ranked units kept in computed rankings, all rankings together (a ranking of 100 counties counts 100);
         * 0 computes every ranking afresh. A ranking is kept while the read model's version is unchanged.
         */
        @WithDefault("100000")
        int cachedEntries();

        /**
         * Units kept in the subtrees of parents ranked under, all subtrees together; 0 reads each subtree
         * afresh. Kept while no org unit or indicator changes.
         */
        @WithDefault("50000")
        int cachedUnits();
    }

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

    /** How circulars reach subscribers ({@code io.mubiao.report.delivery}). */
    Delivery delivery();

    /** Which units are reminded, and when ({@code io.mubiao.report.reminder}). */
    Reminder reminder();

    interface Reminder {

        /** The time of day after which a unit without a report dated today is reminded. */
        @WithDefault("17:00")
        LocalTime cutOff();

        /** A unit short of a milestone due within this many days is reminded, with the gap and the days left. */
        @WithDefault("7")
        int windowDays();
    }

    interface Delivery {

        /** How often the worker looks for due and retrying deliveries; {@code off} stops the worker. */
        @WithDefault("30s")
        String every();

        /** The time of day (in {@link #timeZone()}) a subscription without a time of its own is sent. */
        @WithDefault("08:00")
        LocalTime defaultTime();

        /** Attempts before a delivery stays FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** The pause after the first failed attempt; it doubles after each further one. */
        @WithDefault("PT1M")
        Duration backoff();

        /** The longest pause between two attempts. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /**
         * How long a claimed delivery belongs to the worker that claimed it. A worker that dies before marking
         * it leaves it to be claimed again after this; longer than any send can take.
         */
        @WithDefault("PT5M")
        Duration lease();

        /** How long a webhook may take to answer. */
        @WithDefault("PT30S")
        Duration timeout();

        /** Deliveries claimed in one statement. */
        @WithDefault("20")
        int batchSize();
    }
}
