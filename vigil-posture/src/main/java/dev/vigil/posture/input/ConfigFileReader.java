package dev.vigil.posture.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.formats.input.InputOpener;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads a JSON input file (gzip recognised by content) with Jackson's streaming parser and decides what it is from
 * its top-level keys: AWS Config items ({@code configurationItems}, {@code baseConfigurationItems}, {@code Results})
 * and a bare array of items are read one at a time and handed on, so a gigabyte snapshot never sits in memory
 * whole; CloudTrail
 * ({@code Records}, or records themselves) is recognised and left to the CloudTrail reader.
 *
 * <p>A bad item is skipped with a problem naming its index and line, and reading carries on. A JSON syntax error
 * cannot be stepped over by a streaming parser, so it ends the file's reading; items before it are kept. Several
 * top-level objects in one file (CLI pages appended together) are each read.
 */
final class ConfigFileReader {

    /** What the file was. */
    sealed interface Outcome {
        /** Config items were read (possibly none, possibly with problems). */
        record Config(InputKind kind) implements Outcome {
        }

        /** CloudTrail records: read it with the CloudTrail reader. */
        record CloudTrail() implements Outcome {
        }

        /** Not something posture reads, or broken before anything could be used; {@code message} says which. */
        record Skipped(String reason, String position, String message) implements Outcome {
        }
    }

    /** Keys of a CloudTrail record, or of a digest file (which the CloudTrail reader recognises and sets aside). */
    private static final Set<String> CLOUDTRAIL_RECORD_KEYS =
            Set.of("eventVersion", "eventTime", "eventSource", "eventName", "digestStartTime");
    private static final int KEYS_NAMED = 8;

    private final ReadLimits limits;
    private final JsonFactory factory;
    private final ObjectMapper mapper;
    private final ConfigItemDecoder decoder;

    ConfigFileReader(ReadLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(500)
                        // above the item budget, so the budget is what stops an oversized item
                        .maxStringLength((int) Math.min(limits.maxItemBytes() * 2 + 1024, Integer.MAX_VALUE - 64))
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
        this.decoder = new ConfigItemDecoder(mapper);
    }

