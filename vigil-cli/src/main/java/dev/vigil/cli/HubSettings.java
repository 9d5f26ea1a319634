package dev.vigil.cli;

import dev.vigil.hub.analysis.AssetCatalog;
import dev.vigil.hub.analysis.CorrelationOptions;
import dev.vigil.hub.routing.RoutingConfig;

import java.util.Optional;

/**
 * The findings hub's settings for one command.
 *
 * @param routing     who to notify, or empty for nobody
 * @param assets      the asset file for risk scoring
 * @param correlation how incident candidates are formed
 */
record HubSettings(Optional<RoutingConfig> routing, AssetCatalog assets, CorrelationOptions correlation) {
}
