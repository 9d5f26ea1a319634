package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.posture.check.RootUse;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.supplement.SupplementDoc;
import dev.vigil.posture.supplement.Supplements;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Reads an AWS estate through the APIs and builds what the offline readers build from files: the Config
 * {@link Inventory} and one {@link SupplementDoc} per call the checks rely on, in the AWS CLI's JSON shape.
 *
 * <p>A run: find the caller's account (STS); list the organisation's ACTIVE accounts (or take {@code --accounts});
 * assume {@code --role-name} in each member account; find each account's enabled regions (or take
 * {@code --regions}); then read every account/region unit on a fixed pool of {@code concurrency} threads. A call
 * that fails is recorded as an Error document and the run goes on, so the checks say ERROR for exactly that scope.
 */
public final class LiveCollector {

    private static final Logger LOG = Logger.getLogger(LiveCollector.class.getName());

    private final LiveOptions options;

    public LiveCollector(LiveOptions options) {
        this.options = options;
    }

    /** Runs the collection; throws {@link LiveCollectionException} only when nothing at all can be read. */
    public LiveCollection collect() {
        try (AwsClients clients = new AwsClients(options)) {
            CallRecorder recorder = new CallRecorder(options.progress());
            Instant now = options.clock().instant();
            String caller = callerAccount(clients);
            clients.useFor(caller, clients.base());
            Scope home = new Scope(caller, Scope.GLOBAL, clients);
            List<String> members = OrganizationCalls.collect(home, recorder);
            boolean management = !members.isEmpty();
            List<Callable<Optional<LiveCollection.RegionItems>>> units = new ArrayList<>();
            for (String account : accounts(caller, members)) {
                if (!credentialsFor(account, caller, clients)) {
                    continue;
                }
                boolean isManagement = management && account.equals(caller);
                units.add(() -> {
                    Scope global = new Scope(account, Scope.GLOBAL, clients);
                    try {
                        AccountCalls.collect(global, recorder, options.baseDelay());
                    } finally {
                        clients.release(global);
                    }
                    return Optional.empty();
                });
                for (String region : regions(new Scope(account, AwsClients.HOME_REGION, clients), recorder)) {
                    Scope scope = new Scope(account, region, clients);
                    units.add(() -> {
                        try {
                            return Optional.of(regional(scope, recorder, isManagement, now));
                        } finally {
                            clients.release(scope);
                        }
                    });
                }
            }
            List<LiveCollection.RegionItems> items = run(units);
            return new LiveCollection(inventory(items), supplements(recorder.documents()), items, rootUses(items),
                    recorder.documents(), recorder.calls(), clients.throttles());
        }
    }

    private String callerAccount(AwsClients clients) {
        try {
            StsClient sts = clients.baseClient(StsClient.builder(), AwsClients.HOME_REGION);
            return sts.getCallerIdentity().account();
        } catch (SdkException noIdentity) {
            throw new LiveCollectionException("Could not find out which AWS account these credentials belong to ("
                    + noIdentity.getMessage() + "); check --profile or the AWS_* environment, e.g. with "
                    + "`aws sts get-caller-identity`.", noIdentity);
        }
    }

    private Set<String> accounts(String caller, List<String> members) {
        Set<String> out = new LinkedHashSet<>();
        if (!options.accounts().isEmpty()) {
            out.addAll(options.accounts());
        } else {
            out.add(caller);
            out.addAll(members);
        }
        return out;
    }

    private boolean credentialsFor(String account, String caller, AwsClients clients) {
        if (account.equals(caller)) {
            return true;
        }
        if (options.roleName().isEmpty()) {
            LOG.warning(() -> "account " + account + " skipped: give --role-name ROLE to read other accounts "
                    + "(its checks will say there is no data)");
            return false;
        }
        clients.useFor(account, clients.assumeRole(account, options.roleName().get()));
        return true;
    }

    /** {@code --regions}, or the regions {@code ec2 describe-regions} shows enabled (recorded for the checks). */
    private List<String> regions(Scope home, CallRecorder recorder) {
        if (!options.regions().isEmpty()) {
            return options.regions();
        }
        Ec2Client ec2 = home.client(Ec2Client.builder());
        Optional<JsonNode> body = recorder.single(home, "ec2", "describe-regions", "", ec2::describeRegions);
        List<String> out = new ArrayList<>();
        body.ifPresent(regions -> regions.path("Regions").forEach(region -> {
            String name = region.path("RegionName").asText("");
            if (!name.isEmpty() && !region.path("OptInStatus").asText("").equals("not-opted-in")) {
                out.add(name);
            }
        }));
        if (out.isEmpty()) {
            LOG.warning(() -> "no enabled regions found for " + home.account() + "; reading " + home.region()
                    + " only (give --regions to choose)");
            out.add(home.region());
        }
        return out;
    }

    private LiveCollection.RegionItems regional(Scope scope, CallRecorder recorder, boolean management, Instant now) {
        List<ObjectNode> items = ConfigInventoryCalls.collect(scope, recorder);
        List<ObjectNode> rootEvents = RootActivityCalls.collect(scope, recorder, now.minus(options.rootLookback()),
                now);
        TrailCalls.collect(scope, recorder);
        MonitoringCalls.collect(scope, recorder);
        ConfigServiceCalls.collect(scope, recorder);
        ThreatDetectionCalls.collect(scope, recorder, management);
        BackupCalls.collect(scope, recorder);
        KeyCalls.collect(scope, recorder);
        NetworkCalls.collect(scope, recorder);
        return new LiveCollection.RegionItems(scope.account(), scope.region(), items, rootEvents);
    }

    private List<LiveCollection.RegionItems> run(List<Callable<Optional<LiveCollection.RegionItems>>> units) {
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        try {
            List<LiveCollection.RegionItems> out = new ArrayList<>();
            for (Future<Optional<LiveCollection.RegionItems>> done : pool.invokeAll(units)) {
                done.get().ifPresent(out::add);
            }
            out.sort(Comparator.comparing(LiveCollection.RegionItems::account)
                    .thenComparing(LiveCollection.RegionItems::region));
            return out;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LiveCollectionException("The live collection was interrupted.", interrupted);
        } catch (ExecutionException bug) {
            throw new LiveCollectionException("A live collection unit failed unexpectedly ("
                    + bug.getCause() + "); please report it.", bug.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Inventory inventory(List<LiveCollection.RegionItems> items) {
        Inventory inventory = new Inventory();
        for (LiveCollection.RegionItems region : items) {
            int index = 0;
            for (ObjectNode item : region.items()) {
                String source = "live:" + region.account() + "/" + region.region() + " config#" + index++;
                ConfigItems.toResource(item, source).ifPresent(inventory::add);
            }
        }
        return inventory;
    }

    private static List<RootUse> rootUses(List<LiveCollection.RegionItems> items) {
        List<RootUse> out = new ArrayList<>();
        for (LiveCollection.RegionItems region : items) {
            region.rootEvents().forEach(record -> RootActivityCalls.rootUse(record).ifPresent(out::add));
        }
        return out;
    }

    private static Supplements supplements(List<SupplementDoc> documents) {
        Supplements supplements = new Supplements();
        documents.forEach(supplements::add);
        return supplements;
    }
}
