package dev.vigil.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes N Sigma rules of the shapes detection teams write against CloudTrail, for benchmarking the rule engine at
 * scale: pins on eventSource/eventName (single or lists), contains/startswith/endswith on user agents, addresses and
 * resource names, regular expressions, {@code 1 of selection_*}, and {@code not filter} exclusions. They use the
 * simulator's real API catalogue, so the pins select real traffic, but their extra conditions are mostly rare:
 * like a production rule pack, they are evaluated often and fire seldom. Seeded: the same count and seed always
 * give the same files.
 */
public final class SyntheticRules {

    private static final String[] AGENT_TOKENS = {"sqlmap", "kali", "parrot", "pacu", "nmap", "masscan", "curl/7.",
            "python-requests", "Go-http-client", "aws-cli/2.13", "Boto3/1.28", "stratus-red-team", "cloudsploit"};
    private static final String[] NAME_SUFFIXES = {"-backup", "-prod", "-logs", "-secrets", "-tmp", "-export",
            "-archive", "-billing"};
    private static final String[] PREFIXES = {"203.0.113.", "198.51.100.", "192.0.2.", "100.64.", "45.", "185."};

    private SyntheticRules() {
    }

    /**
     * Writes {@code count} rules, one per file, into {@code dir} (created if missing).
     *
     * @return the files written
     */
    public static List<Path> write(Path dir, int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of rules must be 0 or more, not " + count);
        }
        try {
            Files.createDirectories(dir);
            Random random = new Random(seed);
            Api[] apis = Api.values();
            java.util.ArrayList<Path> files = new java.util.ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String text = rule(i, random, apis);
                Path file = dir.resolve("bench-rule-%04d.yml".formatted(i));
                Files.writeString(file, text, StandardCharsets.UTF_8);
                files.add(file);
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rule(int i, Random random, Api[] apis) {
        Api api = apis[random.nextInt(apis.length)];
        Api other = apis[random.nextInt(apis.length)];
        Api third = apis[random.nextInt(apis.length)];
        String agent = AGENT_TOKENS[random.nextInt(AGENT_TOKENS.length)];
        String suffix = NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)];
        String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
        String level = List.of("low", "medium", "medium", "high").get(random.nextInt(4));
        String detection = switch (i % 6) {
            case 0 -> """
                      selection:
                        eventSource: %s
                        eventName: %s
                        userAgent|contains: '%s'
                      condition: selection
                    """.formatted(api.service.eventSource, api.eventName, agent);
            case 1 -> """
                      selection:
                        eventName:
                          - %s
                          - %s
                          - %s
                        sourceIPAddress|startswith: '%s'
                      filter_service:
                        userIdentity.type: AWSService
                      condition: selection and not filter_service
                    """.formatted(api.eventName, other.eventName, third.eventName, prefix);
            case 2 -> """
                      selection_denied:
                        eventSource: %s
                        errorCode|re: '^(AccessDenied|Client\\.UnauthorizedOperation)$'
                        eventName|startswith: '%s'
                      selection_tool:
                        eventSource: %s
                        userAgent|re|i: '(%s|%s)'
                      condition: 1 of selection_*
                    """.formatted(api.service.eventSource, api.eventName.substring(0, Math.min(4, api.eventName.length())),
                    api.service.eventSource, quoteRegex(agent), quoteRegex(AGENT_TOKENS[(i + 3) % AGENT_TOKENS.length]));
            case 3 -> """
                      selection:
                        eventSource: %s
                        eventName: %s
                        requestParameters.bucketName|endswith: '%s'
                      filter_known:
                        userIdentity.arn|contains: ':role/aws-service-role/'
                      condition: selection and not filter_known
                    """.formatted(Service.S3.eventSource, random.nextBoolean() ? "GetObject" : "PutObject", suffix);
            case 4 -> """
                      selection:
                        eventSource: %s
                        eventName|endswith: '%s'
                        userIdentity.type:
                          - IAMUser
                          - Root
                        sourceIPAddress|cidr: '%s'
                      condition: selection
                    """.formatted(api.service.eventSource, api.eventName.substring(Math.max(0, api.eventName.length() - 6)),
                    cidrFor(prefix));
            default -> """
                      selection:
                        eventName: %s
                        userIdentity.sessionContext.sessionIssuer.userName|startswith: '%s'
                      filter_ci:
                        userAgent|contains:
                          - 'terraform'
                          - 'aws-sdk-go'
                      condition: selection and not filter_ci
                    """.formatted(api.eventName, "Admin" + (char) ('A' + random.nextInt(26)));
        };
        return """
                title: Synthetic benchmark rule %d
                id: %s
                name: bench-rule-%04d
                status: experimental
                description: Generated for the rule-engine benchmark; not a real detection.
                level: %s
                tags: [attack.discovery, attack.t1087]
                logsource: {product: aws, service: cloudtrail}
                detection:
                %s""".formatted(i, new java.util.UUID(random.nextLong(), random.nextLong()), i, level,
                detection.stripTrailing() + "\n");
    }

    private static String quoteRegex(String s) {
        return s.replace(".", "\\.");
    }

    private static String cidrFor(String prefix) {
        String[] parts = prefix.split("\\.");
        return switch (parts.length) {
            case 1 -> parts[0] + ".0.0.0/8";
            case 2 -> parts[0] + "." + parts[1] + ".0.0/16";
            default -> parts[0] + "." + parts[1] + "." + parts[2] + ".0/24";
        };
    }
}
