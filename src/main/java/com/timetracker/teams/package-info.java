/**
 * Teams: teams and their memberships (owner, admin, member) — the only tenancy V1 had.
 */
package com.timetracker.teams;
