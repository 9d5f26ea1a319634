package dev.vigil.engine.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule's {@code logsource}. Vigil names its event sources {@code product:service} (e.g. {@code aws:cloudtrail},
 * see {@link VigilLogSources} and {@code Event.logSource()}); a rule applies to an event when each of product and
 * service it names equals the corresponding part, ignoring case, and its category, if any, is one the event's source
 * declares. A rule naming none of them applies to every source.
 *
 * @param product    e.g. {@code aws}, or null
 * @param service    e.g. {@code cloudtrail}, or null
 * @param category   Sigma category, e.g. {@code firewall}, or null
 * @param definition free text on how the source must be set up; informative only, or null
 */
public record LogSource(String product, String service, String category, String definition) {

    /** Applies to every source. */
    public static final LogSource ANY = new LogSource(null, null, null, null);

    /** A log source without a definition. */
    public LogSource(String product, String service, String category) {
        this(product, service, category, null);
    }

    /** True when events of the named Vigil log source are in this rule's scope. */
    public boolean covers(String eventLogSource) {
        String source = eventLogSource == null ? "" : eventLogSource;
        int colon = source.indexOf(':');
        String eventProduct = colon < 0 ? source : source.substring(0, colon);
        String eventService = colon < 0 ? "" : source.substring(colon + 1);
        return same(product, eventProduct) && same(service, eventService)
                && (category == null || VigilLogSources.byName(source)
                .map(s -> s.categories().contains(category.toLowerCase(Locale.ROOT))).orElse(false));
    }

    /**
     * True when every attribute this log source names is named alike by {@code other}: this one is the same or
     * broader. A filter or a field-mapping scope applies to a rule whose log source it includes.
     */
    public boolean includes(LogSource other) {
        return (product == null || product.equalsIgnoreCase(nullToEmpty(other.product)))
                && (service == null || service.equalsIgnoreCase(nullToEmpty(other.service)))
                && (category == null || category.equalsIgnoreCase(nullToEmpty(other.category)));
    }

    /** The Vigil sources this log source selects, in {@link VigilLogSources#all()} order. */
    public List<String> knownSources() {
        List<String> out = new ArrayList<>();
        for (VigilLogSources.Source s : VigilLogSources.all()) {
            if (covers(s.name())) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * False when no event can be in both scopes: they share no Vigil source, or (for sources Vigil does not know)
     * they name different products, services or categories.
     */
    public boolean overlaps(LogSource other) {
        List<String> mine = knownSources();
        List<String> theirs = other.knownSources();
        if (!mine.isEmpty() && !theirs.isEmpty()) {
            return mine.stream().anyMatch(theirs::contains);
        }
        return compatible(product, other.product) && compatible(service, other.service)
                && compatible(category, other.category);
    }

    /** As written, e.g. {@code product: aws, service: cloudtrail}, for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (category != null) {
            parts.add("category: " + category);
        }
        if (product != null) {
            parts.add("product: " + product);
        }
        if (service != null) {
            parts.add("service: " + service);
        }
        return parts.isEmpty() ? "{}" : "{" + String.join(", ", parts) + "}";
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.equalsIgnoreCase(b);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
