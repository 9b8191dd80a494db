package io.mubiao.report.delivery;

/** A circular ready to send: the body, its media type, and a subject line for e-mail. */
public record Rendered(String contentType, String body, String subject) {
}
