package dev.vigil.hub.analysis;

import java.util.Locale;
import java.util.Map;

import static dev.vigil.hub.analysis.Tactic.COLLECTION;
import static dev.vigil.hub.analysis.Tactic.COMMAND_AND_CONTROL;
import static dev.vigil.hub.analysis.Tactic.CREDENTIAL_ACCESS;
import static dev.vigil.hub.analysis.Tactic.DEFENSE_EVASION;
import static dev.vigil.hub.analysis.Tactic.DISCOVERY;
import static dev.vigil.hub.analysis.Tactic.EXECUTION;
import static dev.vigil.hub.analysis.Tactic.EXFILTRATION;
import static dev.vigil.hub.analysis.Tactic.IMPACT;
import static dev.vigil.hub.analysis.Tactic.INITIAL_ACCESS;
import static dev.vigil.hub.analysis.Tactic.LATERAL_MOVEMENT;
import static dev.vigil.hub.analysis.Tactic.PERSISTENCE;
import static dev.vigil.hub.analysis.Tactic.PRIVILEGE_ESCALATION;
import static dev.vigil.hub.analysis.Tactic.RECONNAISSANCE;

/**
 * ATT&amp;CK technique → tactic, for the techniques Vigil's built-in rules tag and the ones GuardDuty and Security Hub
 * findings cite in AWS. Many techniques belong to several tactics (T1078 Valid Accounts is initial access,
 * persistence, privilege escalation and defense evasion); the table keeps the <em>first in kill-chain order</em>,
 * because that is the earliest stage of an intrusion the finding can be evidence of. The full tactic lists are kept
 * in the comments so that the choice can be reviewed.
 *
 * <p>A sub-technique missing from the table falls back to its parent ({@code T1562.010} → {@code T1562}).
 */
final class TechniqueTactics {

