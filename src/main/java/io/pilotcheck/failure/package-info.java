/** How a failure is told: below every step, so that each says it the same way. */
package io.pilotcheck.failure;
