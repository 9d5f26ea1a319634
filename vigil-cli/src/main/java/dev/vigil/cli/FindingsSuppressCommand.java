package dev.vigil.cli;

import dev.vigil.hub.FindingStore;
import dev.vigil.hub.HistoryEntry;
import dev.vigil.hub.StoreException;
import dev.vigil.hub.SuppressionCriteria;
import dev.vigil.hub.SuppressionRule;
import dev.vigil.hub.SuppressionStatus;
import dev.vigil.model.Severity;
import dev.vigil.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = {"Add a suppression rule: findings matching it — those stored now and those that arrive later — "
                + "are set SUPPRESSED (kept, never deleted) until the rule expires or is removed; then they return to "
                + "NEW. A reason and an owner are required.",
                "--list shows every rule with how many findings it suppresses, when it last applied and when it "
                        + "expires; --remove ID removes one. Matching uses globs with * on rule, type, principal and "
                        + "resource, exact text on product, account and region."})
final class FindingsSuppressCommand implements Callable<Integer> {

    @Option(names = "--rule", paramLabel = "GLOB", description = "Rule id or product finding type.")
    String rule;
    @Option(names = "--type", paramLabel = "GLOB", description = "A finding type.")
    String type;
    @Option(names = "--product", paramLabel = "NAME", description = "Reporting product.")
    String product;
    @Option(names = "--account", paramLabel = "ID", description = "AWS account id.")
    String account;
    @Option(names = "--region", paramLabel = "REGION", description = "AWS region.")
    String region;
    @Option(names = "--principal", paramLabel = "GLOB", description = "Principal.")
    String principal;
    @Option(names = "--resource", paramLabel = "GLOB", description = "Resource.")
    String resource;
    @Option(names = "--severity-at-most", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Only findings at or below this severity.")
    Severity severityAtMost;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why these findings need no action (required to add).")
    String reason;
    @Option(names = "--owner", paramLabel = "NAME", description = "Who answers for the rule (required to add).")
    String owner;
    @Option(names = "--expires", paramLabel = "TIME",
            description = "When the rule lapses: a time, a date, or a span from now such as 30d (default: never).")
    String expires;
    @Option(names = "--id", paramLabel = "ID", description = "The rule's id (default: derived from its content).")
    String id;
    @Option(names = "--actor", paramLabel = "NAME", defaultValue = "${env:USER}",
            description = "Who adds or removes it (default: $USER).")
    String actor;

    @Option(names = "--list", description = "Show the rules and what each suppresses.")
    boolean list;
    @Option(names = "--remove", paramLabel = "ID", description = "Remove this rule; its findings return to NEW.")
    String remove;

    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        String who = actor == null || actor.isBlank() ? "unknown" : actor.strip();
        try (FindingStore store = list || remove != null ? workspace.location().openExisting() : workspace.location().open()) {
            List<HistoryEntry> expired = store.expireSuppressions(clock.instant());
            if (!expired.isEmpty()) {
                System.out.println(expired.size() + " findings returned to NEW: their suppression rule expired");
            }
            if (list) {
                printReport(store.suppressionReport(clock.instant()));
            } else if (remove != null) {
                List<HistoryEntry> back = store.removeSuppression(remove.strip(), who);
                System.out.println("Removed suppression rule " + TerminalText.sanitize(remove) + "; " + back.size()
                        + " findings returned to NEW.");
            } else {
                add(store, who, clock.instant());
            }
        } catch (StoreException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private void add(FindingStore store, String who, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "rule", rule);
        put(fields, "type", type);
        put(fields, "product", product);
        put(fields, "account", account);
        put(fields, "region", region);
        put(fields, "principal", principal);
        put(fields, "resource", resource);
        if (severityAtMost != null) {
            fields.put("severityAtMost", severityAtMost.name());
        }
        if (fields.isEmpty()) {
            throw new UserError("a suppression rule needs at least one criterion (--rule, --type, --product, --account,"
                    + " --region, --principal, --resource, --severity-at-most); or use --list / --remove");
        }
        Optional<Instant> expiry = expires == null ? Optional.empty()
                : Optional.of(TimeArgument.future(expires, "--expires", java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)));
        SuppressionRule r = new SuppressionRule(id, SuppressionCriteria.parse(fields), reason, owner, now, expiry, who);
        long n = store.addSuppression(r);
        System.out.println("Added suppression rule " + r.id() + ": " + n + " stored findings suppressed"
                + expiry.map(e -> "; expires " + e).orElse("; no expiry") + ".");
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }

    private static void printReport(List<SuppressionStatus> report) {
        if (report.isEmpty()) {
            System.out.println("No suppression rules.");
            return;
        }
        String fmt = "%-18s  %-8s  %11s  %-20s  %-20s  %-12s  %s%n";
        System.out.printf(Locale.ROOT, fmt, "ID", "STATE", "SUPPRESSING", "LAST APPLIED", "EXPIRES", "OWNER",
                "CRITERIA / REASON");
        for (SuppressionStatus s : report) {
            SuppressionRule r = s.rule();
            System.out.printf(Locale.ROOT, fmt, TerminalText.sanitize(r.id()), s.state(), s.suppressing(),
                    s.lastApplied().map(Instant::toString).orElse("-"),
                    r.expiresAt().map(Instant::toString).orElse("never"), TerminalText.sanitize(r.owner()),
                    TerminalText.sanitize(r.criteria().asMap() + " — " + r.reason()));
        }
    }
}
