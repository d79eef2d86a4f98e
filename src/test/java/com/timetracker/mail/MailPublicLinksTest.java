package com.timetracker.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailPublicLinksTest {

    @Test
    void linksJoinBaseAndPathWithExactlyOneSlash() {
        for (String base : new String[] {"https://tt.example.com", "https://tt.example.com/", "https://tt.example.com//"}) {
            PublicLinks links = PublicLinks.of(base);
            assertThat(links.link("/reset-password?token=abc")).isEqualTo("https://tt.example.com/reset-password?token=abc");
            assertThat(links.link("invite?token=abc")).isEqualTo("https://tt.example.com/invite?token=abc");
            assertThat(links.link("")).isEqualTo("https://tt.example.com/");
        }
    }

    @Test
    void anAppUnderASubPathKeepsItsPath() {
        assertThat(PublicLinks.of("http://intranet.local:8080/timetracker/").link("/login"))
                .isEqualTo("http://intranet.local:8080/timetracker/login");
    }

    @Test
    void onlyAbsoluteHttpUrlsAreAccepted() {
        for (String bad : new String[] {"tt.example.com", "/timetracker", "ftp://tt.example.com", "https://", "https://tt.example.com/?x=1", ""}) {
            assertThatThrownBy(() -> PublicLinks.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PublicLinks.of("https://tt.example.com").link("https://evil.example/login"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
