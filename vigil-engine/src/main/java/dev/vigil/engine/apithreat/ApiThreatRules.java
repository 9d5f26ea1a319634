package dev.vigil.engine.apithreat;

import dev.vigil.engine.intel.IntelCategory;
import dev.vigil.engine.intel.IntelMatch;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Severity;

import java.util.List;

/** The detections {@link ApiThreatDetections} raises, with their GuardDuty finding types. */
final class ApiThreatRules {

    private static final String LISTED = " Check the principal's recent activity from this address, and if the calls"
            + " were not yours, rotate or deactivate its credentials and block the address. If the listing is wrong,"
            + " remove the address from the set or lower the set's confidence.";

    static final DetectionInfo MALICIOUS_CUSTOM_RECON = new DetectionInfo(
            "vigil-intel-api-malicious-caller-custom-recon", "Read-only API calls from an address on your threat list",
            "A principal listed or described resources from an address in one of your own threat lists (a custom"
                    + " set in intel.yaml). Attackers enumerate before they act." + LISTED,
            Severity.MEDIUM, List.of("T1580", "T1078.004"), List.of("Recon:IAMUser/MaliciousIPCaller.Custom"));
    static final DetectionInfo MALICIOUS_CUSTOM = new DetectionInfo(
            "vigil-intel-api-malicious-caller-custom", "API calls that change resources from an address on your"
            + " threat list",
            "A principal made calls other than reads from an address in one of your own threat lists (a custom set in"
                    + " intel.yaml): its credentials may be in an attacker's hands." + LISTED,
            Severity.MEDIUM, List.of("T1078.004"), List.of("UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom"));
    static final DetectionInfo MALICIOUS_RECON = new DetectionInfo(
            "vigil-intel-api-malicious-caller-recon", "Read-only API calls from an address on a threat feed",
            "A principal listed or described resources from an address on a third-party threat feed loaded in"
                    + " intel.yaml (custom: false)." + LISTED,
            Severity.MEDIUM, List.of("T1580", "T1078.004"), List.of("Recon:IAMUser/MaliciousIPCaller"));
    static final DetectionInfo MALICIOUS = new DetectionInfo(
            "vigil-intel-api-malicious-caller", "API calls that change resources from an address on a threat feed",
            "A principal made calls other than reads from an address on a third-party threat feed loaded in"
                    + " intel.yaml (custom: false): its credentials may be in an attacker's hands." + LISTED,
            Severity.MEDIUM, List.of("T1078.004"), List.of("UnauthorizedAccess:IAMUser/MaliciousIPCaller"));
    static final DetectionInfo TOR_RECON = new DetectionInfo(
            "vigil-intel-api-tor-caller-recon", "Read-only API calls from a Tor exit node",
            "A principal listed or described resources through Tor, which hides the caller's real address. Few"
                    + " legitimate users call AWS through Tor; check who holds these credentials and rotate them if"
                    + " the calls are not explained.",
            Severity.MEDIUM, List.of("T1090.003", "T1580"), List.of("Recon:IAMUser/TorIPCaller"));
    static final DetectionInfo TOR = new DetectionInfo(
            "vigil-intel-api-tor-caller", "API calls that change resources from a Tor exit node",
            "A principal made calls other than reads through Tor, which hides the caller's real address. Treat the"
                    + " credentials as compromised unless the calls are explained: rotate them and review what the"
                    + " calls changed.",
            Severity.MEDIUM, List.of("T1090.003", "T1078.004"), List.of("UnauthorizedAccess:IAMUser/TorIPCaller"));
    static final DetectionInfo EXFILTRATION = new DetectionInfo(
            "vigil-intel-instance-credential-exfiltration",
            "EC2 instance credentials used from outside AWS",
            "Temporary credentials of an EC2 instance's role were used from an address that is neither the"
                    + " instance's nor inside AWS. Instance credentials come from the instance metadata service and"
                    + " should only be used by the instance; use elsewhere usually means they were stolen (SSRF,"
                    + " a compromised host). Revoke the role's active sessions (an inline deny on"
                    + " aws:TokenIssueTime), require IMDSv2 on the instance, and investigate the instance.",
            Severity.HIGH, List.of("T1552.005", "T1078.004"),
            List.of("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"));

    static final List<DetectionInfo> ALL = List.of(MALICIOUS_CUSTOM_RECON, MALICIOUS_CUSTOM, MALICIOUS_RECON,
            MALICIOUS, TOR_RECON, TOR, EXFILTRATION);

    private ApiThreatRules() {
    }

    /** Tor sets (exit and relay) raise TorIPCaller; every other category is a malicious caller. */
    static DetectionInfo forMatch(IntelMatch m, boolean readOnly) {
        if (m.category() == IntelCategory.TOR_EXIT || m.category() == IntelCategory.TOR_RELAY) {
            return readOnly ? TOR_RECON : TOR;
        }
        if (m.custom()) {
            return readOnly ? MALICIOUS_CUSTOM_RECON : MALICIOUS_CUSTOM;
        }
        return readOnly ? MALICIOUS_RECON : MALICIOUS;
    }
}
