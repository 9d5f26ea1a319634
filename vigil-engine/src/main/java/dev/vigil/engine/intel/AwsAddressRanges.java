package dev.vigil.engine.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * AWS's published address ranges, from a copy of {@code ip-ranges.json} ({@code prefixes[].ip_prefix},
 * {@code ipv6_prefixes[].ipv6_prefix}, each with {@code service} and {@code region}): answers "is this address
 * inside AWS, and whose?". Vigil never downloads the file; the user provides it. Immutable and thread-safe.
 */
public final class AwsAddressRanges {

    /** The catch-all service name; a more specific service listed for the same block is preferred. */
    private static final String AMAZON = "AMAZON";

    private final AddressIndex index;
    private final int size;

    private AwsAddressRanges(AddressIndex index, int size) {
        this.index = index;
        this.size = size;
    }

    /** Reads an ip-ranges.json file; bad entries are problems ({@code FILE#line N}) and skipped. */
    public static AwsAddressRanges load(Path file, Consumer<Problem> problems) {
        IndexBuilder builder = new IndexBuilder();
        Map<String, Integer> services = new HashMap<>();
        String display = file.toString();
        try (InputStream in = IntelInput.open(file); JsonParser p = IntelJson.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.accept(new Problem(display + "#line 1", "not-ip-ranges", "ip-ranges.json is a JSON object"
                        + " with prefixes and ipv6_prefixes"));
            } else {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if ((name.equals("prefixes") || name.equals("ipv6_prefixes")) && t == JsonToken.START_ARRAY) {
                        prefixes(p, name.equals("prefixes") ? "ip_prefix" : "ipv6_prefix", builder, services,
                                display, problems);
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            problems.accept(IntelJson.broken(display, e));
        } catch (IOException e) {
            problems.accept(new Problem(display, "unreadable", "cannot read the AWS address ranges: "
                    + e.getMessage()));
        }
        return new AwsAddressRanges(new AddressIndex(builder.build()), builder.size());
    }

    private static void prefixes(JsonParser p, String key, IndexBuilder builder, Map<String, Integer> services,
                                 String display, Consumer<Problem> problems) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            String at = display + "#line " + IntelJson.line(p);
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                problems.accept(new Problem(at, "wrong-type", "each prefix is a JSON object"));
                continue;
            }
            String prefix = null;
            String service = AMAZON;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                String v = IntelJson.scalar(p);
                if (name.equals(key) && v != IntelJson.CONTAINER) {
                    prefix = v;
                } else if (name.equals("service") && v != null && v != IntelJson.CONTAINER) {
                    service = SetLoad.clean(v);
                }
            }
            if (prefix == null) {
                problems.accept(new Problem(at, "missing-prefix", "prefix entry without " + key));
                continue;
            }
            if (builder.full()) {
                return;
            }
            String s = service;
            int set = services.computeIfAbsent(s, n -> builder.addSet(n, IntelCategory.MALICIOUS, false));
            try {
                builder.add(set, AddressBlock.parse(prefix), s.equals(AMAZON) ? 1 : 50, Long.MIN_VALUE,
                        Long.MAX_VALUE);
            } catch (AddressBlock.Invalid e) {
                problems.accept(new Problem(at, e.reason(), e.getMessage()));
            }
        }
    }

    /** True when the address is in a published AWS range. */
    public boolean contains(CharSequence address) {
        return index.lookup(address, 0) != null;
    }

    /**
     * The AWS service a published range names for the address ({@code EC2}, {@code S3}, … rather than the catch-all
     * {@code AMAZON} when both list it), or null when it is not an AWS address.
     */
    public String serviceOf(CharSequence address) {
        IntelMatch m = index.lookup(address, 0);
        return m == null ? null : m.setName();
    }

    /** Prefixes loaded. */
    public int size() {
        return size;
    }
}
