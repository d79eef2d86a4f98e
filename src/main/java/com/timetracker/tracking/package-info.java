/**
 * Tracking: time entries, the timer (one running per user, enforced by the database), approvals
 * and activity alerts.
 */
package com.timetracker.tracking;
