/** Posture results written for other tools: OCSF Compliance Findings (class 2003) as JSON lines. */
package dev.vigil.posture.output;
