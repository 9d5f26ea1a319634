package dev.vigil.posture.check.config;

import dev.vigil.posture.check.Check;

import java.util.List;

/** The AWS Config section of the built-in catalogue, in report order. */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static List<Check> checks() {
        return List.of(new RecorderAllRegionsCheck(), new AggregatorCheck());
    }
}
