package com.timetracker.platform;

import java.util.ArrayList;
import java.util.List;

/** Parses list settings the way V1 accepted them: a JSON array {@code ["a","b"]} or {@code a,b}. */
public final class SettingList {

    private SettingList() {
    }

    public static List<String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String text = raw.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        List<String> items = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.length() >= 2 && (item.startsWith("\"") && item.endsWith("\"")
                    || item.startsWith("'") && item.endsWith("'"))) {
                item = item.substring(1, item.length() - 1).strip();
            }
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }
}
