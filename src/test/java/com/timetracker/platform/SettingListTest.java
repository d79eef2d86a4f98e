package com.timetracker.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingListTest {

    @Test
    void readsV1JsonListForm() {
        assertThat(SettingList.parse("[\"https://a.example\", \"http://localhost:3000\"]"))
                .containsExactly("https://a.example", "http://localhost:3000");
    }

    @Test
    void readsCommaSeparatedFormAndDropsBlanks() {
        assertThat(SettingList.parse(" a.example, ,b.example ,")).containsExactly("a.example", "b.example");
        assertThat(SettingList.parse("  ")).isEmpty();
        assertThat(SettingList.parse(null)).isEmpty();
    }
}
