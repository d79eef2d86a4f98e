package com.timetracker.exports.internal;

/**
 * Whose entries an export may hold, decided by {@link EntryExports#scope} from the policies before any
 * row is read: everything (global admins), or only {@code userId}'s entries — the caller's own, or a
 * teammate's on the projects of the caller's teams.
 */
record EntryScope(boolean everything, long callerId, Long userId, Long projectId) {
}
