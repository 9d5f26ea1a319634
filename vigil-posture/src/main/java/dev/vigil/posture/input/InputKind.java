package dev.vigil.posture.input;

/** What an input file turned out to be. {@link #label()} is the name shown in summaries. */
public enum InputKind {
    /** An AWS Config snapshot file ({@code configurationItems} with a {@code configSnapshotId}). */
    CONFIG_SNAPSHOT("config-snapshot"),
    /** An AWS Config history file, or {@code aws configservice get-resource-config-history} output. */
    CONFIG_HISTORY("config-history"),
    /** {@code aws configservice batch-get-resource-config} output ({@code baseConfigurationItems}). */
    CONFIG_BATCH("config-batch"),
    /** {@code aws configservice select-resource-config} output ({@code Results}, rows as JSON text). */
    CONFIG_QUERY("config-query"),
    /** A supplementary AWS CLI export under {@code supplementary/ACCOUNT/REGION/}. */
    SUPPLEMENT("supplement"),
    /** The posture policy file. */
    POLICY("policy"),
    /** CloudTrail log records. */
    CLOUDTRAIL("cloudtrail");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
