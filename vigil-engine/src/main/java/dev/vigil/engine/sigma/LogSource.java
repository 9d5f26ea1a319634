package dev.vigil.engine.sigma;

import java.util.Locale;

/**
 * A rule's {@code logsource}. Vigil names its event sources {@code product:service} (e.g. {@code aws:cloudtrail},
 * see {@code Event.logSource()}); a rule applies to an event when each of product and service it names equals the
 * corresponding part, ignoring case. A rule naming neither applies to every source.
 *
 * @param product  e.g. {@code aws}, or null
 * @param service  e.g. {@code cloudtrail}, or null
 * @param category Sigma category; Vigil's sources declare none yet, so rules that use one are rejected at load
 */
public record LogSource(String product, String service, String category) {

    /** True when events of the named Vigil log source are in this rule's scope. */
    public boolean covers(String eventLogSource) {
        String source = eventLogSource == null ? "" : eventLogSource;
        int colon = source.indexOf(':');
        String eventProduct = colon < 0 ? source : source.substring(0, colon);
        String eventService = colon < 0 ? "" : source.substring(colon + 1);
        return category == null
                && (product == null || product.toLowerCase(Locale.ROOT).equals(eventProduct.toLowerCase(Locale.ROOT)))
                && (service == null || service.toLowerCase(Locale.ROOT).equals(eventService.toLowerCase(Locale.ROOT)));
    }
}
