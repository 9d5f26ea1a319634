package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Organizations, asked once with the caller's own credentials (the management account, or a delegated
 * administrator): the accounts, the root, and every service control policy with its content and targets.
 */
final class OrganizationCalls {

    private OrganizationCalls() {
    }

    /**
     * Records the organisation's documents under the caller's account and returns the ACTIVE member account ids
     * (empty when the caller cannot list them: not in an organisation, or not allowed).
     */
    static List<String> collect(Scope scope, CallRecorder recorder) {
        OrganizationsClient organizations = scope.clients().baseClient(OrganizationsClient.builder(),
                scope.callRegion());
        List<String> active = new ArrayList<>();
        recorder.paged(scope, "organizations", "list-accounts", "", () -> organizations.listAccountsPaginator(r -> { }))
                .ifPresent(body -> {
                    for (JsonNode account : body.path("Accounts")) {
                        String id = account.path("Id").asText("");
                        if (id.matches("\\d{12}") && account.path("Status").asText("ACTIVE").equals("ACTIVE")) {
                            active.add(id);
                        }
                    }
                });
        if (active.isEmpty()) {
            return active;
        }
        recorder.paged(scope, "organizations", "list-roots", "", () -> organizations.listRootsPaginator(r -> { }));
        recorder.paged(scope, "organizations", "list-policies", "",
                () -> organizations.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)))
                .ifPresent(body -> {
                    for (JsonNode policy : body.path("Policies")) {
                        String id = policy.path("Id").asText("");
                        if (id.isEmpty()) {
                            continue;
                        }
                        recorder.single(scope, "organizations", "describe-policy", id,
                                () -> organizations.describePolicy(r -> r.policyId(id)));
                        recorder.paged(scope, "organizations", "list-targets-for-policy", id,
                                () -> organizations.listTargetsForPolicyPaginator(r -> r.policyId(id)));
                    }
                });
        return active;
    }
}
