package dev.vigil.hub.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user's statements about which assets matter (the {@code assets.yml} file). Entries are tried in file order
 * and the <em>first</em> matching entry wins, so users put specific entries (one bucket) before broad ones (a whole
 * account), as in a firewall rule list.
 */
public final class AssetCatalog {

    private static final AssetCatalog EMPTY = new AssetCatalog(List.of(), "");

    private final List<AssetEntry> entries;
    private final String source;

    AssetCatalog(List<AssetEntry> entries, String source) {
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    /** No entries: criticality then comes only from resource tags. */
    public static AssetCatalog empty() {
        return EMPTY;
    }

    /**
     * Reads and validates an asset file (UTF-8 YAML, at most {@link AssetFileReader#MAX_CHARS} characters).
     *
     * @throws AssetFileException naming every problem, or that the file could not be read
     */
    public static AssetCatalog load(Path file) throws AssetFileException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new AssetFileException(file.toString(), List.of(file + ": cannot read the asset file ("
                    + e.getMessage() + "); check the path and permissions"));
        }
    }

    /** Reads and validates asset-file text; {@code fileName} is used in error messages. */
    public static AssetCatalog parse(Reader reader, String fileName) throws AssetFileException {
        return new AssetCatalog(AssetFileReader.read(reader, fileName), fileName);
    }

    /** The file the entries came from, as given to {@link #load} or {@link #parse}; empty for {@link #empty()}. */
    public String source() {
        return source;
    }

    public List<AssetEntry> entries() {
        return entries;
    }

    /** The first entry matching the finding's resource, account and resource tags. */
    public Optional<AssetEntry> match(AnalysedFinding finding) {
        return match(finding.resource(), finding.account(), finding.resourceTags());
    }

    Optional<AssetEntry> match(String resource, String account, Map<String, String> tags) {
        for (AssetEntry entry : entries) {
            if (entry.matches(resource, account, tags)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** Tag keys (any case) whose value states a resource's criticality directly, e.g. {@code criticality=high}. */
    static final List<String> CRITICALITY_TAGS = List.of("criticality", "vigil:criticality");

    /** The criticality a resource's own tags state, when one of {@link #CRITICALITY_TAGS} holds a valid level. */
    static Optional<Map.Entry<String, Criticality>> fromTags(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (CRITICALITY_TAGS.contains(tag.getKey().strip().toLowerCase(Locale.ROOT))) {
                try {
                    return Optional.of(Map.entry(tag.getKey(), Criticality.parse(tag.getValue())));
                } catch (IllegalArgumentException notALevel) {
                    // A tag value that is no level ("tier-1") states nothing we can use; other tags may.
                }
            }
        }
        return Optional.empty();
    }
}
