package dev.vigil.formats.cloudtrail;

/** What a file turned out to be, by its content. {@link #label()} is the name shown in summaries. */
public enum FileKind {
    CLOUDTRAIL("cloudtrail"),
    CLOUDTRAIL_INSIGHT("cloudtrail-insight"),
    CLOUDTRAIL_DIGEST("cloudtrail-digest"),
    VPC_FLOW_LOG("vpc-flow-log"),
    EMPTY("empty"),
    UNKNOWN("unknown"),
    UNREADABLE("unreadable");

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether files of this kind are skipped whole (and make a run partial). */
    public boolean skipped() {
        return this == EMPTY || this == UNKNOWN || this == UNREADABLE;
    }
}
