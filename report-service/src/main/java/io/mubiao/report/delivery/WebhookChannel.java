package io.mubiao.report.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mubiao.report.config.ReportConfig;

/**
 * POSTs the circular to the subscription's URL, signed ({@link Signature}) and with the delivery id in
 * {@code X-Mubiao-Delivery} (the same on every attempt, so a receiver can drop a repeat). Any answer but 2xx
 * is a failed attempt.
 */
@ApplicationScoped
public class WebhookChannel {

    public static final String DELIVERY_HEADER = "X-Mubiao-Delivery";

    @Inject
    ReportConfig config;

    /** HTTP/1.1: an h2c upgrade offer confuses some receivers; a redirect is a failure, not a second POST. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public void send(Parcel parcel, Rendered circular) throws IOException, InterruptedException {
        byte[] body = circular.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(parcel.address()))
                .timeout(config.delivery().timeout())
                .header("Content-Type", circular.contentType())
                .header(Signature.HEADER, Signature.sign(parcel.secret(), body))
                .header(DELIVERY_HEADER, parcel.delivery().toString())
                .header("X-Mubiao-Period", parcel.period().from() + "/" + parcel.period().to())
                .header("X-Mubiao-Kind", parcel.isReminder() ? "reminder" : "circular")
                .header(parcel.isReminder() ? "X-Mubiao-Unit" : "X-Mubiao-Subscription",
                        parcel.isReminder() ? parcel.scope() : Long.toString(parcel.subscription()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new IOException("HTTP " + response.statusCode() + " from " + parcel.address()
                    + (answer.isBlank() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))));
        }
    }
}
