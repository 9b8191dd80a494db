package io.mubiao.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Reports as the API and the Kafka topic take them: {eventId, orgUnit, indicator, date, value | numerator+denominator}. */
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
