package io.mubiao.report.scorecard;

/** Examples shown in the OpenAPI document. */
final class Examples {

    static final String SCORECARD = """
            {"scope": "FJ", "name": "Fujian", "date": "2026-04-15", "compareWith": "2026-04-08",
             "group": "market",
             "indicators": [{"code": "annual-report.enterprise", "name": "Enterprise annual reports", "unit": "%",
               "direction": "HIGHER_IS_BETTER"}],
             "rows": [{"orgUnit": "FJ-FZ", "name": "Fuzhou", "cells": {"annual-report.enterprise":
               {"value": 38.40, "status": "BEHIND", "trend": "IMPROVING", "previous": 31.20}}},
              {"orgUnit": "FJ-XM", "name": "Xiamen", "cells": {"annual-report.enterprise":
               {"value": 55.10, "status": "AHEAD", "trend": "STEADY", "previous": 55.10}}}],
             "average": {"orgUnit": "FJ", "name": "Fujian", "cells": {"annual-report.enterprise":
               {"value": 41.20, "status": "ON_TRACK", "trend": "IMPROVING", "previous": 36.90}}}}""";

    static final String BAD_QUERY = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "scope: is required", "errors": [{"field": "scope", "message": "is required"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "org unit FJ-XX is unknown"}""";

    static final String UNKNOWN_GROUP = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "no indicator is in group markt; groups are [market, safety]",
             "errors": [{"field": "group", "message": "no indicator is in group markt; groups are [market, safety]"}]}""";

    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "this endpoint needs a bearer token (Authorization: Bearer …)"}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "FJ is outside your area (FJ-XM and the units below it)"}""";

    private Examples() {
    }
}
