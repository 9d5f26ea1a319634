package dev.vigil.hub.analysis;

/**
 * MITRE ATT&amp;CK enterprise tactics that cloud findings map to, declared in kill-chain order: the order an intrusion
 * usually unfolds in, from the first look at a target to its effect. {@link #UNKNOWN} comes last and is never
 * counted as a tactic of an incident.
 *
 * <p>Resource Development is left out: no AWS finding observes it.
 */
public enum Tactic {
    RECONNAISSANCE("TA0043", "reconnaissance"),
    INITIAL_ACCESS("TA0001", "initial access"),
    EXECUTION("TA0002", "execution"),
    PERSISTENCE("TA0003", "persistence"),
    PRIVILEGE_ESCALATION("TA0004", "privilege escalation"),
    DEFENSE_EVASION("TA0005", "defense evasion"),
    CREDENTIAL_ACCESS("TA0006", "credential access"),
    DISCOVERY("TA0007", "discovery"),
    LATERAL_MOVEMENT("TA0008", "lateral movement"),
    COLLECTION("TA0009", "collection"),
    COMMAND_AND_CONTROL("TA0011", "command and control"),
    EXFILTRATION("TA0010", "exfiltration"),
    IMPACT("TA0040", "impact"),
    UNKNOWN("", "unknown tactic");

    private final String attackId;
    private final String words;

    Tactic(String attackId, String words) {
        this.attackId = attackId;
        this.words = words;
    }

    /** ATT&amp;CK tactic id such as {@code TA0005}; empty for {@link #UNKNOWN}. */
    public String attackId() {
        return attackId;
    }

    /** The tactic in lower-case words, as sentences use it: "defense evasion". */
    public String words() {
        return words;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /** True for the tactics where an intruder reaches the goal: data leaves or something is damaged. */
    public boolean isObjective() {
        return this == EXFILTRATION || this == IMPACT;
    }
}