    Outcome read(Path path, String display, Consumer<ConfigItem> items, ReadTally tally) {
        FileState st = new FileState(display, items, tally);
        try (InputStream raw = InputOpener.open(path, new LongAdder(), limits.maxDecompressedBytes());
             ItemBudgetStream in = new ItemBudgetStream(raw, limits.maxItemBytes());
             JsonParser p = factory.createParser(in)) {
            st.budget = in;
            return st.readTopLevel(p);
        } catch (ItemBudgetStream.ItemTooLarge e) {
            return st.stopped("item-too-large", st.itemPosition(), "item " + st.index + " is " + e.getMessage()
                    + "; stopped reading the file (the items before it were kept)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            return st.stopped("invalid-json", position, "invalid JSON (" + Shown.of(e.getOriginalMessage(), 200)
                    + "); stopped reading the file" + (st.kind == null ? "" : " (the items before it were kept)"));
        } catch (InputOpener.DecompressionLimitExceeded e) {
            return st.stopped("decompression-limit", "", e.getMessage() + "; the rest of the file was not read");
        } catch (EOFException e) {
            return st.stopped("truncated-gzip", "", "the compressed file ends early (truncated download or copy?); "
                    + "the items before the damage were kept");
        } catch (ZipException e) {
            return st.stopped("corrupt-gzip", "", "the compressed data is corrupt ("
                    + Shown.of(e.getMessage(), 200) + ")");
        } catch (IOException e) {
            return st.stopped("unreadable", "", "cannot read the file (" + Shown.of(e.getMessage(), 200)
                    + "); check that it exists and is readable");
        }
    }

    /** Reading state of one file. */
    private final class FileState {
        final String display;
        final Consumer<ConfigItem> items;
        final ReadTally tally;
        ItemBudgetStream budget;
        InputKind kind;
        boolean snapshot;
        long index;
        long itemLine;

        FileState(String display, Consumer<ConfigItem> items, ReadTally tally) {
            this.display = display;
            this.items = items;
            this.tally = tally;
        }

        Outcome readTopLevel(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Outcome.Skipped("empty", "", "the file is empty; skipped it");
            }
            if (t == JsonToken.START_ARRAY) {
                return bareArray(p);
            }
            Set<String> keys = new LinkedHashSet<>();
            while (t != null) {
                if (t != JsonToken.START_OBJECT) {
                    if (kind == null) {
                        return new Outcome.Skipped("not-json-object", "",
                                "not a JSON object (neither AWS Config nor CloudTrail data); skipped it");
                    }
                    break;
                }
                if (object(p, keys)) {
                    return new Outcome.CloudTrail();
                }
                t = p.nextToken();
            }
            if (kind == null) {
                return new Outcome.Skipped("not-posture-input", "", "JSON, but neither AWS Config items nor CloudTrail "
                        + "records (top-level keys: " + describe(keys) + "); skipped it");
            }
            return new Outcome.Config(finalKind());
        }

        /** One top-level object; true when it is CloudTrail. */
        private boolean object(JsonParser p, Set<String> keys) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (kind == null && (CLOUDTRAIL_RECORD_KEYS.contains(name)
                        || (name.equals("Records") && value == JsonToken.START_ARRAY))) {
                    return true;
                }
                InputKind container = containerKind(name);
                if (container != null && value == JsonToken.START_ARRAY) {
                    if (kind == null) {
                        kind = container;
                    }
                    array(p, container == InputKind.CONFIG_QUERY);
                    continue;
                }
                if (name.equals("configSnapshotId")) {
                    snapshot = true;
                }
                if (keys.size() < KEYS_NAMED) {
                    keys.add(name);
                }
                p.skipChildren();
            }
            return false;
        }

        /**
         * A top-level array: Config items when its first element looks like one (what
         * {@code --query configurationItems} prints), else CloudTrail records for the CloudTrail reader to check.
         */
        private Outcome bareArray(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Outcome.CloudTrail();
            }
            JsonNode first = element(p);
            if (!first.has("resourceType") || !first.has("configurationItemCaptureTime")) {
                return new Outcome.CloudTrail();
            }
            kind = InputKind.CONFIG_HISTORY;
            accept(first, false);
            array(p, false);
            return new Outcome.Config(kind);
        }

        private void array(JsonParser p, boolean rowsAsText) throws IOException {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                accept(element(p), rowsAsText);
            }
        }

        /** Reads the element at the current token as a tree, within the item budget. */
        private JsonNode element(JsonParser p) throws IOException {
            index++;
            itemLine = p.currentTokenLocation().getLineNr();
            budget.arm();
            try {
                return mapper.readTree(p);
            } finally {
                budget.disarm();
            }
        }

        private void accept(JsonNode node, boolean rowAsText) {
            try {
                JsonNode item = rowAsText ? row(node) : node;
                items.accept(decoder.decode(item, display + "#item " + index));
                tally.itemRead();
            } catch (BadItem bad) {
                tally.itemSkipped();
                tally.problem(display, itemPosition(), bad.reason(), bad.getMessage() + "; skipped the item");
            }
        }

        /** An Advanced Query row: JSON text holding the item (an object is accepted too). */
        private JsonNode row(JsonNode node) throws BadItem {
            if (node.isObject()) {
                return node;
            }
            if (!node.isTextual()) {
                throw new BadItem("bad-row", "a query result row must be JSON text");
            }
            try {
                return mapper.readTree(node.asText());
            } catch (JsonProcessingException e) {
                throw new BadItem("bad-row", "the query result row is not valid JSON ("
                        + Shown.of(e.getOriginalMessage(), 200) + ")");
            }
        }

        String itemPosition() {
            return "item " + index + " (line " + itemLine + ")";
        }

        private InputKind finalKind() {
            return kind == InputKind.CONFIG_HISTORY && snapshot ? InputKind.CONFIG_SNAPSHOT : kind;
        }

        /** Reading ended early: a problem, and the file counts as read if items came out of it. */
        Outcome stopped(String reason, String position, String message) {
            if (kind == null) {
                return new Outcome.Skipped(reason, position, message);
            }
            tally.problem(display, position, reason, message);
            return new Outcome.Config(finalKind());
        }
    }

    private static InputKind containerKind(String key) {
        return switch (key) {
            case "configurationItems" -> InputKind.CONFIG_HISTORY;
            case "baseConfigurationItems" -> InputKind.CONFIG_BATCH;
            case "Results" -> InputKind.CONFIG_QUERY;
            default -> null;
        };
    }

    private static String describe(Set<String> keys) {
        if (keys.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.isEmpty() ? "" : ", ").append(Shown.of(k, 40));
        }
        return sb.toString();
    }
}
