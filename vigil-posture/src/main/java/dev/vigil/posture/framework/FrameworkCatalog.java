package dev.vigil.posture.framework;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The frameworks a run can report against: the built-in ones, then the user's {@code --framework-file} files, in
 * that order. Ids are unique: a user file reusing a built-in id is refused rather than silently replacing it, so a
 * report titled "PCI DSS" is always Vigil's mapping unless the user renamed theirs.
 */
public final class FrameworkCatalog {

    private final Map<String, Framework> byId;

    private FrameworkCatalog(Map<String, Framework> byId) {
        this.byId = byId;
    }

    /** The built-in frameworks only. */
    public static FrameworkCatalog builtIn() {
        return of(FrameworkLoader.builtIns());
    }

    /** The built-in frameworks and the user's files, loaded in the order given. */
    public static FrameworkCatalog withFiles(List<Path> frameworkFiles) {
        List<Framework> all = new ArrayList<>(FrameworkLoader.builtIns());
        for (Path file : frameworkFiles) {
            all.add(FrameworkLoader.load(file));
        }
        return of(all);
    }

    /**
     * A catalogue of the given frameworks.
     *
     * @throws FrameworkFileException when two frameworks share an id (naming both sources)
     */
    public static FrameworkCatalog of(Collection<Framework> frameworks) {
        Map<String, Framework> byId = new LinkedHashMap<>();
        for (Framework f : frameworks) {
            Framework earlier = byId.putIfAbsent(f.id(), f);
            if (earlier != null) {
                throw new FrameworkFileException(f.source(), 0, "framework id '" + f.id() + "' is already used by "
                        + earlier.source() + "; give this file another id");
            }
        }
        return new FrameworkCatalog(byId);
    }

    /** Framework ids, built-in first, in catalogue order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<Framework> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Framework> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The frameworks named, in the order named; every framework when the list is empty.
     *
     * @throws IllegalArgumentException for an unknown id, listing the known ones
     */
    public List<Framework> select(List<String> ids) {
        if (ids.isEmpty()) {
            return all();
        }
        List<Framework> out = new ArrayList<>();
        for (String id : ids) {
            Framework f = byId.get(id);
            if (f == null) {
                throw new IllegalArgumentException("unknown framework '" + id + "'; known: " + String.join(", ", ids())
                        + " (vigil posture --list-frameworks)");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
