package io.mubiao.report.briefing;

import static io.mubiao.report.Auth.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mubiao.report.KafkaFeed;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The zh-CN Markdown circular of {@link GoldenData} must equal {@code golden/daily-zh-CN.md} character for
 * character: any change of a figure, a sentence or the layout fails here. The actual output is written to
 * {@code target/golden/daily-zh-CN.md} for comparing (and, once checked by eye, for copying over the golden
 * file).
 */
@QuarkusTest
class BriefingGoldenTest {

    private static KafkaFeed feed;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void seed() {
        if (feed == null) {
            feed = new KafkaFeed(json);
        }
        GoldenData.seed(feed);
    }

    @AfterAll
    static void disconnect() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    @Test
    void dailyChineseCircularMatchesTheGoldenFile() throws IOException {
        String actual = asAdmin().queryParam("scope", GoldenData.PROVINCE).queryParam("date", GoldenData.DATE)
                .queryParam("group", GoldenData.GROUP).queryParam("format", "markdown")
                .when().get("/api/briefings/daily").then().statusCode(200)
                .contentType("text/markdown;charset=UTF-8").extract().asString();
        Path written = Path.of("target", "golden", "daily-zh-CN.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);
        try (InputStream golden = getClass().getResourceAsStream("/golden/daily-zh-CN.md")) {
            assertNotNull(golden, "no golden file; the output is in " + written.toAbsolutePath());
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), actual,
                    "the circular differs from golden/daily-zh-CN.md; the output is in " + written.toAbsolutePath());
        }
    }

    /** Not compared: the other renderings of the same briefing, written next to it for reading by eye. */
    @Test
    void otherRenderingsAreWrittenForReview() throws IOException {
        for (String[] variant : new String[][] { { "markdown", "en", "md" }, { "html", "zh-CN", "html" },
                { "html", "en", "html" }, { "json", "zh-CN", "json" } }) {
            String body = asAdmin().queryParam("scope", GoldenData.PROVINCE).queryParam("date", GoldenData.DATE)
                    .queryParam("group", GoldenData.GROUP).queryParam("format", variant[0])
                    .queryParam("lang", variant[1]).when().get("/api/briefings/daily").then().statusCode(200)
                    .extract().asString();
            Path written = Path.of("target", "golden", "daily-" + variant[1] + "." + variant[2]);
            Files.createDirectories(written.getParent());
            Files.writeString(written, body, StandardCharsets.UTF_8);
        }
    }
}
