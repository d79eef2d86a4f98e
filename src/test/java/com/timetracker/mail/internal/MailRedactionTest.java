package com.timetracker.mail.internal;

import java.util.Set;

import com.timetracker.mail.OutgoingMail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailRedactionTest {

    @Test
    void theSecretsAreRecoveredFromTheStoredMessageItself() {
        OutgoingMail mail = new OutgoingMail("gil@example.com", "Code 8812", "Use code 8812 or open /reset?t=ab12cd34ef",
                "<a href=\"/reset?t=ab12cd34ef\">reset</a>", Set.of("8812", "ab12cd34ef", "not-in-the-mail"));

        String spans = SecretSpans.locate(mail);

        assertThat(spans).doesNotContain("8812").doesNotContain("ab12cd34ef");
        assertThat(SecretSpans.recover(spans, mail.to(), mail.subject(), mail.textBody(), mail.htmlBody()))
                .containsExactlyInAnyOrder("8812", "ab12cd34ef");
    }

    @Test
    void aSecretContainingAnotherIsRedactedWhole() {
        Redaction redaction = new Redaction(Set.of("abc", "xxabcxx"));

        assertThat(redaction.apply("token xxabcxx and abc")).isEqualTo("token [redacted] and [redacted]");
    }

    @Test
    void aMailThatCouldInjectHeadersIsRefused() {
        assertThatThrownBy(() -> new OutgoingMail("a@example.com\r\nBcc: all@example.com", "Hi", "text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.com", "Hi\r\nBcc: all@example.com", "text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.com", "Hi", "text", null, Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
