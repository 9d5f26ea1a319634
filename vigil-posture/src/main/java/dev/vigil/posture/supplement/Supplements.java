package dev.vigil.posture.supplement;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS CLI exports for what AWS Config does not record (trail status, event selectors, metric filters, alarms,
 * subscriptions, Organizations, GuardDuty, Security Hub, Backup…), indexed by account, region, service, operation and
 * subject.
 *
 * <p>Absence matters: a check must tell "not exported" (→ ERROR or NOT_APPLICABLE with a sentence saying which
 * file to export) from "exported and empty" (→ a real FAIL). {@link #get} returning empty means not exported.
 */
public final class Supplements {

    private record Key(String account, String region, String service, String operation, String subject) {
    }

    private final Map<Key, SupplementDoc> docs = new LinkedHashMap<>();

    /** Adds a document; a later one for the same key replaces the earlier (the newest export wins). */
    public void add(SupplementDoc doc) {
        docs.put(new Key(doc.account(), doc.region(), doc.service(), doc.operation(), doc.subject()), doc);
    }

    /** A list/describe-all response, e.g. {@code get(acct, "us-east-1", "cloudtrail", "describe-trails")}. */
    public Optional<JsonNode> get(String account, String region, String service, String operation) {
        return get(account, region, service, operation, "");
    }

    /** A per-item response, e.g. {@code get(acct, region, "cloudtrail", "get-trail-status", "org-trail")}. */
    public Optional<JsonNode> get(String account, String region, String service, String operation, String subject) {
        SupplementDoc doc = docs.get(new Key(account, region, service, operation, subject));
        return Optional.ofNullable(doc).map(SupplementDoc::body);
    }

    /** The document with its provenance. */
    public Optional<SupplementDoc> doc(String account, String region, String service, String operation,
                                       String subject) {
        return Optional.ofNullable(docs.get(new Key(account, region, service, operation, subject)));
    }

    /** Every document of one operation, across accounts, regions and subjects, in the order added. */
    public List<SupplementDoc> all(String service, String operation) {
        List<SupplementDoc> out = new ArrayList<>();
        for (SupplementDoc doc : docs.values()) {
            if (doc.service().equals(service) && doc.operation().equals(operation)) {
                out.add(doc);
            }
        }
        return out;
    }

    /** Every document. */
    public List<SupplementDoc> all() {
        return List.copyOf(docs.values());
    }

    /** Accounts with at least one document. */
    public Set<String> accounts() {
        Set<String> out = new TreeSet<>();
        docs.keySet().forEach(k -> out.add(k.account()));
        return out;
    }

    /** Regions with at least one document for the account ({@code global} excluded). */
    public Set<String> regions(String account) {
        Set<String> out = new TreeSet<>();
        docs.keySet().stream().filter(k -> k.account().equals(account)).forEach(k -> out.add(k.region()));
        out.remove("global");
        return out;
    }

    public boolean isEmpty() {
        return docs.isEmpty();
    }

    public int size() {
        return docs.size();
    }
}
