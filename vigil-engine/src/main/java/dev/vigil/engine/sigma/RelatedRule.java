package dev.vigil.engine.sigma;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a rule's {@code related} list: another rule and how this one relates to it.
 *
 * @param id   the other rule's id
 * @param type the relation
 */
public record RelatedRule(String id, Type type) {

    public RelatedRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** The relation types the specification defines. */
    public enum Type {
        /** This rule was derived from the other, which may stay active. */
        DERIVED("derived"),
        /** This rule replaces the other, which is no longer used. */
        OBSOLETE("obsolete"),
        /** This rule merges the other (and maybe more); they may still be in use. */
        MERGED("merged"),
        /** This rule had the other id before. */
        RENAMED("renamed"),
        /** Same detection for another log source, or a variant at another level. */
        SIMILAR("similar");

        private final String sigmaName;

        Type(String sigmaName) {
            this.sigmaName = sigmaName;
        }

        public String sigmaName() {
            return sigmaName;
        }

        public static Optional<Type> bySigmaName(String name) {
            for (Type t : values()) {
                if (t.sigmaName.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }
}
