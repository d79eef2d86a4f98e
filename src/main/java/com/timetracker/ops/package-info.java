/**
 * Operations: monitoring endpoints for probes and operators; later the preflight command and the
 * backup hook that runs before migrations.
 */
package com.timetracker.ops;
