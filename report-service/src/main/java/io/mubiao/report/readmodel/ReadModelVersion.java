package io.mubiao.report.readmodel;

import java.util.UUID;

/**
 * How far the read model had moved when it was read (table {@code read_model_version}): what an instance
 * computed from it stays valid while the version it was computed under is still the current one.
 *
 * @param epoch     the schema's own, so that counters of a schema made anew never match old ones
 * @param reference bumped by each commit that wrote org units or indicators
 * @param figures   bumped by each commit that wrote anything of the read model
 */
public record ReadModelVersion(UUID epoch, long reference, long figures) {

    /** The part that reference data (units, indicators) depends on. */
    public Object referenceKey() {
        return new Key(epoch, reference);
    }

    /** The part that figures (values, targets, and the units and indicators they are shown with) depend on. */
    public Object figuresKey() {
        return new Key(epoch, figures);
    }

    private record Key(UUID epoch, long counter) {
    }
}
