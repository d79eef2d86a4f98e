package com.timetracker.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void readsV1AsyncpgUrlAsIs() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+asyncpg://timetracker:s3cr%40t+x@timetracker-db:5432/timetracker");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://timetracker-db:5432/timetracker");
        assertThat(url.username()).isEqualTo("timetracker");
        assertThat(url.password()).isEqualTo("s3cr@t+x");
    }

    @Test
    void acceptsPostgresAndJdbcFormsAndDefaultsThePort() {
        assertThat(DatabaseUrl.parse("postgres://u:p@db/app").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db:6543/app").port()).isEqualTo(6543);
    }

    @Test
    void keepsDriverOptionsAndTranslatesAsyncpgSsl() {
        assertThat(DatabaseUrl.parse("postgresql+asyncpg://u:p@db/app?ssl=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://u:p@db/app?sslmode=verify-full&connectTimeout=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=verify-full&connectTimeout=5");
    }

    @Test
    void refusesWhatIsNotAPostgresUrlWithAClearMessage() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:p@db/app"))
                .hasMessageContaining("PostgreSQL URL").hasMessageContaining("mysql");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@db:5432"))
                .hasMessageContaining("no database name");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(DatabaseUrl.parse("postgresql://u:topsecret@db/app").toString()).doesNotContain("topsecret");
    }
}
