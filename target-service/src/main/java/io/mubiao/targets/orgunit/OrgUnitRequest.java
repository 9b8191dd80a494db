package io.mubiao.targets.orgunit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.targets.Codes;

/** Body of {@code PUT /api/org-units/{code}}. */
public record OrgUnitRequest(
        @Schema(description = "display name", examples = "福州市") @NotBlank @Size(max = 200) String name,
        @Schema(description = "code of the parent unit; absent for a root", examples = "FJ")
        @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String parent,
        @Schema(description = "tells peers apart (region, department, task-force, …); default region", examples = "region")
        @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String kind) {
}
