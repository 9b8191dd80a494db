package io.mubiao.report.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mubiao.problem.Problem;
import io.mubiao.report.calc.Cadence;

/**
 * The checks of a subscription request that need no database: every fault is collected, so that one 422 names
 * them all. Whether the scope exists and lies inside the caller's area is the service's to check.
 */
public final class SubscriptionRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Deliberately loose: one @, no spaces, a dot in the domain; the SMTP server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Strict: the default resolver would read 24:00 as midnight. */
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /**
     * Far beyond any e-mail address (254) or webhook URL in use, and short enough for the unique index on a
     * unit's contacts: a btree entry over about 2,700 bytes fails the insert (4 bytes a character at most).
     */
    static final int MAX_ADDRESS_LENGTH = 500;

    /** A request that passed, with defaults applied. */
    public record Checked(String scope, Cadence cadence, String lang, String format, Channel channel, String address,
            LocalTime time) {
    }

    /** The result: {@code checked} when {@code errors} is empty. */
    public record Outcome(Checked checked, List<Problem.FieldError> errors) {
    }

    public static Outcome check(SubscriptionRequest request, LocalTime defaultTime) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.scope() == null || !CODE.matcher(request.scope()).matches()) {
            errors.add(Problem.FieldError.of("scope", "is required and must match [A-Za-z0-9._-]{1,64}"));
        }
        Cadence cadence = Cadence.fromPath(request.cadence()).orElse(null);
        if (cadence == null) {
            errors.add(Problem.FieldError.of("cadence",
                    "must be daily, weekly, dekad, monthly, quarterly, half-year or annual, not " + request.cadence()));
        }
        String lang = blank(request.lang()) ? "zh-CN" : request.lang();
        if (!List.of("zh-CN", "en").contains(lang)) {
            errors.add(Problem.FieldError.of("lang", "must be zh-CN or en, not " + request.lang()));
        }
        String format = blank(request.format()) ? "markdown" : request.format();
        if (!List.of("markdown", "html", "json").contains(format)) {
            errors.add(Problem.FieldError.of("format", "must be markdown, html or json, not " + request.format()));
        }
        Channel channel = Channel.fromWord(request.channel()).orElse(null);
        if (channel == null) {
            errors.add(Problem.FieldError.of("channel", "must be webhook, email or kafka, not " + request.channel()));
        }
        String address = blank(request.address()) ? null : request.address().trim();
        if (channel != null) {
            addressFault(channel, address).ifPresent(message -> errors.add(Problem.FieldError.of("address", message)));
        }
        LocalTime time = defaultTime;
        if (!blank(request.time())) {
            try {
                time = LocalTime.parse(request.time(), HH_MM);
            } catch (DateTimeParseException e) {
                errors.add(Problem.FieldError.of("time", "must be HH:mm, not " + request.time()));
            }
        }
        return errors.isEmpty()
                ? new Outcome(new Checked(request.scope(), cadence, lang, format, channel, address, time), List.of())
                : new Outcome(null, List.copyOf(errors));
    }

    /** Why {@code address} does not fit {@code channel}; empty when it does. */
    public static Optional<String> addressFault(Channel channel, String address) {
        if (address != null && address.length() > MAX_ADDRESS_LENGTH) {
            return Optional.of("must be at most " + MAX_ADDRESS_LENGTH + " characters, not " + address.length());
        }
        return Optional.ofNullable(switch (channel) {
            case WEBHOOK -> webhookFault(address);
            case EMAIL -> address != null && EMAIL.matcher(address).matches() ? null
                    : "must be an e-mail address for the email channel, not " + address;
            case KAFKA -> address == null ? null
                    : "must be empty for the kafka channel (circulars go to briefings.published, key = scope)";
        });
    }

    private static String webhookFault(String address) {
        if (address == null) {
            return "must be an http or https URL for the webhook channel";
        }
        try {
            URI uri = new URI(address);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? null
                    : "must be an http or https URL with a host for the webhook channel, not " + address;
        } catch (URISyntaxException e) {
            return "must be an http or https URL for the webhook channel, not " + address;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private SubscriptionRules() {
    }
}
