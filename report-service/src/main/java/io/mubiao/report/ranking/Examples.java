package io.mubiao.report.ranking;

/** Examples shown in the OpenAPI document. */
final class Examples {

    static final String RANKING = """
            {"indicator": "annual-report.enterprise", "parent": "FJ", "date": "2026-04-15", "unit": "%",
             "direction": "HIGHER_IS_BETTER", "parentValue": 41.20,
             "entries": [{"rank": 1, "orgUnit": "FJ-XM", "name": "Xiamen", "value": 55.10,
               "numerator": 5510, "denominator": 10000,
               "expected": 35.00, "gapToExpected": -20.10,
               "milestone": {"due": "2026-04-30", "value": 50}, "gapToMilestone": -5.10,
               "yoyChange": 6.50, "yoyGrowth": null, "gapToAverage": -13.90, "gapToBest": 0.00,
               "status": "AHEAD", "belowAverage": false}]}""";

    static final String BAD_QUERY = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "indicator: is required", "errors": [{"field": "indicator", "message": "is required"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "indicator annual-report.enterprise is unknown"}""";

    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "this endpoint needs a bearer token (Authorization: Bearer …)"}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "FJ is outside your area (FJ-XM and the units below it)"}""";

    private Examples() {
    }
}
