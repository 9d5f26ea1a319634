package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers AWS SDK calls with recorded responses, so the live collector runs end to end
 * without AWS. A request is identified the way AWS itself routes it: the account from the access key (each key is
 * registered to an account, as STS would), service and region from the SigV4 credential scope, and the operation
 * from {@code X-Amz-Target} (JSON protocols), {@code Action=} (query protocols), the RPC v2 path (CBOR) or the
 * method and path (REST). Responses live in {@code <root>/<account>/<region>/<service>/<Operation>[.<subject>].json|xml};
 * a {@code .error} file holding {@code STATUS CODE message} makes the call fail in the protocol's error shape.
 */
final class ReplayServer implements AutoCloseable {

    enum Protocol { AWS_JSON, REST_JSON, CBOR, QUERY, EC2, REST_XML }

    record Call(String account, String region, String service, String operation, String subject, Protocol protocol) {
        String key() {
            return account + "/" + region + "/" + service + "/" + operation + (subject.isEmpty() ? "" : "." + subject);
        }
    }

    private record Route(String service, String method, Pattern path, String operation) {
    }

    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    /** JSON-protocol operations whose per-item files are named by one request member. */
    private static final Map<String, String> SUBJECT_MEMBERS = Map.of(
            "GetTrailStatus", "Name", "GetEventSelectors", "TrailName", "GetKeyPolicy", "KeyId",
            "GetKeyRotationStatus", "KeyId", "DescribePolicy", "PolicyId", "ListTargetsForPolicy", "PolicyId",
            "ListDiscoveredResources", "resourceType");

    private static final List<Route> REST = List.of(
            new Route("guardduty", "GET", Pattern.compile("/detector"), "ListDetectors"),
            new Route("guardduty", "GET", Pattern.compile("/detector/([^/]+)"), "GetDetector"),
            new Route("guardduty", "GET", Pattern.compile("/detector/([^/]+)/administrator"), "GetAdministratorAccount"),
            new Route("guardduty", "GET", Pattern.compile("/admin"), "ListOrganizationAdminAccounts"),
            new Route("securityhub", "GET", Pattern.compile("/accounts"), "DescribeHub"),
            new Route("securityhub", "POST", Pattern.compile("/standards/get"), "GetEnabledStandards"),
            new Route("securityhub", "GET", Pattern.compile("/administrator"), "GetAdministratorAccount"),
            new Route("securityhub", "GET", Pattern.compile("/organization/admin"), "ListOrganizationAdminAccounts"),
            new Route("backup", "GET", Pattern.compile("/backup/plans/?"), "ListBackupPlans"),
            new Route("backup", "GET", Pattern.compile("/backup/plans/([^/]+)/?"), "GetBackupPlan"),
            new Route("backup", "GET", Pattern.compile("/backup/plans/([^/]+)/selections/?"), "ListBackupSelections"),
            new Route("backup", "GET", Pattern.compile("/backup/plans/([^/]+)/selections/([^/]+)/?"), "GetBackupSelection"),
            new Route("dlm", "GET", Pattern.compile("/policies"), "GetLifecyclePolicies"),
            new Route("s3", "GET", Pattern.compile("/v20180820/configuration/publicAccessBlock"), "GetPublicAccessBlock"));

    private final HttpServer server;
    private final Path root;
    private final Map<String, String> accountsByKey = new ConcurrentHashMap<>();
    private final Set<String> throttleOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, String> failuresOnce = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> forms = Collections.synchronizedList(new ArrayList<>());

