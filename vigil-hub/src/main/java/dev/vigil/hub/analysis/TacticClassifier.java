package dev.vigil.hub.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ATT&amp;CK tactic of a finding, from the most precise evidence it carries:
 * <ol>
 *   <li>a GuardDuty type whose threat purpose is itself a tactic ({@code Discovery:IAMUser/AnomalousBehavior}):
 *       GuardDuty — or a Vigil detection modelled on it — names the tactic of the very API involved, which a
 *       technique used in several tactics (T1078, Valid Accounts) cannot;</li>
 *   <li>its technique ids, in the order given (the first technique the table knows decides);</li>
 *   <li>else its ASFF types: {@code TTPs/<Tactic>/…}, {@code Effects/<Effect>} and {@code Unusual Behaviors/User};</li>
 *   <li>else the threat purpose of a GuardDuty type ({@code Recon:IAMUser/TorIPCaller});</li>
 *   <li>else {@link Tactic#UNKNOWN}.</li>
 * </ol>
 */
public final class TacticClassifier {

    /** GuardDuty's {@code ThreatPurpose:ResourceTypeAffected/ThreatFamilyName…}; only purpose and family are used. */
    private static final Pattern GUARDDUTY_TYPE = Pattern.compile("([A-Za-z]+):([A-Za-z0-9]+)/([A-Za-z0-9]+).*");

    private static final Map<String, Tactic> ASFF_TTPS = Map.ofEntries(
            Map.entry("reconnaissance", Tactic.RECONNAISSANCE),
            Map.entry("initial access", Tactic.INITIAL_ACCESS),
            Map.entry("execution", Tactic.EXECUTION),
            Map.entry("persistence", Tactic.PERSISTENCE),
            Map.entry("privilege escalation", Tactic.PRIVILEGE_ESCALATION),
            Map.entry("defense evasion", Tactic.DEFENSE_EVASION),
            Map.entry("credential access", Tactic.CREDENTIAL_ACCESS),
            Map.entry("discovery", Tactic.DISCOVERY),
            Map.entry("lateral movement", Tactic.LATERAL_MOVEMENT),
            Map.entry("collection", Tactic.COLLECTION),
            Map.entry("command and control", Tactic.COMMAND_AND_CONTROL),
            Map.entry("exfiltration", Tactic.EXFILTRATION),
            Map.entry("impact", Tactic.IMPACT));

    /** ASFF {@code Effects/…} categories: what happened, which names the stage the intrusion reached. */
    private static final Map<String, Tactic> ASFF_EFFECTS = Map.of(
            "data exfiltration", Tactic.EXFILTRATION,
            // Data made readable from outside (shared snapshot, public bucket) is a way out for the data (T1537).
            "data exposure", Tactic.EXFILTRATION,
            "data destruction", Tactic.IMPACT,
            "denial of service", Tactic.IMPACT,
            "resource consumption", Tactic.IMPACT);

    private static final Map<String, Tactic> GUARDDUTY_PURPOSES = Map.ofEntries(
            Map.entry("recon", Tactic.DISCOVERY),
            Map.entry("unauthorizedaccess", Tactic.INITIAL_ACCESS),
            Map.entry("initialaccess", Tactic.INITIAL_ACCESS),
            Map.entry("execution", Tactic.EXECUTION),
            Map.entry("persistence", Tactic.PERSISTENCE),
            Map.entry("privilegeescalation", Tactic.PRIVILEGE_ESCALATION),
            Map.entry("defenseevasion", Tactic.DEFENSE_EVASION),
            Map.entry("stealth", Tactic.DEFENSE_EVASION),
            Map.entry("credentialaccess", Tactic.CREDENTIAL_ACCESS),
            Map.entry("discovery", Tactic.DISCOVERY),
            Map.entry("pentest", Tactic.DISCOVERY),
            Map.entry("backdoor", Tactic.COMMAND_AND_CONTROL),
            Map.entry("trojan", Tactic.COMMAND_AND_CONTROL),
            Map.entry("exfiltration", Tactic.EXFILTRATION),
            Map.entry("impact", Tactic.IMPACT),
            Map.entry("cryptocurrency", Tactic.IMPACT));

    /** Threat purposes that are ATT&amp;CK tactic names, not families of behaviour (Backdoor, Recon, Trojan…). */
    private static final java.util.Set<String> TACTIC_PURPOSES = java.util.Set.of("initialaccess", "execution",
            "persistence", "privilegeescalation", "defenseevasion", "credentialaccess", "discovery", "exfiltration",
            "impact");

    private TacticClassifier() {
    }

    /** The tactic of a finding; see the class comment for the order of evidence. */
    public static Tactic classify(AnalysedFinding finding) {
        return classify(finding.techniques(), finding.types());
    }

    /** The tactic from technique ids and finding types; see the class comment for the order of evidence. */
    public static Tactic classify(List<String> techniques, List<String> types) {
        for (String type : types) {
            Matcher m = GUARDDUTY_TYPE.matcher(type.strip());
            if (m.matches() && TACTIC_PURPOSES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                return GUARDDUTY_PURPOSES.get(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String technique : techniques) {
            Tactic t = TechniqueTactics.of(technique);
            if (t.isKnown()) {
                return t;
            }
        }
        for (String type : types) {
            Tactic t = fromAsffType(type);
            if (t.isKnown()) {
                return t;
            }
        }
        for (String type : types) {
            Tactic t = fromGuardDutyType(type);
            if (t.isKnown()) {
                return t;
            }
        }
        return Tactic.UNKNOWN;
    }

    static Tactic fromAsffType(String type) {
        String[] parts = type.strip().split("/", 3);
        if (parts.length < 2) {
            return Tactic.UNKNOWN;
        }
        String namespace = parts[0].strip().toLowerCase(Locale.ROOT);
        String category = parts[1].strip().toLowerCase(Locale.ROOT);
        return switch (namespace) {
            case "ttps" -> ASFF_TTPS.getOrDefault(category, Tactic.UNKNOWN);
            case "effects" -> ASFF_EFFECTS.getOrDefault(category, Tactic.UNKNOWN);
            // Unusual behaviour of a user is an identity used where or how it never is: the Valid Accounts pattern.
            case "unusual behaviors" -> category.equals("user") ? Tactic.INITIAL_ACCESS : Tactic.UNKNOWN;
            default -> Tactic.UNKNOWN;
        };
    }

    static Tactic fromGuardDutyType(String type) {
        Matcher m = GUARDDUTY_TYPE.matcher(type.strip());
        if (!m.matches()) {
            return Tactic.UNKNOWN;
        }
        String purpose = m.group(1).toLowerCase(Locale.ROOT);
        String resource = m.group(2).toLowerCase(Locale.ROOT);
        String family = m.group(3).toLowerCase(Locale.ROOT);
        if (purpose.equals("recon") && resource.equals("ec2") && family.startsWith("portprobe")) {
            // Someone outside probing an instance's open ports: reconnaissance of the target, not discovery from inside.
            return Tactic.RECONNAISSANCE;
        }
        if (purpose.equals("policy")) {
            // Policy findings: root credentials in use is the Valid Accounts pattern; the others (S3 public access,
            // block-public-access disabled, password policy) weaken a preventive control.
            return family.equals("rootcredentialusage") ? Tactic.INITIAL_ACCESS : Tactic.DEFENSE_EVASION;
        }
        // Behavior (unusual traffic with no stated purpose) and AttackSequence (itself a sequence) stay unknown.
        return GUARDDUTY_PURPOSES.getOrDefault(purpose, Tactic.UNKNOWN);
    }
}
