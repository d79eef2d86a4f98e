package com.timetracker.platform.internal;

import com.timetracker.platform.UnsafeConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused configuration as one clear problem and fix instead of a stack trace. */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsafeConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}
