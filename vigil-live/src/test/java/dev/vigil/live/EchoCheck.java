package dev.vigil.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.model.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Remediation;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-only check whose results repeat every resource and document it was given (ERROR for Error documents), so
 * comparing two runs' results compares everything the real checks could look at, whichever checks exist yet.
 */
final class EchoCheck implements Check {

    @Override
    public CheckMetadata metadata() {
        return new CheckMetadata("test.echo", "Everything collected is visible to checks", "Test", Severity.LOW,
                "AWS::::Account", "Makes any difference between two collections show in the results.",
                new Remediation("none", "aws sts get-caller-identity", "", "data \"aws_caller_identity\" \"current\" {}"), List.of("sts:GetCallerIdentity"));
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        List<CheckResult> out = new ArrayList<>();
        estate.inventory().all().forEach(r -> out.add(new CheckResult("test.echo", CheckStatus.PASS, r.account(),
                r.region(), r.type(), r.displayId(), r.name() + r.tags() + canonical(r.configuration()) + canonical(r.supplementaryConfiguration())
                + r.relationships() + r.captureTime() + r.status())));
        for (SupplementDoc doc : estate.supplements().all()) {
            boolean failed = doc.body().has("Error");
            out.add(new CheckResult("test.echo", failed ? CheckStatus.ERROR : CheckStatus.PASS, doc.account(),
                    doc.region(), doc.service(), doc.operation() + "." + doc.subject(), canonical(doc.body())));
        }
        estate.rootActivity().forEach(use -> out.add(new CheckResult("test.echo", CheckStatus.PASS, use.account(), "",
                "AWS::IAM::Root", use.eventName(), use.time() + " " + use.sourceIp())));
        for (String account : estate.accounts()) {
            out.add(new CheckResult("test.echo", CheckStatus.PASS, account, "", "AWS::::Account", account,
                    String.valueOf(estate.enabledRegions(account))));
        }
        return out;
    }

    /**
     * JSON text with object members sorted: the SDK keeps map members in hash order, the CLI in wire order, and
     * neither order means anything to a check.
     */
    private static String canonical(JsonNode node) {
        try {
            Object plain = SORTED.treeToValue(node, Object.class);
            return SORTED.writeValueAsString(plain);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
}
