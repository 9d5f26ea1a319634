package dev.vigil.posture.framework;

import java.util.Locale;

/**
 * Who carries a requirement under AWS's shared-responsibility model.
 *
 * <p>{@link #AWS}: AWS operates it and the customer inherits it (data-centre access, media destruction); the
 * evidence is AWS's own audit reports. {@link #CUSTOMER}: the customer's configuration or process alone.
 * {@link #SHARED}: AWS runs the mechanism and the customer must turn it on and use it correctly (KMS encryption,
 * CloudTrail, backups). The label is shown next to each requirement so an auditor knows whose evidence to ask for.
 */
public enum Responsibility {
    AWS, CUSTOMER, SHARED;

    /** The label as framework files and reports write it: {@code aws}, {@code customer}, {@code shared}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a framework file's label.
     *
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static Responsibility parse(String label) {
        for (Responsibility r : values()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is no responsibility; use aws, customer or shared");
    }
}
