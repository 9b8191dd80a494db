package io.mubiao.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document; {@code errors} lists every field at fault, with its index in a batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One thing wrong with the input; {@code index} and {@code eventId} are set for items of a batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer index, String eventId, String field, String message) {

        public static FieldError of(String field, String message) {
            return new FieldError(null, null, field, message);
        }
    }
}
