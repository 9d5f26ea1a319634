package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.supplement.SupplementDoc;

/**
 * What a check finds when it looks for one supplementary export: the body, a recorded failure ({@code {"Error":…}}),
 * or nothing. Checks switch over this so "not exported" and "access denied" can never be mistaken for a FAIL.
 */
public sealed interface Exported {

    /** The export exists and holds a response body. */
    record Present(JsonNode body, String source) implements Exported {
    }

    /** The export records that the call failed, e.g. AccessDenied. */
    record Failed(String code, String message, String source) implements Exported {
    }

    /** Nothing was exported for this account, region and call. */
    record Missing(String account, String region, String service, String operation, String subject) implements Exported {

        /** The file the user should add, following the supplementary naming convention. */
        public String expectedFile() {
            return "supplementary/" + account + "/" + region + "/" + service + "." + operation
                    + (subject.isEmpty() ? "" : "." + subject) + ".json";
        }

        /** The AWS CLI call that produces it. */
        public String cliCall() {
            return "aws " + service + " " + operation + (region.equals("global") ? "" : " --region " + region);
        }
    }

    /** Looks up one export in the estate's supplements. */
    static Exported lookup(Estate estate, String account, String region, String service, String operation,
                           String subject) {
        return estate.supplements().doc(account, region, service, operation, subject)
                .<Exported>map(Exported::of)
                .orElseGet(() -> new Missing(account, region, service, operation, subject));
    }

    /** As {@link #lookup(Estate, String, String, String, String, String)} for a list/describe-all call. */
    static Exported lookup(Estate estate, String account, String region, String service, String operation) {
        return lookup(estate, account, region, service, operation, "");
    }

    /** Classifies a document: an {@code Error} object at the top level is a recorded failure. */
    static Exported of(SupplementDoc doc) {
        JsonNode error = doc.body().path("Error");
        if (error.isObject()) {
            return new Failed(error.path("Code").asText("Unknown"), error.path("Message").asText(""), doc.source());
        }
        return new Present(doc.body(), doc.source());
    }
}
