package dev.vigil.engine.baseline;

import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Severity;

import java.util.List;
import java.util.Locale;

/**
 * The tactics of GuardDuty's {@code <Tactic>:IAMUser/AnomalousBehavior} family; an anomaly takes the tactic of the
 * API call involved ({@link ApiTactics}).
 */
enum Tactic {
    CREDENTIAL_ACCESS("CredentialAccess", "credential access"),
    DEFENSE_EVASION("DefenseEvasion", "defense evasion"),
    DISCOVERY("Discovery", "discovery"),
    EXFILTRATION("Exfiltration", "exfiltration"),
    IMPACT("Impact", "impact"),
    INITIAL_ACCESS("InitialAccess", "initial access"),
    PERSISTENCE("Persistence", "persistence"),
    PRIVILEGE_ESCALATION("PrivilegeEscalation", "privilege escalation");

    /** Anomalous use of valid cloud credentials is what every finding of the family describes. */
    private static final List<String> ATTACK = List.of("T1078.004");

    private final String guardDutyName;
    private final String words;

    Tactic(String guardDutyName, String words) {
        this.guardDutyName = guardDutyName;
        this.words = words;
    }

    /** The name as GuardDuty spells it in finding types, e.g. {@code CredentialAccess}. */
    String guardDutyName() {
        return guardDutyName;
    }

    /** {@code CredentialAccess:IAMUser/AnomalousBehavior}. */
    String findingType() {
        return guardDutyName + ":IAMUser/AnomalousBehavior";
    }

    /**
     * GuardDuty's S3 protection type for anomalous object-level (data event) calls, used instead of
     * {@link #findingType()} when every call of an exfiltration finding is an S3 object call, as GuardDuty
     * reports those.
     */
    static final String S3_EXFILTRATION_TYPE = "Exfiltration:S3/AnomalousBehavior";

    /**
     * Whether the tactic changes or takes something (rather than looks around or signs in); such findings score
     * {@link AnomalyScoring#sensitiveTacticWeight()} more.
     */
    boolean sensitive() {
        return this != DISCOVERY && this != INITIAL_ACCESS;
    }

    /** {@code vigil-baseline-credential-access}. */
    String detectionId() {
        return "vigil-baseline-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The tactic named as in the mapping file (GuardDuty's spelling), or null. */
    static Tactic byGuardDutyName(String name) {
        for (Tactic t : values()) {
            if (t.guardDutyName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The catalogue entry; each finding carries a copy with its own severity and description. */
    DetectionInfo detection() {
        return detection(Severity.MEDIUM, "A principal made " + words + " API calls that depart from its learned"
                + " behaviour: APIs it never used, from a network, user agent or region it was never seen in, or"
                + " at an unusual volume. Check with the principal's owner whether the activity was theirs;"
                + " if not, revoke its credentials and review what the calls changed.");
    }

    DetectionInfo detection(Severity severity, String description) {
        return detection(severity, description, findingType());
    }

    DetectionInfo detection(Severity severity, String description, String type) {
        return new DetectionInfo(detectionId(), "Anomalous " + words + " behaviour of an AWS principal",
                description, severity, ATTACK, List.of(type));
    }

    /** What the tactic's calls do, for descriptions: {@code discovery}. */
    String words() {
        return words;
    }
}
