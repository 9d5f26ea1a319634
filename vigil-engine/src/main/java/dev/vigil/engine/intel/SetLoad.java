package dev.vigil.engine.intel;

import dev.vigil.model.Problem;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where a loader puts what it reads from one file into one set: applies the set's confidence and expiry, parses
 * addresses and domains, and turns every entry that cannot be used into a {@link Problem} naming its position.
 */
final class SetLoad {

    private final String file;
    private final IndexBuilder index;
    private final int setId;
    private final int confidence;
    private final long expires;
    private final Consumer<Problem> problems;
    private int addresses;
    private int domains;
    private boolean capReported;

    SetLoad(String file, IndexBuilder index, int setId, int confidence, long expires, Consumer<Problem> problems) {
        this.file = file;
        this.index = index;
        this.setId = setId;
        this.confidence = confidence;
        this.expires = expires;
        this.problems = problems;
    }

    /** {@code FILE#line N}. */
    String at(long line) {
        return file + "#line " + line;
    }

    String file() {
        return file;
    }

    /** True once the load-wide cap is reached; loaders stop reading then. */
    boolean full() {
        if (index.full() && !capReported) {
            capReported = true;
            problem(file, "too-many-indicators", "more than " + IndexBuilder.MAX_INDICATORS
                    + " indicators in total; the rest of this file and later files are not loaded. Split the feed"
                    + " or drop stale sets.");
        }
        return index.full();
    }

    /**
     * Adds an address or CIDR block.
     *
     * @param ownConfidence the indicator's own confidence, or -1 for the set's
     * @param from          valid from (epoch seconds, inclusive), Long.MIN_VALUE for always
     * @param until         valid until (exclusive), Long.MAX_VALUE for never ending; the set's expiry caps it
     * @return false when the text was not an address (a problem was reported)
     */
    boolean address(String text, int ownConfidence, long from, long until, String location) {
        if (full()) {
            return false;
        }
        try {
            AddressBlock block = AddressBlock.parse(text);
            index.add(setId, block, ownConfidence < 0 ? confidence : ownConfidence, from, Math.min(until, expires));
            addresses++;
            return true;
        } catch (AddressBlock.Invalid e) {
            problem(location, e.reason(), e.getMessage());
            return false;
        }
    }

    boolean domain(String text, int ownConfidence, long from, long until, String location) {
        if (full()) {
            return false;
        }
        String name = domainName(text);
        if (name == null) {
            problem(location, "invalid-domain", "'" + clean(text) + "' is not a domain name");
            return false;
        }
        index.addDomain(setId, name, ownConfidence < 0 ? confidence : ownConfidence, from, Math.min(until, expires));
        domains++;
        return true;
    }

    void problem(String location, String reason, String message) {
        problems.accept(new Problem(location, reason, message));
    }

    int addresses() {
        return addresses;
    }

    int domains() {
        return domains;
    }

    /** Lower-case, without a trailing dot; ASCII labels of letters, digits, '-' and '_', or null when not a name. */
    static String domainName(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 253 || IpText.parseIpv4(t) >= 0 || t.indexOf(':') >= 0) {
            return null;
        }
        int label = 0;
        boolean letterInLabel = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return null;
                }
                label = 0;
                letterInLabel = false;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                if (++label > 63) {
                    return null;
                }
                letterInLabel |= c >= 'a' && c <= 'z';
            } else {
                return null;
            }
        }
        // the last label (the top-level domain) is never all digits: "999.1.1.1" is a bad address, not a name
        return label == 0 || !letterInLabel ? null : t;
    }

    /** Attacker text made safe to show: control characters replaced, at most 80 characters. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        return s.length() > 80 ? sb + "..." : sb.toString();
    }
}
