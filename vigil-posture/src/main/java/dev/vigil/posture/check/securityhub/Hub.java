package dev.vigil.posture.check.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;

/**
 * Whether Security Hub is on in one account and region, from {@code securityhub describe-hub}. The API answers an
 * account that never subscribed with InvalidAccessException, so that recorded error means "off", whereas any other
 * error (AccessDenied…) means the export could not look.
 */
final class Hub {

    /** The three states a region can be in, as far as the data tells. */
    enum State { ON, OFF, UNKNOWN }

    static final String NOT_SUBSCRIBED = "InvalidAccessException";

    private Hub() {
    }

    static Exported describe(Estate estate, String account, String region) {
        return Exported.lookup(estate, account, region, "securityhub", "describe-hub");
    }

    static State state(Exported describeHub) {
        return switch (describeHub) {
            case Exported.Present p -> text(p.body().path("HubArn")).isEmpty() ? State.UNKNOWN : State.ON;
            case Exported.Failed f -> f.code().equals(NOT_SUBSCRIBED) ? State.OFF : State.UNKNOWN;
            case Exported.Missing m -> State.UNKNOWN;
        };
    }

    static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
    }
}
