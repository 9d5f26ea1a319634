/**
 * Detections over VPC Flow Logs modelled on GuardDuty's flow-log finding types, plus Vigil's own checks of flows
 * against the network configuration. {@link dev.vigil.engine.network.FlowDetections} is the detector,
 * {@link dev.vigil.engine.network.FlowDetectionSettings} its thresholds, and
 * {@link dev.vigil.engine.network.NetworkPolicy} the question it asks the inventory. docs/network-detections.md
 * describes every detection.
 */
package dev.vigil.engine.network;
