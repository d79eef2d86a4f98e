package com.timetracker.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-Forwarded-For is believed only from TRUSTED_PROXIES, so a client cannot pick its own address. */
class ClientAddressTest {

    private static String clientOf(ClientAddress addresses, String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return addresses.of(request);
    }

    private static final ClientAddress DEFAULTS = new ClientAddress(new MockEnvironment());

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        assertThat(clientOf(DEFAULTS, "203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        assertThat(clientOf(DEFAULTS, "127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(clientOf(DEFAULTS, "172.18.0.2", "198.51.100.1, 10.0.0.7")).as("through two proxies").isEqualTo("198.51.100.1");
        assertThat(clientOf(DEFAULTS, "::1", "198.51.100.1")).isEqualTo("198.51.100.1");
        // the client forged the first entry; the proxy appended the address it really saw
        assertThat(clientOf(DEFAULTS, "127.0.0.1", "1.2.3.4, 198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void aGarbledHeaderIsIgnoredAndNoHeaderMeansThePeer() {
        assertThat(clientOf(DEFAULTS, "127.0.0.1", "evil.example.com")).isEqualTo("127.0.0.1");
        assertThat(clientOf(DEFAULTS, "127.0.0.1", "198.51.100.1, <script>")).isEqualTo("127.0.0.1");
        assertThat(clientOf(DEFAULTS, "127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void configuredProxiesReplaceTheDefaults() {
        ClientAddress addresses = new ClientAddress(new MockEnvironment().withProperty("TRUSTED_PROXIES", "[\"192.0.2.0/24\", \"2001:db8::1\"]"));

        assertThat(clientOf(addresses, "127.0.0.1", "198.51.100.1")).as("loopback is no longer trusted").isEqualTo("127.0.0.1");
        assertThat(clientOf(addresses, "192.0.2.44", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(clientOf(addresses, "2001:db8::1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void aProxyThatIsNotAnAddressStopsStartup() {
        assertThatThrownBy(() -> new ClientAddress(new MockEnvironment().withProperty("TRUSTED_PROXIES", "proxy.internal")))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddress(new MockEnvironment().withProperty("TRUSTED_PROXIES", "10.0.0.0/33")))
                .isInstanceOf(UnsafeConfigurationException.class);
    }
}
