package com.timetracker.identity.internal;

import com.timetracker.platform.ApiException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How administrators' addresses and ranges are read, spelled and matched. */
class IpRangeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "203.0.113.7, 203.0.113.7", "' 203.0.113.7 ', 203.0.113.7", "203.0.113.7/32, 203.0.113.7",
            "192.168.1.77/24, 192.168.1.0/24", "0.0.0.0/0, 0.0.0.0/0", "10.255.255.255/8, 10.0.0.0/8",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1", "2001:db8::/32, 2001:db8::/32", "2001:db8:abcd:12::1/48, 2001:db8:abcd::/48",
            "0:0:0:0:0:0:0:1, ::1", "::, ::", "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1", "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "fe80:0:0:0:1:0:0:0, fe80::1:0:0:0", "::ffff:192.0.2.1, 192.0.2.1", "::ffff:10.0.0.0/104, 10.0.0.0/8"})
    void spellsEveryRangeOneWay(String input, String canonical) {
        assertThat(IpRange.parse(input, "ip_address").toString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "300.1.1.1", "1.2.3", "1.2.3.4.5", "10.0.0.0/33", "10.0.0.0/", "1.2.3.4/x", "2001:db8::/129",
            "1:2", "::g", "fe80::1%eth0", "example.com", "010.1.1.1", "1.2.3.04", "::ffff:10.0.0.0/95", "[::1]"})
    void refusesWhatIsNotAnAddressOrRange(String input) {
        assertThatThrownBy(() -> IpRange.parse(input, "ip_address")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("validation_error"));
    }

    @Test
    void matchesAddressesInsideTheRangeOnly() {
        IpRange v4 = IpRange.parse("192.0.2.128/25", "ip_address");
        assertThat(v4.contains(IpRange.bytes("192.0.2.128").orElseThrow())).isTrue();
        assertThat(v4.contains(IpRange.bytes("192.0.2.255").orElseThrow())).isTrue();
        assertThat(v4.contains(IpRange.bytes("192.0.2.127").orElseThrow())).isFalse();
        assertThat(v4.contains(IpRange.bytes("::ffff:192.0.2.200").orElseThrow())).as("IPv4-mapped").isTrue();
        assertThat(v4.contains(IpRange.bytes("2001:db8::1").orElseThrow())).isFalse();

        IpRange v6 = IpRange.parse("2001:db8:8000::/33", "ip_address");
        assertThat(v6.contains(IpRange.bytes("2001:db8:ffff::1").orElseThrow())).isTrue();
        assertThat(v6.contains(IpRange.bytes("2001:db8:7fff::1").orElseThrow())).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0", "ip_address").contains(IpRange.bytes("8.8.8.8").orElseThrow())).isTrue();
    }

    @Test
    void aClientAddressIsReadAsTheJdkReadsItAndNeverResolved() {
        assertThat(IpRange.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(IpRange.canonical("fe80:0:0:0:0:0:0:1%1")).isEqualTo("fe80::1");
        assertThat(IpRange.bytes("localhost")).isEmpty();
        assertThat(IpRange.parseAddress("::1", "ip").spellings()).containsExactly("::1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void loopbackIsAlwaysAllowedAndAllowBeatsDeny() {
        IpRuleSet rules = IpRuleSet.EMPTY.with(IpRuleSet.Kind.ALLOW, IpRange.parse("192.0.2.10", "ip"))
                .with(IpRuleSet.Kind.DENY, IpRange.parse("192.0.2.0/24", "ip"));
        assertThat(rules.decide("192.0.2.10")).isEqualTo(IpRuleSet.Verdict.ALLOWED);
        assertThat(rules.decide("192.0.2.11")).isEqualTo(IpRuleSet.Verdict.DENIED);
        assertThat(rules.decide("198.51.100.1")).isEqualTo(IpRuleSet.Verdict.NOT_ALLOWED);
        assertThat(rules.decide("127.0.0.1")).isEqualTo(IpRuleSet.Verdict.ALLOWED);
        assertThat(rules.decide("0:0:0:0:0:0:0:1")).isEqualTo(IpRuleSet.Verdict.ALLOWED);
        assertThat(rules.decide("garbage")).as("unreadable, with an allow list").isEqualTo(IpRuleSet.Verdict.NOT_ALLOWED);
        assertThat(rules.without(IpRuleSet.Kind.ALLOW, IpRange.parse("192.0.2.10", "ip")).decide("198.51.100.1"))
                .as("no allow list: only deny rules refuse").isEqualTo(IpRuleSet.Verdict.ALLOWED);
    }
}
