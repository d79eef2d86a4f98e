package com.timetracker.mail.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.timetracker.mail.OutgoingMail;

/**
 * Where a mail's secrets sit in its own stored text, as {@code part:offset:length} entries
 * ({@code s} subject, {@code t} text body, {@code h} HTML body, {@code r} recipient). Delivery
 * recovers the secrets from the stored message to redact errors, so the outbox never keeps a
 * second copy of a secret. A secret found in no part cannot leak through the message at all.
 */
final class SecretSpans {

    private SecretSpans() {
    }

    static String locate(OutgoingMail mail) {
        List<String> spans = new ArrayList<>();
        for (String secret : mail.secrets()) {
            for (char part : new char[] {'s', 't', 'h', 'r'}) {
                String text = part(part, mail.to(), mail.subject(), mail.textBody(), mail.htmlBody());
                int at = text == null ? -1 : text.indexOf(secret);
                if (at >= 0) {
                    spans.add(part + ":" + at + ":" + secret.length());
                    break;
                }
            }
        }
        return String.join(",", spans);
    }

    static Set<String> recover(String spans, String recipient, String subject, String textBody, String htmlBody) {
        Set<String> secrets = new LinkedHashSet<>();
        if (spans == null || spans.isBlank()) {
            return secrets;
        }
        for (String span : spans.split(",")) {
            String[] field = span.split(":");
            String text = part(field[0].charAt(0), recipient, subject, textBody, htmlBody);
            int from = Integer.parseInt(field[1]);
            int to = from + Integer.parseInt(field[2]);
            if (text != null && to <= text.length()) {
                secrets.add(text.substring(from, to));
            }
        }
        return secrets;
    }

    private static String part(char part, String recipient, String subject, String textBody, String htmlBody) {
        return switch (part) {
            case 's' -> subject;
            case 't' -> textBody;
            case 'h' -> htmlBody;
            case 'r' -> recipient;
            default -> throw new IllegalArgumentException("unknown message part " + part);
        };
    }
}
