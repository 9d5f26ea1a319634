package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.supplement.SupplementDoc;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Makes one API call on behalf of a check and keeps its answer as a {@link SupplementDoc} in the CLI's shape, or,
 * when the call fails for any reason the SDK reports (access denied, not subscribed, throttled past the retries,
 * network), an {@code {"Error":{...}}} document: the run goes on and the checks say ERROR for that scope.
 */
final class CallRecorder {

    private static final Logger LOG = Logger.getLogger(CallRecorder.class.getName());

    private final ConcurrentLinkedQueue<SupplementDoc> docs = new ConcurrentLinkedQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final CollectorProgress progress;

    CallRecorder(CollectorProgress progress) {
        this.progress = progress;
    }

    /** One call; the body when it succeeded. */
    Optional<JsonNode> single(Scope scope, String service, String operation, String subject,
                              Supplier<? extends SdkPojo> call) {
        return record(scope, service, operation, subject, () -> CliJson.toJson(call.get()));
    }

    /** A paginated call, followed to the end and merged as the CLI merges pages; the body when it succeeded. */
    Optional<JsonNode> paged(Scope scope, String service, String operation, String subject,
                             Supplier<? extends Iterable<? extends SdkPojo>> pages) {
        return record(scope, service, operation, subject, () -> {
            List<ObjectNode> bodies = new ArrayList<>();
            pages.get().forEach(page -> bodies.add(CliJson.toJson(page)));
            return PageMerger.merge(bodies);
        });
    }

    /** Keeps a document under the offline convention's key. */
    private void keep(Scope scope, String service, String operation, String subject, ObjectNode body) {
        docs.add(new SupplementDoc(scope.account(), scope.region(), service, operation, subject, body,
                source(scope, service, operation, subject)));
    }

    /** Runs a call that builds its own body; failures become an Error document. The body when it succeeded. */
    Optional<JsonNode> record(Scope scope, String service, String operation, String subject,
                              Supplier<ObjectNode> call) {
        return record(scope, service, operation, subject, call, true);
    }

    /**
     * As {@link #record(Scope, String, String, String, Supplier)}; with {@code keepSuccess} false only a failure is
     * kept (for calls whose answer goes elsewhere, like the inventory, but whose failure the checks must see).
     */
    Optional<JsonNode> record(Scope scope, String service, String operation, String subject,
                              Supplier<ObjectNode> call, boolean keepSuccess) {
        started.incrementAndGet();
        ObjectNode body;
        boolean ok;
        try {
            body = call.get();
            ok = true;
        } catch (SdkException failure) {
            body = ErrorDocs.of(failure);
            ok = false;
        }
        if (keepSuccess || !ok) {
            keep(scope, service, operation, subject, body);
        }
        progress.onCall(done.incrementAndGet(), started.get(), source(scope, service, operation, subject),
                ok ? "" : body.path("Error").path("Code").asText());
        return ok ? Optional.of(body) : Optional.empty();
    }

    /**
     * A call counted in the progress but never kept: for a first choice that has a fallback, whose failure is not
     * the estate's state. The body when it succeeded; empty (and logged) when it failed.
     */
    Optional<JsonNode> attempt(Scope scope, String service, String operation, Supplier<ObjectNode> call) {
        started.incrementAndGet();
        String what = source(scope, service, operation, "");
        try {
            ObjectNode body = call.get();
            progress.onCall(done.incrementAndGet(), started.get(), what, "");
            return Optional.of(body);
        } catch (SdkException failure) {
            String code = ErrorDocs.of(failure).path("Error").path("Code").asText();
            LOG.info(() -> what + " failed (" + code + "); trying the fallback");
            progress.onCall(done.incrementAndGet(), started.get(), what, code);
            return Optional.empty();
        }
    }

    /**
     * Every document, sorted as their files sort in a saved snapshot (account, region, service, operation,
     * subject), so the live and offline runs hand checks the same order.
     */
    List<SupplementDoc> documents() {
        List<SupplementDoc> out = new ArrayList<>(docs);
        out.sort(Comparator.comparing(SupplementPaths::relative));
        return out;
    }

    int calls() {
        return done.get();
    }

    private static String source(Scope scope, String service, String operation, String subject) {
        return "live:" + scope.account() + "/" + scope.region() + " " + service + "." + operation
                + (subject.isEmpty() ? "" : "." + subject);
    }
}
