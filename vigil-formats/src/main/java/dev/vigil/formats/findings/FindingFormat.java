package dev.vigil.formats.findings;

/** A findings format Vigil reads, named as {@link dev.vigil.model.FindingOrigin#format()} records it. */
public enum FindingFormat {
    GUARDDUTY("guardduty"), ASFF("asff"), OCSF("ocsf");

    private final String id;

    FindingFormat(String id) {
        this.id = id;
    }

    /** The value stored in {@code FindingOrigin.format}. */
    public String id() {
        return id;
    }
}
