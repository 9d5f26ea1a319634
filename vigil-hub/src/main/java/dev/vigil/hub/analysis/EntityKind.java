package dev.vigil.hub.analysis;

/** The kinds of entity through which findings link into an incident candidate. */
public enum EntityKind {
    PRINCIPAL("principal"),
    ACCESS_KEY("access key"),
    RESOURCE("resource"),
    /**
     * The IAM user or role a finding is about as its target: its resource when that is an IAM user or role ARN (a
     * user created, a role's trust policy changed). It is compared with principals, so the finding that names a user
     * as its target links with the later findings of that user acting — the backdoor user an attacker creates and
     * then uses — which principal-to-principal links cannot.
     */
    IDENTITY("identity");

    private final String words;

    EntityKind(String words) {
        this.words = words;
    }

    /** The kind in words, as summaries use it. */
    public String words() {
        return words;
    }

    String valueOf(AnalysedFinding f) {
        return switch (this) {
            case PRINCIPAL -> f.principal();
            case ACCESS_KEY -> f.accessKeyId();
            case RESOURCE -> f.resource();
            case IDENTITY -> isIamIdentity(f.resource()) ? f.resource() : "";
        };
    }

    /** The kind whose values this kind's values are compared with: identities are principals. */
    EntityKind space() {
        return this == IDENTITY ? PRINCIPAL : this;
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:user/…} or {@code …:role/…}. */
    static boolean isIamIdentity(String arn) {
        if (!arn.startsWith("arn:")) {
            return false;
        }
        int iam = arn.indexOf(":iam::");
        if (iam < 0) {
            return false;
        }
        int colon = arn.indexOf(':', iam + 6);
        return colon > 0 && (arn.startsWith("user/", colon + 1) || arn.startsWith("role/", colon + 1));
    }
}
