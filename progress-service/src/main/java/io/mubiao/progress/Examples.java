package io.mubiao.progress;

/** Examples shown in the OpenAPI document, kept in one place. */
public final class Examples {

    public static final String REPORT = """
            {"eventId": "fz-gl-2026-04-15-ent", "orgUnit": "FJ-FZ-GL", "indicator": "annual-report.enterprise",
             "date": "2026-04-15", "numerator": 5510, "denominator": 10000, "note": "as of 17:00"}""";

    public static final String BATCH = """
            [{"orgUnit": "FJ-FZ-GL", "indicator": "annual-report.enterprise", "date": "2026-04-15",
              "numerator": 5510, "denominator": 10000},
             {"orgUnit": "FJ-FZ-GL", "indicator": "investment.fixed-assets", "date": "2026-04-15", "value": 1250.5}]""";

    /** A CSV saved from a spreadsheet: columns in any order, an empty cell for an absent field, a quoted note. */
    public static final String CSV = """
            orgUnit,indicator,date,numerator,denominator,value,note
            FJ-FZ-GL,annual-report.enterprise,2026-04-15,5510,10000,,
            FJ-FZ-GL,investment.fixed-assets,2026-04-15,,,1250.5,"as of 17:00, ""provisional"" figure"
            """;

    public static final String CSV_UNKNOWN_COLUMN = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "unknown column 'rate' in the header (line 1); the columns are eventId, orgUnit, indicator, date, value, numerator, denominator, note",
             "errors": [{"field": "header", "message": "unknown column 'rate' in the header (line 1); the columns are eventId, orgUnit, indicator, date, value, numerator, denominator, note"}]}""";

    public static final String CSV_MALFORMED = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "malformed CSV: Missing closing quote for value (line 5, in the record that starts on line 3)",
             "errors": [{"field": "csv", "message": "malformed CSV: Missing closing quote for value (line 5, in the record that starts on line 3)"}]}""";

    public static final String UNSUPPORTED = """
            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
             "detail": "charset GBK is not supported: send the CSV as UTF-8"}""";

    public static final String SUMMARY = """
            {"received": 2, "accepted": 2, "duplicates": 0, "rejected": 0, "errors": []}""";

    public static final String PARTIAL = """
            {"received": 3, "accepted": 1, "duplicates": 1, "rejected": 1,
             "errors": [{"index": 2, "eventId": "fz-gl-2026-04-15-ind", "field": "numerator",
                         "message": "numerator 120 is above denominator 100"}]}""";

    public static final String ALL_REJECTED = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "the report was rejected: indicator annual-report.enterprise is a RATIO: give numerator and denominator",
             "received": 1, "accepted": 0, "duplicates": 0, "rejected": 1,
             "errors": [{"index": 0, "field": "denominator",
                         "message": "indicator annual-report.enterprise is a RATIO: give numerator and denominator"}]}""";

    public static final String MALFORMED = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "malformed JSON: Unexpected end-of-input: expected close marker for Object"}""";

    public static final String TOO_MANY = """
            {"type": "about:blank", "title": "Content Too Large", "status": 413,
             "detail": "10001 reports in one request; send at most 10000 per request"}""";

    public static final String SERIES = """
            {"orgUnit": "FJ-FZ-GL", "indicator": "annual-report.enterprise", "from": "2026-04-14", "to": "2026-04-15",
             "points": [
               {"date": "2026-04-14", "value": 53.2, "numerator": 5320, "denominator": 10000, "revision": 1,
                "eventId": "fz-gl-2026-04-14-ent", "reportedBy": "zhang.wei@FJ-FZ-GL", "recordedAt": "2026-04-14T09:12:03.512Z"},
               {"date": "2026-04-15", "value": 55.1, "numerator": 5510, "denominator": 10000, "revision": 2,
                "eventId": "fz-gl-2026-04-15-ent-fix", "note": "corrected", "reportedBy": "li.na@FJ-FZ",
                "recordedAt": "2026-04-15T10:40:51.004Z"}]}""";

    public static final String HISTORY = """
            {"orgUnit": "FJ-FZ-GL", "indicator": "annual-report.enterprise", "date": "2026-04-15",
             "revisions": [
               {"date": "2026-04-15", "value": 51.1, "numerator": 5110, "denominator": 10000, "revision": 1,
                "eventId": "fz-gl-2026-04-15-ent", "reportedBy": "zhang.wei@FJ-FZ-GL",
                "recordedAt": "2026-04-15T09:00:12.120Z"},
               {"date": "2026-04-15", "value": 55.1, "numerator": 5510, "denominator": 10000, "revision": 2,
                "eventId": "fz-gl-2026-04-15-ent-fix", "note": "corrected", "reportedBy": "li.na@FJ-FZ",
                "recordedAt": "2026-04-15T10:40:51.004Z"}]}""";

    public static final String QUERY_PROBLEM = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "orgUnit is required", "errors": [{"field": "orgUnit", "message": "orgUnit is required"}]}""";

    public static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "unknown org unit FJ-XX"}""";

    public static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "this endpoint needs a bearer token (Authorization: Bearer …)"}""";

    public static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "FJ-XM-SM is outside your area (FJ-FZ and the units below it)"}""";

    public static final String ROLE_FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "your role may not do this"}""";

    public static final String OUTSIDE = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "all 2 reports were refused: FJ-XM-SM is outside your area (FJ-FZ and the units below it)",
             "received": 2, "accepted": 0, "duplicates": 0, "rejected": 2,
             "errors": [{"index": 0, "field": "orgUnit", "message": "FJ-XM-SM is outside your area (FJ-FZ and the units below it)"},
                        {"index": 1, "field": "orgUnit", "message": "FJ-XM-SM is outside your area (FJ-FZ and the units below it)"}]}""";

    public static final String REPORTING_STATUS = """
            {"parent": "FJ-FZ", "date": "2026-04-15", "indicator": "annual-report.enterprise", "reported": 2, "of": 4,
             "children": [
               {"orgUnit": "FJ-FZ-CL", "name": "长乐区", "kind": "region", "reported": false,
                "lastReportDate": "2026-04-12", "units": 19, "reportedUnits": 0},
               {"orgUnit": "FJ-FZ-GL", "name": "鼓楼区", "kind": "region", "reported": true,
                "lastReportDate": "2026-04-15", "units": 11, "reportedUnits": 11},
               {"orgUnit": "FJ-FZ-MH", "name": "闽侯县", "kind": "region", "reported": true,
                "lastReportDate": "2026-04-15", "units": 16, "reportedUnits": 3},
               {"orgUnit": "FJ-FZ-ZONE", "name": "高新区", "kind": "industrial-zone", "reported": false,
                "lastReportDate": null, "units": 1, "reportedUnits": 0}]}""";

    public static final String STATUS_BAD_DATE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "date '2026-02-30' is not a real date written YYYY-MM-DD",
             "errors": [{"field": "date", "message": "date '2026-02-30' is not a real date written YYYY-MM-DD"}]}""";

    public static final String UNKNOWN_INDICATOR = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "unknown indicator annual-report.enterprize",
             "errors": [{"field": "indicator", "message": "unknown indicator annual-report.enterprize"}]}""";

    private Examples() {
    }
}
