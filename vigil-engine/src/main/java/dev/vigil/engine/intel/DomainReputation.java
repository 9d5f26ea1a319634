package dev.vigil.engine.intel;

/** Looks domain names up in the loaded indicator sets; see {@link ThreatIntel#lookupDomain}. */
public interface DomainReputation {

    /**
     * The strongest match for a domain name listed exactly (case and a trailing dot ignored; a listed
     * {@code example.com} does not match {@code www.example.com}), valid at the time, or null.
     */
    IntelMatch lookupDomain(String domain, long epochSeconds);
}
