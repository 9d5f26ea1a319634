package dev.vigil.formats.findings;

import dev.vigil.model.DetectionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finding types in ASFF's {@code namespace/category/classifier} taxonomy. Types already in that form are kept; a
 * GuardDuty-style type ({@code ThreatPurpose:Resource/Family…}) is placed under the namespace and category its
 * threat purpose means; anything else falls back to a namespace alone, which ASFF accepts as a partial path.
 */
final class AsffTypes {

    static final Set<String> NAMESPACES = Set.of("Software and Configuration Checks", "TTPs", "Effects",
            "Unusual Behaviors", "Sensitive Data Identifications");
    /** ASFF accepts at most 50 types per finding. */
    static final int MAX_TYPES = 50;
    static final int MAX_TYPE_LENGTH = 128;

    private static final Map<String, String> PURPOSES = Map.ofEntries(
            Map.entry("Backdoor", "TTPs/Command and Control"),
            Map.entry("Trojan", "TTPs/Command and Control"),
            Map.entry("Behavior", "Unusual Behaviors"),
            Map.entry("CredentialAccess", "TTPs/Credential Access"),
            Map.entry("Cryptocurrency", "Effects/Resource Consumption"),
            Map.entry("CryptoCurrency", "Effects/Resource Consumption"),
            Map.entry("DefenseEvasion", "TTPs/Defense Evasion"),
            Map.entry("Stealth", "TTPs/Defense Evasion"),
            Map.entry("Discovery", "TTPs/Discovery"),
            Map.entry("Recon", "TTPs/Discovery"),
            Map.entry("Execution", "TTPs/Execution"),
            Map.entry("Exfiltration", "Effects/Data Exfiltration"),
            Map.entry("Impact", "Effects"),
            Map.entry("InitialAccess", "TTPs/Initial Access"),
            Map.entry("UnauthorizedAccess", "TTPs/Initial Access"),
            Map.entry("PenTest", "TTPs"),
            Map.entry("Pentest", "TTPs"),
            Map.entry("Persistence", "TTPs/Persistence"),
            Map.entry("Policy", "Software and Configuration Checks/AWS Security Best Practices"),
            Map.entry("PrivilegeEscalation", "TTPs/Privilege Escalation"));

    private AsffTypes() {
    }

    static boolean valid(String type) {
        if (type.isEmpty() || type.length() > MAX_TYPE_LENGTH) {
            return false;
        }
        String[] parts = type.split("/", -1);
        if (parts.length > 3 || !NAMESPACES.contains(parts[0])) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static List<String> forExport(DetectionInfo rule) {
        List<String> out = new ArrayList<>();
        for (String t : rule.types()) {
            String mapped = valid(t) ? t : fromGuardDutyType(t);
            if (mapped != null && !out.contains(mapped) && out.size() < MAX_TYPES) {
                out.add(mapped);
            }
        }
        if (out.isEmpty()) {
            String mapped = fromGuardDutyType(rule.id());
            out.add(mapped != null ? mapped : rule.attack().isEmpty() ? "Unusual Behaviors" : "TTPs");
        }
        return out;
    }

    /** {@code PrivilegeEscalation:IAMUser/AdministrativePermissions} → TTPs/Privilege Escalation/PrivilegeEscalation:IAMUser-AdministrativePermissions. */
    static String fromGuardDutyType(String type) {
        int colon = type.indexOf(':');
        if (colon <= 0 || type.indexOf('/') < colon) {
            return null;
        }
        String prefix = PURPOSES.get(type.substring(0, colon));
        if (prefix == null) {
            return null;
        }
        String classifier = type.replace('/', '-');
        String full = prefix.indexOf('/') < 0 ? prefix : prefix + "/" + classifier;
        return full.length() <= MAX_TYPE_LENGTH ? full : prefix;
    }
}
