/**
 * API-side threat findings over CloudTrail that need state or indicator sets: calls from listed and Tor addresses,
 * and EC2 instance credentials used outside AWS ({@link dev.vigil.engine.apithreat.ApiThreatDetections}). What a
 * single record decides (PenTest user agents) is a Sigma rule in the built-in pack instead.
 */
package dev.vigil.engine.apithreat;
