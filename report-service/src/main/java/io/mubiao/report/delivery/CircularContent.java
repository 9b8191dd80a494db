package io.mubiao.report.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import io.mubiao.report.access.ServiceCall;
import io.mubiao.report.briefing.BriefingQuery;
import io.mubiao.report.briefing.BriefingResource;
import io.mubiao.report.briefing.BriefingService;
import io.mubiao.report.briefing.CircularRenderer;
import io.mubiao.report.briefing.Wording;

/**
 * The circular a parcel carries: the briefing of its scope for its period (as of the period's last day), in
 * its language and format, exactly as {@code GET /api/briefings/{cadence}} gives it. Runs as the service
 * itself ({@link ServiceCall}): a worker has no caller's token.
 */
@ApplicationScoped
public class CircularContent {

    @Inject
    BriefingService briefings;

    @Inject
    CircularRenderer renderer;

    @Inject
    ServiceCall serviceCall;

    @Inject
    ObjectMapper json;

    @ActivateRequestContext
    public Rendered render(Parcel parcel) {
        return serviceCall.run(() -> {
            BriefingService.Result result = briefings.brief(new BriefingQuery(parcel.cadence(), parcel.scope(),
                    parcel.period().to(), null, null, null));
            Wording words = Wording.forLang(parcel.lang()).orElseThrow();
            String subject = words.title(result.briefing(), result.scope().name) + " " + parcel.period().from()
                    + " – " + parcel.period().to();
            return switch (parcel.format()) {
                case "html" -> new Rendered(BriefingResource.HTML, renderer.html(result, words), subject);
                case "json" -> new Rendered(MediaType.APPLICATION_JSON, toJson(result), subject);
                default -> new Rendered(BriefingResource.MARKDOWN, renderer.markdown(result, words), subject);
            };
        });
    }

    private String toJson(BriefingService.Result result) {
        try {
            return json.writeValueAsString(result.briefing());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the briefing cannot be written as JSON", e);
        }
    }
}
