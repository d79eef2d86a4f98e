package com.timetracker.realtime.internal;

import java.util.Map;

/**
 * A message for connected clients and who may receive it: members of {@code teamId}, the user
 * {@code userId}, and global admins. V1's envelope is {@code {type, data}}.
 */
record RealtimeMessage(String type, Map<String, Object> data, Long teamId, Long userId) {
}
