package io.mubiao.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reports as the API and the Kafka topic take them: {eventId, orgUnit, indicator, date, value | numerator+denominator}.
 * Written and read with Jackson's streaming API, its cheapest path, since the Kafka figures are floors.
 */
final class ReportJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    static byte[] array(List<Report> reports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(reports.size() * 140);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Report report : reports) {
                write(g, report);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new Failure("cannot write JSON: " + e, e);
        }
        return out.toByteArray();
    }

    static byte[] one(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, report);
        } catch (IOException e) {
            throw new Failure("cannot write JSON: " + e, e);
        }
        return out.toByteArray();
    }

    /** One report as {@link #one} writes it (other fields skipped, numbers exact). */
    static Report read(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Failure("not a JSON object: " + Api.abbreviate(new String(json, StandardCharsets.UTF_8)));
            }
            String eventId = null;
            String orgUnit = null;
            String indicator = null;
            LocalDate date = null;
            BigDecimal value = null;
            Long numerator = null;
            Long denominator = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (token == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "eventId" -> eventId = p.getText();
                    case "orgUnit" -> orgUnit = p.getText();
                    case "indicator" -> indicator = p.getText();
                    case "date" -> date = LocalDate.parse(p.getText());
                    case "value" -> value = p.getDecimalValue();
                    case "numerator" -> numerator = p.getLongValue();
                    case "denominator" -> denominator = p.getLongValue();
                    default -> p.skipChildren();
                }
            }
            return new Report(eventId, orgUnit, indicator, date, value, numerator, denominator);
        } catch (IOException | RuntimeException e) {
            throw e instanceof Failure f ? f : new Failure("cannot read a report: " + e, e);
        }
    }

    private static void write(JsonGenerator g, Report report) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventId", report.eventId());
        g.writeStringField("orgUnit", report.orgUnit());
        g.writeStringField("indicator", report.indicator());
        g.writeStringField("date", report.date().toString());
        if (report.isRatio()) {
            g.writeNumberField("numerator", report.numerator());
            g.writeNumberField("denominator", report.denominator());
        } else {
            g.writeNumberField("value", report.value());
        }
        g.writeEndObject();
    }
}
