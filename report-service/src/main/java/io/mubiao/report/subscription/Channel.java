package io.mubiao.report.subscription;

import java.util.Arrays;
import java.util.Optional;

/** How a subscription's circulars leave the service; the word is the one of the API. */
public enum Channel {
    /** An HTTP POST of the circular to {@code address}, signed with the subscription's secret. */
    WEBHOOK("webhook"),
    /** An e-mail to {@code address} through the configured SMTP server. */
    EMAIL("email"),
    /** A record on {@code briefings.published}, key = scope, through the outbox; no address. */
    KAFKA("kafka");

    private final String word;

    Channel(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Channel> fromWord(String word) {
        return Arrays.stream(values()).filter(channel -> channel.word.equals(word)).findFirst();
    }
}
