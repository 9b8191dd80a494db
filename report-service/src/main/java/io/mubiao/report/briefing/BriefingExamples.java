package io.mubiao.report.briefing;

/** Examples shown in the OpenAPI document for {@code /api/briefings/{cadence}}. */
final class BriefingExamples {

    static final String JSON = """
            {"scope": "FJ", "scopeName": "福建省", "cadence": "daily",
             "period": {"from": "2026-04-15", "to": "2026-04-15"},
             "headline": [{"indicator": "annual-report.enterprise", "name": "企业年报率", "unit": "%",
               "measure": "RATIO", "direction": "HIGHER_IS_BETTER", "decimals": 2, "value": 41.20,
               "previousDate": "2026-04-14", "previousValue": 40.40, "change": 0.80, "yoyChange": 6.50,
               "yoyGrowth": null, "targetKind": "VALUE", "expected": 35.00, "gapToExpected": -6.20,
               "milestone": {"due": "2026-04-30", "value": 50}, "gapToMilestone": 8.80, "status": "AHEAD",
               "rank": null, "of": null}],
             "rankings": [{"indicator": "annual-report.enterprise", "parent": "FJ", "date": "2026-04-15",
               "unit": "%", "direction": "HIGHER_IS_BETTER", "parentValue": 41.20, "entries": ["…"]}],
             "top": {"annual-report.enterprise": [{"rank": 1, "orgUnit": "FJ-XM", "name": "厦门市", "value": 55.10}]},
             "belowAverage": {"annual-report.enterprise": [{"orgUnit": "FJ-NP", "name": "南平市", "value": 30.00,
               "parentValue": 41.20, "gapToAverage": 11.20}]},
             "behindMilestone": {"annual-report.enterprise": []}, "bottom": {"annual-report.enterprise": []},
             "notReported": {"annual-report.enterprise": [{"orgUnit": "FJ-ND", "name": "宁德市", "value": 38.00,
               "lastReportDate": "2026-04-10", "daysSinceReport": 5}]},
             "mostImproved": {"annual-report.enterprise": []}, "imbalance": {"annual-report.enterprise": []},
             "projections": {"annual-report.enterprise": []}, "imbalanceWithinUnits": []}""";

    static final String MARKDOWN = """
            # 福建省目标任务进展情况通报（日报）

            统计日期：2026年4月15日

            ## 一、总体情况

            截至4月15日，全省企业年报率41.20%，比去年同期提高6.50个百分点，比4月14日提高0.80个百分点；\
            按序时进度应达35.00%，超出6.20个百分点；距4月30日50%的目标还差8.80个百分点。

            ## 二、各地进展及排名

            ### 企业年报率（%）

            | 排名 | 单位 | 数值 | 同比 | 序时进度 | 距平均 | 状态 |
            |---|---|---|---|---|---|---|
            | 1 | 厦门市 | 55.10 | +7.10 | 35.00 | -13.90 | 超前 |

            - 低于全省平均水平（41.20%）的有：南平市（30.00%，低11.20个百分点）。
            """;

    static final String HTML = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>福建省目标任务进展情况通报（日报）</title>
            <style>@page { size: A4; } …</style></head><body><h1>福建省目标任务进展情况通报（日报）</h1> …
            <svg …><rect …/><line class="average" …/><line class="milestone" …/></svg> …</body></html>""";

    static final String BAD_QUERY = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "lang: must be zh-CN or en, not fr", "errors": [{"field": "lang", "message": "must be zh-CN or en, not fr"}]}""";

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404,
             "detail": "cadence fortnightly is unknown: use one of daily, weekly, dekad, monthly, quarterly, half-year, annual"}""";

    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "this endpoint needs a bearer token (Authorization: Bearer …)"}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "FJ is outside your area (FJ-XM and the units below it)"}""";

    private BriefingExamples() {
    }
}
