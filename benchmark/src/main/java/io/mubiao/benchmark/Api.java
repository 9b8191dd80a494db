package io.mubiao.benchmark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTP with the admin's bearer token. One instance is one HTTP/1.1 client, so each concurrent REST
 * client of the benchmark gets its own connection rather than queueing on a shared one.
 */
final class Api {

    record Response(int status, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    Api(String token) {
        this.token = token;
    }

    Response send(String method, String url, byte[] json, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 401) {
                throw new Failure(method + " " + url + ": HTTP 401, the token was refused. BENCH_TOKEN must be an admin"
                        + " token the running suite trusts: deploy/token.sh signs with RUN_DIR/keys, which only a suite"
                        + " started by deploy/run-local.sh with the same RUN_DIR trusts (is someone else's suite on"
                        + " these ports?)\n" + abbreviate(response.body()));
            }
            return new Response(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new Failure("nothing answers at " + url + " (is the suite running? deploy/benchmark.sh starts one)", e);
        } catch (HttpTimeoutException e) {
            throw new Failure(method + " " + url + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new Failure(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(method + " " + url + ": interrupted", e);
        }
    }

    /** A GET that must answer 200: its body. */
    String get(String url, Duration timeout) {
        Response response = send("GET", url, null, timeout);
        if (response.status() != 200) {
            throw new Failure("GET " + url + ": HTTP " + response.status() + "\n" + abbreviate(response.body()));
        }
        return response.body();
    }

    static String abbreviate(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + " …";
    }
}
