package dev.vigil.posture.check.vpc;

import dev.vigil.posture.check.Check;

import java.util.List;

/** The VPC section of the built-in catalogue, in report order. */
public final class VpcChecks {

    private VpcChecks() {
    }

    public static List<Check> checks() {
        return List.of(new FlowLogsEnabledCheck(), new FlowLogDestinationCheck());
    }
}
