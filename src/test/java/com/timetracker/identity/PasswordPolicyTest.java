package com.timetracker.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One row per rule of V1's policy (reference §4.2): a password that breaks only that rule. */
class PasswordPolicyTest {

    @Test
    void aStrongPasswordMeetsEveryRequirement() {
        assertThat(PasswordPolicy.unmetRequirements("Tr1cky-Harbor-Lamp")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Sh0rt-Pass!   | at least 12 characters",
            "lowercase-only-9x   | uppercase letter",
            "UPPERCASE-ONLY-9X   | lowercase letter",
            "No-Digits-Here-Ok   | digit",
            "NoSpecials9Herex    | special character",
            "Xy9-abcd-Lamp-Tree  | sequential",
            "Xy9-Lamp-8765-Tree  | sequential",
            "Xy9-Laaamp-Tree     | 3 or more times",
            "Password123!        | too common",
    })
    void eachRuleIsReported(String password, String expectedMessage) {
        assertThat(PasswordPolicy.unmetRequirements(password.strip()))
                .singleElement().asString().containsIgnoringCase(expectedMessage);
    }

    @Test
    void everyUnmetRuleIsListedAtOnce() {
        assertThat(PasswordPolicy.unmetRequirements("aaaa")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void lengthIsCappedAt128() {
        String longPassword = "Ab1-" + "xY7-".repeat(40);
        assertThat(PasswordPolicy.unmetRequirements(longPassword)).anySatisfy(m -> assertThat(m).contains("at most 128"));
    }
}
