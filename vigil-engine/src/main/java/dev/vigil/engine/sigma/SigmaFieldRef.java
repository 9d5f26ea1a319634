package dev.vigil.engine.sigma;

import java.util.Objects;

/**
 * A reference to another field of the same event, from the {@code fieldref} modifier
 * ({@code userIdentity.userName|fieldref: requestParameters.userName}): the condition's field is compared with the
 * value the referenced field holds in that event. Like strings, the comparison ignores case unless {@code cased};
 * {@code startswith}, {@code endswith} and {@code contains} after {@code fieldref} compare a part of the field.
 *
 * @param field       dotted path of the referenced field
 * @param leadingAny  anything may come before the referenced value ({@code endswith}, {@code contains})
 * @param trailingAny anything may come after it ({@code startswith}, {@code contains})
 * @param cased       compare with exact case
 */
public record SigmaFieldRef(String field, boolean leadingAny, boolean trailingAny, boolean cased)
        implements SigmaValue {

    public SigmaFieldRef {
        Objects.requireNonNull(field, "field");
    }

    /** An exact, case-insensitive reference. */
    public static SigmaFieldRef to(String field) {
        return new SigmaFieldRef(field, false, false, false);
    }

    public SigmaFieldRef withLeadingAny() {
        return new SigmaFieldRef(field, true, trailingAny, cased);
    }

    public SigmaFieldRef withTrailingAny() {
        return new SigmaFieldRef(field, leadingAny, true, cased);
    }

    public SigmaFieldRef asCased() {
        return new SigmaFieldRef(field, leadingAny, trailingAny, true);
    }

    @Override
    public String describe() {
        return "the field reference " + field;
    }
}
