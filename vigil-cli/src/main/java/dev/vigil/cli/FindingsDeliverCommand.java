package dev.vigil.cli;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.routing.ChangeNotifier;
import dev.vigil.hub.routing.OutboxRow;
import dev.vigil.hub.routing.OutboxStatus;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = {"Deliver the notifications and tickets waiting in the outbox (after a failure, a crash, or an "
                + "outage of a destination): run it from cron, or after fixing a destination. Needs --routes.",
                "--status shows the outbox instead; --requeue-dead gives up-on rows another set of attempts."})
final class FindingsDeliverCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption workspace;

    @Mixin
    HubOptions hub;

    @Option(names = "--status", description = "Show the outbox: rows per status and the latest rows.")
    boolean status;

    @Option(names = "--requeue-dead", description = "Put rows given up on back in the queue before delivering.")
    boolean requeueDead;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        try (FindingStore store = workspace.location().openExisting()) {
            if (status) {
                printStatus(store);
                return ExitCode.OK;
            }
            HubSettings settings = hub.settings();
            if (settings.routing().isEmpty()) {
                throw new UserError("give the routing file with --routes FILE (or VIGIL_ROUTES): delivery only "
                        + "contacts the destinations it configures");
            }
            if (requeueDead) {
                System.out.println(store.outbox().requeueDead(clock) + " rows put back in the queue");
            }
            ChangeNotifier.Result r = new ChangeNotifier(settings.routing().get(), new SecureRandom())
                    .deliver(store, clock);
            System.out.printf(Locale.ROOT, "routing: %d delivered, %d to retry, %d given up; %d findings now NOTIFIED; "
                    + "%d waiting, %d given up in all%n", r.delivery().delivered(), r.delivery().retried(),
                    r.delivery().dead(), r.notified(), r.pending(), r.dead());
            return r.delivery().retried() + r.delivery().dead() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }

    private static void printStatus(FindingStore store) {
        Map<OutboxStatus, Long> counts = store.outbox().counts();
        System.out.println("outbox: " + counts);
        for (OutboxRow row : store.outbox().list(20)) {
            System.out.println("  " + row.status() + "  " + TerminalText.sanitize(row.destination()) + "  "
                    + row.eventKind() + "  finding " + row.findingId().substring(0, Math.min(12, row.findingId().length()))
                    + "  attempts " + row.attempts()
                    + (row.lastError() == null ? "" : "  last error: " + TerminalText.sanitize(row.lastError())));
        }
    }
}