    private ReplayServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static ReplayServer start(Path root) {
        try {
            return new ReplayServer(root);
        } catch (IOException cannotListen) {
            throw new IllegalStateException("cannot start the replay server on loopback", cannotListen);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests signed with {@code accessKey} are answered from {@code account}'s recordings. */
    ReplayServer account(String accessKey, String account) {
        accountsByKey.put(accessKey, account);
        return this;
    }

    /** The next call of {@code service}/{@code operation} is throttled once (HTTP 400 ThrottlingException). */
    void throttleOnce(String service, String operation) {
        throttleOnce.add(service + "/" + operation);
    }

    /** The next call of {@code service}/{@code operation} fails with {@code STATUS CODE message}; later ones do not. */
    void failOnce(String service, String operation, String statusCodeMessage) {
        failuresOnce.put(service + "/" + operation, statusCodeMessage);
    }

    /** Every call of {@code service}/{@code operation} fails with {@code STATUS CODE message}, recordings or not. */
    void fail(String service, String operation, String statusCodeMessage) {
        failures.put(service + "/" + operation, statusCodeMessage);
    }

    /** Every call seen, in arrival order. */
    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The form bodies of query-protocol calls, for asserting parameters (e.g. the role ARN STS was asked for). */
    List<String> forms() {
        synchronized (forms) {
            return List.copyOf(forms);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call = identify(exchange, body);
            calls.add(call);
            if (throttleOnce.remove(call.service() + "/" + call.operation())) {
                error(exchange, call.protocol(), 400, call.protocol() == Protocol.QUERY ? "Throttling"
                        : "ThrottlingException", "Rate exceeded");
                return;
            }
            String once = failuresOnce.remove(call.service() + "/" + call.operation());
            String failure = once != null ? once : failures.get(call.service() + "/" + call.operation());
            if (failure != null) {
                String[] parts = failure.split(" ", 3);
                error(exchange, call.protocol(), Integer.parseInt(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
                return;
            }
            Path base = root.resolve(call.account()).resolve(call.region()).resolve(call.service());
            String name = call.operation() + (call.subject().isEmpty() ? "" : "." + call.subject());
            Path errorFile = base.resolve(name + ".error");
            if (Files.exists(errorFile)) {
                String[] parts = Files.readString(errorFile).strip().split(" ", 3);
                error(exchange, call.protocol(), Integer.parseInt(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
                return;
            }
            Path json = base.resolve(name + ".json");
            Path xml = base.resolve(name + ".xml");
            if (Files.exists(xml)) {
                send(exchange, 200, "text/xml", Files.readAllBytes(xml), Map.of());
            } else if (Files.exists(json)) {
                success(exchange, call.protocol(), Files.readAllBytes(json));
            } else {
                error(exchange, call.protocol(), 400, "ReplayMissing", "no recording for " + call.key());
            }
        } catch (RuntimeException bug) {
            send(exchange, 500, "text/plain", String.valueOf(bug).getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private Call identify(HttpExchange exchange, byte[] body) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher scope = SCOPE.matcher(authorization);
        if (!scope.find()) {
            throw new IllegalStateException("unsigned request " + exchange.getRequestURI());
        }
        String account = accountsByKey.getOrDefault(scope.group(1), "unknown-key-" + scope.group(1));
        String region = scope.group(2);
        String service = scope.group(3);
        String path = exchange.getRequestURI().getPath();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (target != null) {
            String operation = target.substring(target.lastIndexOf('.') + 1);
            JsonNode request = body.length == 0 ? CliJsonNodes.object() : CliJsonNodes.JSON.readTree(body);
            String subject = request.path(SUBJECT_MEMBERS.getOrDefault(operation, "-")).asText("");
            String token = request.has("nextToken") ? request.path("nextToken").asText()
                    : request.path("NextToken").asText("");
            // File names avoid ':' (resource types like AWS::S3::Bucket are stored as AWS__S3__Bucket).
            String name = join(lastSegment(subject), token).replace(':', '_');
            return new Call(account, region, service, operation, name, Protocol.AWS_JSON);
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            String form = new String(body, StandardCharsets.UTF_8);
            forms.add(form);
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return new Call(account, region, service, params.getOrDefault("Action", ""),
                    params.getOrDefault("NextToken", ""), service.equals("ec2") ? Protocol.EC2 : Protocol.QUERY);
        }
        if (path.startsWith("/service/") && path.contains("/operation/")) {
            return new Call(account, region, service, path.substring(path.lastIndexOf('/') + 1), "", Protocol.CBOR);
        }
        for (Route route : REST) {
            Matcher m = route.path().matcher(path);
            if (route.service().equals(service) && route.method().equals(exchange.getRequestMethod()) && m.matches()) {
                List<String> subject = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    subject.add(m.group(g));
                }
                return new Call(account, region, service, route.operation(), String.join(".", subject),
                        service.equals("s3") ? Protocol.REST_XML : Protocol.REST_JSON);
            }
        }
        return new Call(account, region, service, exchange.getRequestMethod() + " " + path, "", Protocol.REST_JSON);
    }

    private static String join(String subject, String token) {
        if (token.isEmpty()) {
            return subject;
        }
        return subject.isEmpty() ? token : subject + "." + token;
    }

    private static String lastSegment(String value) {
        return value.contains("/") ? value.substring(value.lastIndexOf('/') + 1) : value;
    }

    private static void success(HttpExchange exchange, Protocol protocol, byte[] json) throws IOException {
        switch (protocol) {
            case CBOR -> send(exchange, 200, "application/cbor", cbor(CliJsonNodes.JSON.readTree(json)),
                    Map.of("smithy-protocol", "rpc-v2-cbor"));
            case AWS_JSON -> send(exchange, 200, "application/x-amz-json-1.1", json, Map.of());
            default -> send(exchange, 200, "application/json", json, Map.of());
        }
    }

    private static void error(HttpExchange exchange, Protocol protocol, int status, String code, String message)
            throws IOException {
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;");
        switch (protocol) {
            case QUERY -> send(exchange, status, "text/xml", ("<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + escaped + "</Message></Error><RequestId>replay</RequestId></ErrorResponse>")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            case EC2 -> send(exchange, status, "text/xml", ("<Response><Errors><Error><Code>" + code + "</Code><Message>"
                    + escaped + "</Message></Error></Errors><RequestID>replay</RequestID></Response>")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            case REST_XML -> send(exchange, status, "application/xml", ("<ErrorResponse><Error><Code>" + code
                    + "</Code><Message>" + escaped + "</Message></Error><RequestId>replay</RequestId></ErrorResponse>")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            case CBOR -> {
                var body = CliJsonNodes.object().put("__type", code).put("message", message);
                send(exchange, status, "application/cbor", cbor(body), Map.of("smithy-protocol", "rpc-v2-cbor"));
            }
            default -> {
                var body = CliJsonNodes.object().put("__type", code).put("message", message);
                send(exchange, status, "application/x-amz-json-1.1", CliJsonNodes.JSON.writeValueAsBytes(body),
                        Map.of("x-amzn-ErrorType", code));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                             Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "replay");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** JSON to CBOR as RPC v2 sends it: members named *Timestamp become epoch-seconds timestamps (tag 1). */
    private static byte[] cbor(JsonNode json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = new CBORFactory().createGenerator(out)) {
            writeCbor(json, "", generator);
        }
        return out.toByteArray();
    }

    private static void writeCbor(JsonNode node, String name, CBORGenerator out) throws IOException {
        if (node.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.writeFieldName(field.getKey());
                writeCbor(field.getValue(), field.getKey(), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                writeCbor(element, name, out);
            }
            out.writeEndArray();
        } else if (node.isTextual() && name.endsWith("Timestamp")) {
            out.writeTag(1);
            out.writeNumber(epochSeconds(node.asText()));
        } else if (node.isTextual()) {
            out.writeString(node.asText());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.asBoolean());
        } else if (node.isIntegralNumber()) {
            out.writeNumber(node.asLong());
        } else if (node.isNumber()) {
            out.writeNumber(node.asDouble());
        } else {
            out.writeNull();
        }
    }

    private static double epochSeconds(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return instant.getEpochSecond() + instant.getNano() / 1e9;
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException("recorded timestamp is not ISO-8601: " + text, notATime);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