    private static final Map<String, Tactic> TABLE = Map.ofEntries(
            // Reconnaissance
            Map.entry("T1595", RECONNAISSANCE),            // Active Scanning
            Map.entry("T1590", RECONNAISSANCE),            // Gather Victim Network Information
            // Initial access
            Map.entry("T1078", INITIAL_ACCESS),            // Valid Accounts: IA, Persistence, PE, DE
            Map.entry("T1078.004", INITIAL_ACCESS),        // Cloud Accounts: IA, Persistence, PE, DE
            Map.entry("T1078.001", INITIAL_ACCESS),        // Default Accounts: IA, Persistence, PE, DE
            Map.entry("T1190", INITIAL_ACCESS),            // Exploit Public-Facing Application
            Map.entry("T1133", INITIAL_ACCESS),            // External Remote Services: IA, Persistence
            Map.entry("T1199", INITIAL_ACCESS),            // Trusted Relationship
            Map.entry("T1566", INITIAL_ACCESS),            // Phishing
            // Execution
            Map.entry("T1059", EXECUTION),                 // Command and Scripting Interpreter
            Map.entry("T1059.009", EXECUTION),             // Cloud API
            Map.entry("T1651", EXECUTION),                 // Cloud Administration Command
            Map.entry("T1204", EXECUTION),                 // User Execution
            Map.entry("T1648", EXECUTION),                 // Serverless Execution
            Map.entry("T1609", EXECUTION),                 // Container Administration Command
            Map.entry("T1610", EXECUTION),                 // Deploy Container: Execution, DE
            // Persistence
            Map.entry("T1098", PERSISTENCE),               // Account Manipulation: Persistence, PE
            Map.entry("T1098.001", PERSISTENCE),           // Additional Cloud Credentials: Persistence, PE
            Map.entry("T1098.003", PERSISTENCE),           // Additional Cloud Roles: Persistence, PE
            Map.entry("T1136", PERSISTENCE),               // Create Account
            Map.entry("T1136.003", PERSISTENCE),           // Cloud Account
            Map.entry("T1556", PERSISTENCE),               // Modify Authentication Process: CA, DE, Persistence
            Map.entry("T1525", PERSISTENCE),               // Implant Internal Image
            Map.entry("T1546", PERSISTENCE),               // Event Triggered Execution: PE, Persistence
            // Privilege escalation
            Map.entry("T1484", PRIVILEGE_ESCALATION),      // Domain or Tenant Policy Modification: DE, PE
            Map.entry("T1484.002", PRIVILEGE_ESCALATION),  // Trust Modification: DE, PE
            Map.entry("T1548", PRIVILEGE_ESCALATION),      // Abuse Elevation Control Mechanism: PE, DE
            Map.entry("T1548.005", PRIVILEGE_ESCALATION),  // Temporary Elevated Cloud Access: PE, DE
            Map.entry("T1611", PRIVILEGE_ESCALATION),      // Escape to Host
            // Defense evasion
            Map.entry("T1562", DEFENSE_EVASION),           // Impair Defenses
            Map.entry("T1562.001", DEFENSE_EVASION),       // Disable or Modify Tools
            Map.entry("T1562.007", DEFENSE_EVASION),       // Disable or Modify Cloud Firewall
            Map.entry("T1562.008", DEFENSE_EVASION),       // Disable or Modify Cloud Logs
            Map.entry("T1070", DEFENSE_EVASION),           // Indicator Removal
            Map.entry("T1535", DEFENSE_EVASION),           // Unused/Unsupported Cloud Regions
            Map.entry("T1578", DEFENSE_EVASION),           // Modify Cloud Compute Infrastructure
            Map.entry("T1599", DEFENSE_EVASION),           // Network Boundary Bridging
            Map.entry("T1550", DEFENSE_EVASION),           // Use Alternate Authentication Material: DE, LM
            Map.entry("T1550.001", DEFENSE_EVASION),       // Application Access Token: DE, LM
            Map.entry("T1666", DEFENSE_EVASION),           // Modify Cloud Resource Hierarchy
            // Credential access
            Map.entry("T1110", CREDENTIAL_ACCESS),         // Brute Force
            Map.entry("T1110.001", CREDENTIAL_ACCESS),     // Password Guessing
            Map.entry("T1110.003", CREDENTIAL_ACCESS),     // Password Spraying
            Map.entry("T1110.004", CREDENTIAL_ACCESS),     // Credential Stuffing
            Map.entry("T1552", CREDENTIAL_ACCESS),         // Unsecured Credentials
            Map.entry("T1552.005", CREDENTIAL_ACCESS),     // Cloud Instance Metadata API
            Map.entry("T1555", CREDENTIAL_ACCESS),         // Credentials from Password Stores
            Map.entry("T1555.006", CREDENTIAL_ACCESS),     // Cloud Secrets Management Stores
            Map.entry("T1528", CREDENTIAL_ACCESS),         // Steal Application Access Token
            Map.entry("T1040", CREDENTIAL_ACCESS),         // Network Sniffing: CA, Discovery
            Map.entry("T1621", CREDENTIAL_ACCESS),         // MFA Request Generation
            // Discovery
            Map.entry("T1580", DISCOVERY),                 // Cloud Infrastructure Discovery
            Map.entry("T1526", DISCOVERY),                 // Cloud Service Discovery
            Map.entry("T1538", DISCOVERY),                 // Cloud Service Dashboard
            Map.entry("T1619", DISCOVERY),                 // Cloud Storage Object Discovery
            Map.entry("T1087", DISCOVERY),                 // Account Discovery
            Map.entry("T1087.004", DISCOVERY),             // Cloud Account
            Map.entry("T1069", DISCOVERY),                 // Permission Groups Discovery
            Map.entry("T1069.003", DISCOVERY),             // Cloud Groups
            Map.entry("T1046", DISCOVERY),                 // Network Service Discovery
            Map.entry("T1654", DISCOVERY),                 // Log Enumeration
            // Lateral movement
            Map.entry("T1021", LATERAL_MOVEMENT),          // Remote Services
            Map.entry("T1021.007", LATERAL_MOVEMENT),      // Cloud Services
            Map.entry("T1021.008", LATERAL_MOVEMENT),      // Direct Cloud VM Connections
            // Collection
            Map.entry("T1530", COLLECTION),                // Data from Cloud Storage
            Map.entry("T1119", COLLECTION),                // Automated Collection
            Map.entry("T1213", COLLECTION),                // Data from Information Repositories
            // Command and control
            Map.entry("T1071", COMMAND_AND_CONTROL),       // Application Layer Protocol
            Map.entry("T1090", COMMAND_AND_CONTROL),       // Proxy
            Map.entry("T1090.003", COMMAND_AND_CONTROL),   // Multi-hop Proxy (Tor)
            Map.entry("T1105", COMMAND_AND_CONTROL),       // Ingress Tool Transfer
            Map.entry("T1568", COMMAND_AND_CONTROL),       // Dynamic Resolution
            Map.entry("T1572", COMMAND_AND_CONTROL),       // Protocol Tunneling
            // Exfiltration
            Map.entry("T1537", EXFILTRATION),              // Transfer Data to Cloud Account
            Map.entry("T1048", EXFILTRATION),              // Exfiltration Over Alternative Protocol
            Map.entry("T1041", EXFILTRATION),              // Exfiltration Over C2 Channel
            Map.entry("T1567", EXFILTRATION),              // Exfiltration Over Web Service
            Map.entry("T1020", EXFILTRATION),              // Automated Exfiltration
            // Impact
            Map.entry("T1485", IMPACT),                    // Data Destruction
            Map.entry("T1486", IMPACT),                    // Data Encrypted for Impact
            Map.entry("T1490", IMPACT),                    // Inhibit System Recovery
            Map.entry("T1496", IMPACT),                    // Resource Hijacking (crypto mining)
            Map.entry("T1498", IMPACT),                    // Network Denial of Service
            Map.entry("T1499", IMPACT),                    // Endpoint Denial of Service
            Map.entry("T1531", IMPACT));                   // Account Access Removal

    private TechniqueTactics() {
    }

    /** The tactic of a technique id ({@code T1562.008}, any case, {@code attack.} prefix allowed), or UNKNOWN. */
    static Tactic of(String technique) {
        Tactic asWritten = TABLE.get(technique);
        if (asWritten != null) {
            return asWritten;
        }
        String id = technique.strip().toUpperCase(Locale.ROOT);
        if (id.startsWith("ATTACK.")) {
            id = id.substring("ATTACK.".length());
        }
        Tactic exact = TABLE.get(id);
        if (exact != null) {
            return exact;
        }
        int dot = id.indexOf('.');
        return dot > 0 ? TABLE.getOrDefault(id.substring(0, dot), Tactic.UNKNOWN) : Tactic.UNKNOWN;
    }

    /** Number of techniques in the table, for the documentation test. */
    static int size() {
        return TABLE.size();
    }
}
