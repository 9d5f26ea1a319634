package dev.vigil.hub.analysis;

/** The kinds of entity through which findings link into an incident candidate. */
public enum EntityKind {
    PRINCIPAL("principal"),
    ACCESS_KEY("access key"),
    RESOURCE("resource");

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
        };
    }
}
