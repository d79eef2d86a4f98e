package com.timetracker.platform.internal;

import java.nio.file.Path;

import com.timetracker.platform.UnsafeConfigurationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedUntilTheFirstStops() throws Exception {
        DataDirectoryLock first = new DataDirectoryLock(dataDir);

        assertThatThrownBy(() -> new DataDirectoryLock(dataDir))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("already running on the data directory " + dataDir);

        first.close();
        assertThatCode(() -> new DataDirectoryLock(dataDir).close()).doesNotThrowAnyException();
    }
}
