/**
 * Operations: monitoring endpoints for probes and operators, the {@code preflight} command that
 * checks a deployment before it goes live, and the pg_dump backup taken before migrations.
 */
package com.timetracker.ops;
