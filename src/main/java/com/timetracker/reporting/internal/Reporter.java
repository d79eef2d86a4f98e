package com.timetracker.reporting.internal;

import java.time.ZoneId;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.Role;

/** Who a template report is generated for and in which zone: the caller, or a scheduled report's owner. */
record Reporter(long id, Role role, ZoneId zone) {

    static Reporter of(AuthenticatedUser user, ZoneId zone) {
        return new Reporter(user.id(), user.role(), zone);
    }
}
