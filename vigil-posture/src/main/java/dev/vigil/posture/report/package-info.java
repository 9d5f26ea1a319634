/** The plain-text posture report for terminals, with every estate-derived string escaped. */
package dev.vigil.posture.report;
