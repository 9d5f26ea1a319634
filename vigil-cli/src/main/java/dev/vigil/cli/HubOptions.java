package dev.vigil.cli;

import dev.vigil.hub.analysis.AssetCatalog;
import dev.vigil.hub.analysis.AssetFileException;
import dev.vigil.hub.analysis.CorrelationOptions;
import dev.vigil.hub.routing.RoutingConfig;
import dev.vigil.hub.routing.RoutingConfigException;
import dev.vigil.hub.routing.RoutingConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What happens in the findings hub after findings are stored: the asset file that weighs risk, the correlation
 * window, and the routing file that says who hears about new findings. Shared by scan, import, rescore and deliver.
 */
final class HubOptions {

    @Option(names = "--routes", paramLabel = "FILE", defaultValue = "${env:VIGIL_ROUTES}",
            description = "Routing file: who is notified or gets a ticket when a finding is created, escalates, "
                    + "reopens or is resolved (docs/hub.md; env VIGIL_ROUTES). Without it nobody is contacted.")
    Path routes;

    @Option(names = "--assets", paramLabel = "FILE", defaultValue = "${env:VIGIL_ASSETS}",
            description = "Asset file rating resources' criticality for the risk score (docs/hub.md; env VIGIL_ASSETS).")
    Path assets;

    @Option(names = "--correlation-window", paramLabel = "DURATION", defaultValue = "24h",
            description = "Findings sharing a principal, access key or resource this close in time form an incident "
                    + "candidate (default: ${DEFAULT-VALUE}; e.g. 6h, 2d).")
    String window;

    /** Where {@code ${env:NAME}} references in the routing file are resolved; tests replace it. */
    static java.util.function.Supplier<java.util.Map<String, String>> environment = System::getenv;

    HubSettings settings() {
        return new HubSettings(routing(), assetCatalog(), correlation());
    }

    private Optional<RoutingConfig> routing() {
        if (routes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RoutingConfigLoader.load(routes, environment.get()));
        } catch (RoutingConfigException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private AssetCatalog assetCatalog() {
        if (assets == null) {
            return AssetCatalog.empty();
        }
        try {
            return AssetCatalog.load(assets);
        } catch (AssetFileException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private CorrelationOptions correlation() {
        Duration d = TimeArgument.duration(window, "--correlation-window");
        return CorrelationOptions.defaults().withWindow(d);
    }

    /** The hub settings when the user gave no options: no routing, no asset file, the default window. */
    static HubSettings defaults() {
        return new HubSettings(Optional.empty(), AssetCatalog.empty(), CorrelationOptions.defaults());
    }
}
