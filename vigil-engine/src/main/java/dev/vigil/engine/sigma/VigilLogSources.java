package dev.vigil.engine.sigma;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The log sources Vigil reads or will read, by the name events carry in {@code Event.logSource()}
 * ({@code product:service}), with the Sigma {@code logsource} attributes that select them. A rule's
 * {@code logsource} selects an event when its product and service equal the two parts of the event's name and its
 * category, if any, is one the source declares.
 */
public final class VigilLogSources {

    /** CloudTrail records: management, data and Insights events, from S3 delivery files or CloudTrail Lake. */
    public static final String CLOUDTRAIL = "aws:cloudtrail";
    /** VPC Flow Log records (any version and field order the header declares), from S3 or CloudWatch Logs. */
    public static final String VPC_FLOW_LOGS = "aws:vpcflowlogs";
    /** AWS Config configuration items: snapshots, history files and change notifications. */
    public static final String CONFIG = "aws:config";
    /** Amazon GuardDuty findings, as exported to S3 or read from the API. */
    public static final String GUARDDUTY = "aws:guardduty";
    /** AWS Security Hub findings in ASFF. */
    public static final String SECURITY_HUB = "aws:securityhub";
    /** Log events of CloudWatch Logs groups: application and system logs shipped to CloudWatch. */
    public static final String CLOUDWATCH_LOGS = "aws:cloudwatchlogs";

    /**
     * One source.
     *
     * @param name        the name events carry, {@code product:service}
     * @param categories  Sigma categories the source belongs to (lower case); a rule naming one of them selects it
     * @param description what the source's events are
     */
    public record Source(String name, Set<String> categories, String description) {
        public Source {
            Objects.requireNonNull(name, "name");
            categories = Set.copyOf(categories);
            Objects.requireNonNull(description, "description");
        }

        /** The product part of the name, e.g. {@code aws}. */
        public String product() {
            return name.substring(0, name.indexOf(':'));
        }

        /** The service part of the name, e.g. {@code cloudtrail}. */
        public String service() {
            return name.substring(name.indexOf(':') + 1);
        }
    }

    private static final List<Source> ALL = List.of(
            new Source(CLOUDTRAIL, Set.of(), "CloudTrail management, data and Insights events"),
            new Source(VPC_FLOW_LOGS, Set.of("firewall"), "VPC Flow Log records: accepted and rejected traffic"),
            new Source(CONFIG, Set.of(), "AWS Config configuration items and change notifications"),
            new Source(GUARDDUTY, Set.of(), "GuardDuty findings"),
            new Source(SECURITY_HUB, Set.of(), "Security Hub findings (ASFF)"),
            new Source(CLOUDWATCH_LOGS, Set.of(), "CloudWatch Logs events: application and system logs"));

    private VigilLogSources() {
    }

    /** Every source, CloudTrail first. */
    public static List<Source> all() {
        return ALL;
    }

    /** The source of that name (any case). */
    public static Optional<Source> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(n)).findFirst();
    }

    /** Every category some source declares. */
    public static Set<String> categories() {
        return ALL.stream().flatMap(s -> s.categories().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The names of all sources, for messages. */
    static String names() {
        return ALL.stream().map(Source::name).collect(Collectors.joining(", "));
    }
}
