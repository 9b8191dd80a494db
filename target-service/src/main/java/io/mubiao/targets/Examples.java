package io.mubiao.targets;

/** Request and response examples for the OpenAPI document, kept in one place. */
public final class Examples {

    public static final String ORG_UNIT_PUT = """
            {"name": "福州市", "parent": "FJ", "kind": "region"}""";

    public static final String ORG_UNIT = """
            {"code": "FJ-FZ", "name": "福州市", "parent": "FJ", "kind": "region", "level": 3,
             "path": ["CN", "FJ", "FJ-FZ"], "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z",
             "version": 2}""";

    public static final String ORG_UNIT_IMPORT = """
            [{"code": "FJ-FZ-GL", "name": "鼓楼区", "parent": "FJ-FZ"},
             {"code": "FJ-FZ", "name": "福州市", "parent": "FJ"},
             {"code": "FJ", "name": "福建省", "parent": "CN"},
             {"code": "FJ-XX", "name": "", "parent": "FJ"}]""";

    public static final String ORG_UNIT_IMPORT_PARTIAL = """
            {"received": 4, "created": 2, "updated": 0, "unchanged": 1, "rejected": 1,
             "errors": [{"index": 3, "field": "name", "message": "name of FJ-XX is empty"}]}""";

    public static final String ORG_UNIT_IMPORT_REJECTED = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "all 1 rows were rejected; nothing was stored",
             "received": 1, "created": 0, "updated": 0, "unchanged": 0, "rejected": 1,
             "errors": [{"index": 0, "field": "parent", "message": "unknown parent XX of FJ: it is neither stored nor in the file"}]}""";

    public static final String INDICATOR_PUT = """
            {"name": "企业年报率", "unit": "%", "measure": "RATIO", "direction": "HIGHER_IS_BETTER",
             "group": "annual-report", "decimals": 2}""";

    public static final String INDICATOR = """
            {"code": "annual-report.enterprise", "name": "企业年报率", "unit": "%", "measure": "RATIO",
             "direction": "HIGHER_IS_BETTER", "group": "annual-report", "decimals": 2,
             "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z", "version": 1}""";

    public static final String TARGET_PUT = """
            {"kind": "VALUE", "value": 100, "milestones": [
              {"due": "2026-03-31", "value": 20}, {"due": "2026-04-30", "value": 50},
              {"due": "2026-05-31", "value": 80}, {"due": "2026-06-30", "value": 100}]}""";

    public static final String TARGET = """
            {"indicator": "annual-report.enterprise", "orgUnit": "FJ", "year": 2026, "kind": "VALUE", "value": 100,
             "start": 0, "trajectory": "LINEAR", "milestones": [
              {"due": "2026-03-31", "value": 20}, {"due": "2026-04-30", "value": 50},
              {"due": "2026-05-31", "value": 80}, {"due": "2026-06-30", "value": 100}],
             "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z", "version": 1}""";

    public static final String INVALID = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "target annual-report.enterprise|FJ|2026 is invalid: milestones[1].due: 2025-12-31 lies outside 2026",
             "errors": [{"field": "milestones[1].due", "message": "2025-12-31 lies outside 2026"}]}""";

    public static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "org unit FJ-XX does not exist"}""";

    public static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "the bearer token is missing, expired, or not signed by a trusted issuer"}""";

    public static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "your role may not do this"}""";

    public static final String TARGET_HISTORY = """
            [{"version": 1, "kind": "VALUE", "value": 100, "start": 0, "trajectory": "LINEAR",
              "milestones": [{"due": "2026-06-30", "value": 100}],
              "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z"},
             {"version": 2, "kind": "VALUE", "value": 100, "start": 0, "trajectory": "LINEAR",
              "milestones": [{"due": "2026-03-31", "value": 20}, {"due": "2026-06-30", "value": 100}],
              "changedBy": "planning-office", "changedAt": "2026-02-10T09:00:00Z"}]""";

    public static final String MALFORMED = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "malformed JSON: Unexpected end-of-input"}""";

    public static final String ALLOCATION_PUT = """
            {"children": [{"orgUnit": "FJ-FZ", "value": 60}, {"orgUnit": "FJ-XM", "value": 40}]}""";

    public static final String ALLOCATION = """
            [{"indicator": "investment", "orgUnit": "FJ-FZ", "year": 2026, "kind": "VALUE", "value": 60,
              "start": 0, "trajectory": "LINEAR", "milestones": [
               {"due": "2026-06-30", "value": 30}, {"due": "2026-12-31", "value": 60}],
              "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z", "version": 1, "allocation": []},
             {"indicator": "investment", "orgUnit": "FJ-XM", "year": 2026, "kind": "VALUE", "value": 40,
              "start": 0, "trajectory": "LINEAR", "milestones": [
               {"due": "2026-06-30", "value": 20}, {"due": "2026-12-31", "value": 40}],
              "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z", "version": 1, "allocation": []}]""";

    public static final String ALLOCATION_MISSES = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "allocation of investment|FJ|2026 is invalid: children: the children add up to 97 bn CNY but the parent's value is 100 bn CNY: they miss by -3 bn CNY",
             "errors": [{"field": "children", "message": "the children add up to 97 bn CNY but the parent's value is 100 bn CNY: they miss by -3 bn CNY"}]}""";

    private Examples() {
    }
}
