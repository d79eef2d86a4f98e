package com.timetracker.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretKeyRuleTest {

    @Test
    void acceptsALongRandomKey() {
        assertThat(SecretKeyRule.problem("q8Jf2LxVw9ZrTb4NcYk7Hs1PdGm6EaU3")).isEmpty();
    }

    @Test
    void refusesMissingShortPlaceholderAndLowEntropyKeys() {
        assertThat(SecretKeyRule.problem(null)).hasValueSatisfying(p -> assertThat(p).contains("not set"));
        assertThat(SecretKeyRule.problem("short-but-random-Xy7")).hasValueSatisfying(p -> assertThat(p).contains("at least 32"));
        assertThat(SecretKeyRule.problem("your-secret-key-here-change-in-production-please"))
                .hasValueSatisfying(p -> assertThat(p).contains("placeholder"));
        assertThat(SecretKeyRule.problem("abababababababababababababababababab"))
                .hasValueSatisfying(p -> assertThat(p).contains("distinct"));
    }
}
