package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns any AWS SDK v2 response into the JSON that {@code aws SERVICE OPERATION --output json} prints for it, so a
 * live collection and an offline export of the same estate give equal documents.
 *
 * <p>Generic on purpose: it walks {@link SdkPojo#sdkFields()} and names each member by its model name
 * ({@link SdkField#memberName()}), which is what the CLI prints, not the wire name (EC2's {@code regionInfo} prints
 * as {@code Regions}, GuardDuty's {@code detectorIds} as {@code DetectorIds}). Values are the nodes Jackson builds
 * when it reads the CLI's printed text (a {@code long} that fits an int is an int node), so a collected document
 * equals the same document read from an export file. Members the service did not send are
 * left out, as the CLI leaves them out: the SDK stands in empty "auto-construct" lists and maps for those. Timestamps
 * print as ISO-8601 with a {@code +00:00} offset and blobs as base64, as the CLI prints them.
 */
public final class CliJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private CliJson() {
    }

    /** The CLI-shaped JSON object of one response (or any modelled structure). */
    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (!absent(value)) {
                out.set(field.memberName(), value(value));
            }
        }
        return out;
    }

    /**
     * A timestamp as the AWS CLI prints it: {@code 2024-05-01T10:00:00+00:00}, with microseconds when the value has a
     * fraction of a second ({@code 2024-05-01T10:00:00.250000+00:00}).
     */
    public static String timestamp(Instant instant) {
        String seconds = SECONDS.format(instant);
        int micros = instant.getNano() / 1000;
        return micros == 0 ? seconds + "+00:00" : seconds + String.format(".%06d+00:00", micros);
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>;
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case SdkPojo pojo -> toJson(pojo);
            case List<?> list -> array(list);
            case Map<?, ?> map -> object(map);
            case String text -> NODES.textNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer number -> NODES.numberNode(number);
            case Short number -> NODES.numberNode(number.intValue());
            case Byte number -> NODES.numberNode(number.intValue());
            case Long number -> integral(BigInteger.valueOf(number));
            case BigInteger number -> integral(number);
            case Double number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(Double.parseDouble(number.toString()));
            case BigDecimal number -> decimal(number);
            case Instant instant -> NODES.textNode(timestamp(instant));
            case SdkBytes bytes -> NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
            case Document document -> document(document);
            case Enum<?> constant -> NODES.textNode(constant.toString());
            default -> NODES.textNode(value.toString());
        };
    }

    /**
     * Numbers as Jackson reads them back from the CLI's text (int when it fits, then long, then big integer), so a
     * member typed {@code long} equals the same number read from an export file.
     */
    private static JsonNode integral(BigInteger number) {
        if (number.bitLength() < 32) {
            return NODES.numberNode(number.intValue());
        }
        return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
    }

    private static JsonNode decimal(BigDecimal number) {
        if (number.scale() <= 0) {
            return integral(number.toBigInteger());
        }
        return NODES.numberNode(number.doubleValue());
    }

    private static ArrayNode array(List<?> list) {
        ArrayNode out = NODES.arrayNode();
        list.forEach(element -> out.add(value(element)));
        return out;
    }

    private static ObjectNode object(Map<?, ?> map) {
        ObjectNode out = NODES.objectNode();
        map.forEach((key, element) -> out.set(String.valueOf(key), value(element)));
        return out;
    }

    private static JsonNode document(Document document) {
        if (document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        if (document.isString()) {
            return NODES.textNode(document.asString());
        }
        if (document.isNumber()) {
            SdkNumber number = document.asNumber();
            return decimal(number.bigDecimalValue());
        }
        if (document.isList()) {
            ArrayNode out = NODES.arrayNode();
            document.asList().forEach(element -> out.add(document(element)));
            return out;
        }
        ObjectNode out = NODES.objectNode();
        document.asMap().forEach((key, element) -> out.set(key, document(element)));
        return out;
    }
}
