package io.mubiao.targets.orgunit;

/** OpenAPI examples of the org-unit operations added for paging, deleting and CSV imports. */
final class OrgUnitExamples {

    static final String IMPORT_CSV = """
            code,name,parent,kind
            FJ-FZ-GL,鼓楼区,FJ-FZ,region
            FJ-FZ,福州市,FJ,region
            FJ,福建省,CN,region
            "FJ-TF","Task force ""Clean air"", Fuzhou",FJ,task-force
            """;

    static final String IMPORT_DRY_RUN = """
            {"received": 4, "created": 3, "updated": 0, "unchanged": 1, "rejected": 0, "errors": [], "dryRun": true}""";

    static final String IMPORT_OK = """
            {"received": 4, "created": 3, "updated": 1, "unchanged": 0, "rejected": 0, "errors": [], "dryRun": false}""";

    static final String CHILDREN = """
            [{"code": "FJ-FZ", "name": "福州市", "parent": "FJ", "kind": "region", "level": 3,
              "path": ["CN", "FJ", "FJ-FZ"], "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z"},
             {"code": "FJ-XM", "name": "厦门市", "parent": "FJ", "kind": "region", "level": 3,
              "path": ["CN", "FJ", "FJ-XM"], "changedBy": "admin@FJ", "changedAt": "2026-01-05T08:30:00Z"}]""";

    static final String BAD_PAGE = """
            {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
             "detail": "size: must be between 1 and 1000",
             "errors": [{"field": "size", "message": "must be between 1 and 1000"}]}""";

    static final String NOT_A_NUMBER = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "page: 'two' is not a whole number",
             "errors": [{"field": "page", "message": "'two' is not a whole number"}]}""";

    static final String BAD_HEADER = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "the first line must be the header code,name,parent[,kind], found 'FJ,福建省,CN'; missing: code, name, parent; unknown: 'FJ', '福建省', 'CN'",
             "errors": [{"field": "header", "message": "the first line must be the header code,name,parent[,kind], found 'FJ,福建省,CN'; missing: code, name, parent; unknown: 'FJ', '福建省', 'CN'"}]}""";

    static final String UNSUPPORTED = """
            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
             "detail": "send application/json or text/csv (UTF-8)"}""";

    static final String HAS_CHILDREN = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "org unit FJ-FZ still has 13 children and 2 targets; move or delete them first"}""";

    private OrgUnitExamples() {
    }
}
