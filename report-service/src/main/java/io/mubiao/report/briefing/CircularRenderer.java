package io.mubiao.report.briefing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mubiao.report.readmodel.OrgUnit;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Renders a briefing as the Markdown or HTML circular (templates under {@code templates/briefing/}). */
@ApplicationScoped
public class CircularRenderer {

    /** "福建省" is "全省" in its own circular; a name with none of these endings is used as it is. */
    private static final Map<Character, String> LEVEL_WORDS = Map.of('省', "全省", '市', "全市", '州', "全州",
            '盟', "全盟", '县', "全县", '区', "全区", '旗', "全旗", '镇', "全镇", '乡', "全乡");

    @Inject
    @Location("briefing/circular.md")
    Template markdown;

    @Inject
    @Location("briefing/circular.html")
    Template html;

    public String markdown(BriefingService.Result result, Wording words) {
        return markdown.data("c", circular(result, words)).render();
    }

    public String html(BriefingService.Result result, Wording words) {
        return html.data("c", circular(result, words)).render();
    }

    static Circular circular(BriefingService.Result result, Wording words) {
        return Circular.of(result.briefing(), scopeWord(result.scope(), words),
                result.parent() == null ? null : result.parent().name, words);
    }

    /** How the circular names its own scope: the level word in Chinese when the name ends with one. */
    static String scopeWord(OrgUnit scope, Wording words) {
        String name = scope.name;
        if (!"zh-CN".equals(words.lang()) || name.isEmpty()) {
            return name;
        }
        return LEVEL_WORDS.getOrDefault(name.charAt(name.length() - 1), name);
    }
}
