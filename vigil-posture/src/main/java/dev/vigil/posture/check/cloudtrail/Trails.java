package dev.vigil.posture.check.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.inventory.Resource;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The estate's trails, account by account, and the per-trail exports (status, event selectors) that go with them.
 *
 * <p>describe-trails is regional and lists shadow copies: a multi-region trail appears in every region with its
 * HomeRegion, and an organisation trail appears in every member account. Trails are therefore keyed by TrailARN
 * and owned by the account in that ARN. When an account has no describe-trails export at all, its
 * AWS::CloudTrail::Trail Config items stand in (they lack logging status and selectors, which come from exports).
 */
final class Trails {

    /** What one account's data says about the trails it can see. */
    sealed interface Visible {
        /** The trails the account lists (its own, shadow copies and organisation trails). */
        record Listed(List<Trail> trails) implements Visible {
        }

        /** Neither describe-trails nor Config items: the export that should be added. */
        record Unavailable(Exported exported) implements Visible {
        }
    }

    private final Estate estate;
    private final Map<String, Visible> byAccount = new LinkedHashMap<>();
    private final Map<String, Trail> byArn = new LinkedHashMap<>();

    private Trails(Estate estate) {
        this.estate = estate;
    }

    static Trails of(Estate estate) {
        Trails trails = new Trails(estate);
        for (String account : estate.accounts()) {
            Visible visible = trails.read(account);
            trails.byAccount.put(account, visible);
            if (visible instanceof Visible.Listed listed) {
                listed.trails().forEach(t -> trails.byArn.putIfAbsent(t.arn(), t));
            }
        }
        return trails;
    }

    Visible visibleTo(String account) {
        return byAccount.getOrDefault(account, new Visible.Unavailable(missingListing(account)));
    }

    /** Every distinct trail in the estate (shadow copies folded), in the order first seen. */
    List<Trail> all() {
        return List.copyOf(byArn.values());
    }

    /** Distinct trails owned by the account. */
    List<Trail> ownedBy(String account) {
        return byArn.values().stream().filter(t -> t.owner().equals(account)).toList();
    }

    /** Organisation trails anywhere in the estate. */
    List<Trail> organisationTrails() {
        return byArn.values().stream().filter(Trail::organisation).toList();
    }

    /**
     * Accounts the organisation lists ({@code organizations list-accounts}), empty when not exported: then an
     * organisation trail is taken to cover every account in the estate.
     */
    Set<String> organisationMembers() {
        Set<String> out = new TreeSet<>();
        for (SupplementDoc doc : estate.supplements().all("organizations", "list-accounts")) {
            for (JsonNode a : doc.body().path("Accounts")) {
                String id = Trail.text(a.path("Id"));
                if (!id.isEmpty()) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** {@code cloudtrail get-trail-status.<name>} for the trail. */
    Exported status(Trail trail) {
        return perTrail(trail, "get-trail-status");
    }

    /** {@code cloudtrail get-event-selectors.<name>} for the trail. */
    Exported eventSelectors(Trail trail) {
        return perTrail(trail, "get-event-selectors");
    }

    /**
     * A per-trail export: the subject may be the trail name or its ARN; the owner account's copy in the home region
     * is preferred, and for an organisation trail a member's copy is accepted (members can query it too).
     */
    private Exported perTrail(Trail trail, String operation) {
        Comparator<SupplementDoc> preference = Comparator
                .comparing((SupplementDoc d) -> !d.account().equals(trail.owner()))
                .thenComparing(d -> !d.region().equals(trail.homeRegion()));
        Optional<SupplementDoc> best = estate.supplements().all("cloudtrail", operation).stream()
                .filter(d -> d.subject().equals(trail.name()) || d.subject().equals(trail.arn()))
                .filter(d -> d.account().equals(trail.owner()) || trail.organisation())
                .min(preference);
        return best.map(Exported::of).orElseGet(() -> new Exported.Missing(trail.owner(),
                trail.homeRegion().isEmpty() ? firstRegion(trail.owner()) : trail.homeRegion(),
                "cloudtrail", operation, trail.name()));
    }

    private Visible read(String account) {
        List<SupplementDoc> docs = estate.supplements().all("cloudtrail", "describe-trails").stream()
                .filter(d -> d.account().equals(account)).toList();
        List<Trail> listed = new ArrayList<>();
        Exported failure = null;
        boolean anyPresent = false;
        for (SupplementDoc doc : docs) {
            Exported e = Exported.of(doc);
            if (e instanceof Exported.Present present) {
                anyPresent = true;
                for (JsonNode t : present.body().path("trailList")) {
                    Trail.fromDescribeTrails(t, account, doc.source()).ifPresent(listed::add);
                }
            } else if (failure == null) {
                failure = e;
            }
        }
        if (anyPresent) {
            return new Visible.Listed(dedupe(listed));
        }
        List<Resource> items = estate.inventory().ofType("AWS::CloudTrail::Trail", account).toList();
        if (!items.isEmpty()) {
            for (Resource r : items) {
                Trail.fromConfigItem(r.configuration(), account, r.region(), r.source()).ifPresent(listed::add);
            }
            return new Visible.Listed(dedupe(listed));
        }
        return new Visible.Unavailable(failure != null ? failure : missingListing(account));
    }

    private Exported missingListing(String account) {
        return new Exported.Missing(account, firstRegion(account), "cloudtrail", "describe-trails", "");
    }

    private String firstRegion(String account) {
        return estate.enabledRegions(account).stream().findFirst().orElse("us-east-1");
    }

    private static List<Trail> dedupe(List<Trail> trails) {
        Map<String, Trail> out = new LinkedHashMap<>();
        trails.forEach(t -> out.putIfAbsent(t.arn(), t));
        return List.copyOf(out.values());
    }
}
