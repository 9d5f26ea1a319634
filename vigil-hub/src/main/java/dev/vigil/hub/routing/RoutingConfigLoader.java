package dev.vigil.hub.routing;

import dev.vigil.hub.Glob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and validates a routing configuration file (YAML). See docs/fragments/hub-routing.md for the format.
 *
 * <p>The file is bounded (at most {@value #MAX_FILE_BYTES} bytes, shallow nesting, no alias expansion), every
 * mapping is read strictly (unknown keys are errors), secrets come only from the injected environment through
 * {@code ${env:NAME}} references, and every route must name destinations the file defines.
 */
public final class RoutingConfigLoader {

    static final int MAX_FILE_BYTES = 1 << 20;
    /** A delivery makes at most three requests, each bounded by the timeout; the lease covers them with room. */
    private static final int LEASE_PER_TIMEOUT = 4;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern LABEL = Pattern.compile("[^\\s\\p{Cntrl}]{1,100}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}<>(),;:\"\\\\@\\[\\]]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]");

    private static final ObjectMapper YAML = createMapper();

    private RoutingConfigLoader() {
    }

    private static ObjectMapper createMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FILE_BYTES);
        return new ObjectMapper(YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build())
                .build());
    }

    /**
     * @param env the environment {@code ${env:NAME}} references are resolved from (normally {@code System.getenv()})
     * @throws RoutingConfigException naming the file, destination or route, field and problem
     */
    public static RoutingConfig load(Path file, Map<String, String> env) {
        String name = file.toString();
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new RoutingConfigException("routing configuration " + name + " is larger than "
                        + MAX_FILE_BYTES + " bytes; a routing file is a few kilobytes, check that this is the right file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = YAML.readTree(in);
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new RoutingConfigException("routing configuration " + name
                    + (at == null ? "" : " line " + at.getLineNr()) + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RoutingConfigException("routing configuration " + name + " could not be read: " + e
                    + "; check the path and its permissions", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new RoutingConfigException("routing configuration " + name + " is empty; define destinations and"
                    + " routes");
        }
        return parse(new ConfigSection(name, "top level", root, Map.copyOf(env)));
    }

    private static RoutingConfig parse(ConfigSection top) {
        ConfigSection deliverySection = top.section("delivery", "delivery");
        DeliveryPolicy policy = deliverySection == null ? DeliveryPolicy.DEFAULT : policy(deliverySection);
        ConfigSection destinationsSection = top.section("destinations", "destinations");
        if (destinationsSection == null) {
            throw top.error("destinations", "is required; define at least one destination");
        }
        Map<String, Destination> destinations = new LinkedHashMap<>();
        for (String name : destinationsSection.keys()) {
            destinations.put(name, destination(destinationsSection, name));
        }
        if (destinations.isEmpty()) {
            throw top.error("destinations", "is empty; define at least one destination");
        }
        List<Route> routes = routes(top, destinations.keySet());
        top.finish();
        return new RoutingConfig(destinations, routes, policy);
    }

    private static DeliveryPolicy policy(ConfigSection s) {
        DeliveryPolicy d = DeliveryPolicy.DEFAULT;
        DeliveryPolicy p = new DeliveryPolicy(
                s.integer("max-attempts", d.maxAttempts(), 1, 100),
                Duration.ofSeconds(s.integer("initial-backoff-seconds", (int) d.initialBackoff().toSeconds(), 1, 86_400)),
                Duration.ofSeconds(s.integer("max-backoff-seconds", (int) d.maxBackoff().toSeconds(), 1, 7 * 86_400)),
                Duration.ofSeconds(s.integer("max-retry-after-seconds", (int) d.maxRetryAfter().toSeconds(), 0,
                        7 * 86_400)),
                Duration.ofSeconds(s.integer("timeout-seconds", (int) d.timeout().toSeconds(), 1, 300)),
                Duration.ofSeconds(s.integer("claim-lease-seconds", (int) d.claimLease().toSeconds(), 1, 86_400)));
        if (p.maxBackoff().compareTo(p.initialBackoff()) < 0) {
            throw s.error("max-backoff-seconds", "is smaller than initial-backoff-seconds; make it at least as large");
        }
        if (p.claimLease().compareTo(p.timeout().multipliedBy(LEASE_PER_TIMEOUT)) < 0) {
            throw s.error("claim-lease-seconds", "is shorter than " + LEASE_PER_TIMEOUT + " × timeout-seconds ("
                    + p.timeout().multipliedBy(LEASE_PER_TIMEOUT).toSeconds() + " s): a delivery still running when"
                    + " its lease ends may be sent a second time by another dispatcher; make it at least that long");
        }
        s.finish();
        return p;
    }

    private static Destination destination(ConfigSection parent, String name) {
        ConfigSection s = parent.child(parent.rawChild(name), "destination '" + TicketText.oneLine(name, 64) + "'");
        if (!NAME.matcher(name).matches()) {
            throw s.error(null, "a destination name is 1 to 64 letters, digits, '_', '.' or '-', starting with a"
                    + " letter or digit");
        }
        String type = s.requiredString("type", "use one of webhook, slack, jira, servicenow, email")
                .toLowerCase(Locale.ROOT);
        Destination d = switch (type) {
            case "webhook" -> new WebhookDestination(name,
                    s.url("url", s.requiredString("url", "give the https:// URL to POST to")),
                    s.secret("secret", true));
            case "slack" -> {
                Secret url = s.secret("url", true);
                s.url("url", url.value());
                yield new SlackDestination(name, url);
            }
            case "jira" -> jira(s, name);
            case "servicenow" -> new ServiceNowDestination(name, baseUrl(s), auth(s),
                    s.string("resolved-state", "6"), s.string("close-code", "Solved (Permanently)"));
            case "email" -> email(s, name);
            default -> throw s.error("type", "is '" + TicketText.oneLine(type, 40)
                    + "'; use one of webhook, slack, jira, servicenow, email");
        };
        s.finish();
        return d;
    }

    private static JiraDestination jira(ConfigSection s, String name) {
        URI base = baseUrl(s);
        String project = s.requiredString("project", "give the Jira project key, e.g. SEC");
        if (!PROJECT_KEY.matcher(project).matches()) {
            throw s.error("project", "'" + TicketText.oneLine(project, 40) + "' is not a Jira project key (upper-case"
                    + " letters and digits, starting with a letter, e.g. SEC)");
        }
        List<String> labels = s.stringList("labels");
        for (String l : labels) {
            if (!LABEL.matcher(l).matches()) {
                throw s.error("labels", "'" + TicketText.oneLine(l, 40) + "' is not a Jira label (no spaces, at most"
                        + " 100 characters)");
            }
        }
        String searchPath = s.string("search-path", "/rest/api/2/search");
        if (!searchPath.startsWith("/") || searchPath.contains("?") || searchPath.contains("#")) {
            throw s.error("search-path", "must be a path starting with '/' and without a query, e.g."
                    + " /rest/api/2/search/jql");
        }
        return new JiraDestination(name, base, project, s.string("issue-type", "Task"),
                s.string("resolve-transition", "Done"), labels, searchPath, auth(s));
    }

    private static EmailDestination email(ConfigSection s, String name) {
        String host = s.requiredString("host", "give the SMTP server's host name");
        if (!HOST.matcher(host).matches()) {
            throw s.error("host", "is not a host name");
        }
        int port = s.integer("port", 587, 1, 65_535);
        String tlsText = s.string("tls", "starttls").toLowerCase(Locale.ROOT);
        SmtpClient.Tls tls = switch (tlsText) {
            case "starttls" -> SmtpClient.Tls.STARTTLS;
            case "none" -> SmtpClient.Tls.NONE;
            default -> throw s.error("tls", "is '" + TicketText.oneLine(tlsText, 20) + "'; use starttls or none");
        };
        String user = s.string("username", null);
        Secret password = s.secret("password", user != null);
        if (password != null && user == null) {
            throw s.error("username", "is required when a password is given");
        }
        if (user != null && tls == SmtpClient.Tls.NONE && !ConfigSection.isLoopback(host)) {
            throw s.error("tls", "is none, which would send the SMTP password in the clear to " + host
                    + "; use starttls");
        }
        if (user != null && (user.indexOf('\r') >= 0 || user.indexOf('\n') >= 0 || user.indexOf('\0') >= 0)) {
            throw s.error("username", "must be one line");
        }
        String from = address(s, "from", s.requiredString("from", "give the sender address, e.g. vigil@example.com"));
        List<String> to = s.stringList("to");
        if (to.isEmpty()) {
            throw s.error("to", "is required; give one or more recipient addresses");
        }
        to.forEach(a -> address(s, "to", a));
        return new EmailDestination(name, host, port, tls,
                user == null ? null : new SmtpClient.Account(user, password), from, to);
    }

    private static String address(ConfigSection s, String key, String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw s.error(key, "'" + TicketText.oneLine(address, 80) + "' is not a plain e-mail address"
                    + " (local@domain, no display name or angle brackets)");
        }
        return address;
    }

    private static URI baseUrl(ConfigSection s) {
        String text = s.requiredString("url", "give the base URL, e.g. https://example.atlassian.net");
        URI uri = s.url("url", text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw s.error("url", "must be a base URL without a query or fragment");
        }
        return uri;
    }

    private static HttpAuth auth(ConfigSection s) {
        ConfigSection a = s.section("auth", "auth");
        if (a == null) {
            throw s.error("auth", "is required; use {type: basic, user: ..., token: ${env:NAME}} or"
                    + " {type: bearer, token: ${env:NAME}}");
        }
        String type = a.requiredString("type", "use basic or bearer").toLowerCase(Locale.ROOT);
        HttpAuth auth = switch (type) {
            case "basic" -> new HttpAuth.Basic(a.requiredString("user", "give the user name or e-mail address"),
                    a.secret("token", true));
            case "bearer" -> new HttpAuth.Bearer(a.secret("token", true));
            default -> throw a.error("type", "is '" + TicketText.oneLine(type, 20) + "'; use basic or bearer");
        };
        a.finish();
        return auth;
    }

    private static List<Route> routes(ConfigSection top, Set<String> destinations) {
        JsonNode list = top.rawChild("routes");
        if (list == null || list.isNull()) {
            throw top.error("routes", "is required; define at least one route");
        }
        if (!list.isArray()) {
            throw top.error("routes", "must be a list of routes");
        }
        List<Route> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode item : list) {
            index++;
            ConfigSection r = top.child(item, "route #" + index);
            String name = r.requiredString("name", "give the route a name");
            r = top.child(item, "route '" + TicketText.oneLine(name, 64) + "'");
            r.string("name", null);
            if (!names.add(name)) {
                throw r.error("name", "is used by another route; route names must be unique");
            }
            ConfigSection m = r.section("match", "match");
            RouteMatch match = m == null
                    ? new RouteMatch(null, Set.of(), List.of(), Set.of(), Set.of())
                    : match(m);
            List<String> to = r.stringList("to");
            if (to.isEmpty()) {
                throw r.error("to", "is required; list the destinations this route sends to");
            }
            for (String d : to) {
                if (!destinations.contains(d)) {
                    throw r.error("to", "names destination '" + TicketText.oneLine(d, 64) + "', which is not defined;"
                            + " define it under destinations or use one of " + destinations);
                }
            }
            r.finish();
            routes.add(new Route(name, match, to));
        }
        return routes;
    }

    private static RouteMatch match(ConfigSection m) {
        Severity min = null;
        String severity = m.string("min-severity", null);
        if (severity != null) {
            try {
                min = Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                throw m.error("min-severity", e.getMessage());
            }
        }
        Set<EventKind> events = new HashSet<>();
        for (String e : m.stringList("events")) {
            try {
                events.add(EventKind.parse(e));
            } catch (IllegalArgumentException ex) {
                throw m.error("events", ex.getMessage());
            }
        }
        List<Glob> types = m.stringList("types").stream().map(Glob::new).toList();
        RouteMatch match = new RouteMatch(min, Set.copyOf(m.stringList("products")), types,
                Set.copyOf(m.stringList("accounts")), events);
        m.finish();
        return match;
    }
}
