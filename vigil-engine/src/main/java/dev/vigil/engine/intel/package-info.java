/**
 * Threat intelligence: indicator sets loaded from the files the user provides (plain lists, CSV, STIX 2.1, MISP,
 * Tor exit lists, configured by intel.yaml) into {@link dev.vigil.engine.intel.ThreatIntel}, an immutable
 * {@link dev.vigil.engine.intel.IpReputation} that answers in O(log n) with the strongest indicator valid at a time;
 * and AWS's published address ranges ({@link dev.vigil.engine.intel.AwsAddressRanges}). Loading reads files (the one
 * exception to the engine's purity, like rule loading); lookups are pure. See docs/threat-intel.md.
 */
package dev.vigil.engine.intel;
