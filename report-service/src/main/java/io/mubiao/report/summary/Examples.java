package io.mubiao.report.summary;

/** Examples shown in the OpenAPI document. */
final class Examples {

    static final String SUMMARY = """
            {"orgUnit": "FJ-XM", "name": "Xiamen", "date": "2026-04-15",
             "indicators": [{"indicator": "annual-report.enterprise", "name": "Enterprise annual reports",
               "unit": "%", "value": 55.10, "yoyChange": 6.50, "yoyGrowth": null,
               "target": {"kind": "VALUE", "value": 100}, "expected": 35.00, "gapToExpected": -20.10,
               "milestone": {"due": "2026-04-30", "value": 50}, "gapToMilestone": -5.10,
               "status": "AHEAD", "rank": 1, "of": 9}]}""";

    static final String BAD_DATE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "date: must be a date YYYY-MM-DD, not 2026-02-30",
             "errors": [{"field": "date", "message": "must be a date YYYY-MM-DD, not 2026-02-30"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "org unit FJ-XX is unknown"}""";

    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "this endpoint needs a bearer token (Authorization: Bearer …)"}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "FJ-FZ is outside your area (FJ-XM and the units below it)"}""";

    private Examples() {
    }
}
