package com.timetracker.identity.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

import com.timetracker.identity.PasswordHashing;
import com.timetracker.identity.PasswordPolicy;
import com.timetracker.platform.UnsafeConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * On a database without users, creates the first super admin from FIRST_SUPER_ADMIN_EMAIL and
 * FIRST_SUPER_ADMIN_PASSWORD, or with a random password printed once. Never a built-in credential;
 * once any user exists it never runs again, and concurrent first starts create exactly one.
 */
@Component
class FirstSuperAdmin implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@timetracker.local";
    private static final Logger log = LoggerFactory.getLogger(FirstSuperAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@";

    private final UserAccounts users;
    private final PasswordHashing hashing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Environment env;

    FirstSuperAdmin(UserAccounts users, PasswordHashing hashing, JdbcClient jdbc, TransactionTemplate transaction, Environment env) {
        this.users = users;
        this.hashing = hashing;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = env.getProperty("FIRST_SUPER_ADMIN_EMAIL");
        String password = env.getProperty("FIRST_SUPER_ADMIN_PASSWORD");
        boolean generated = !StringUtils.hasText(password);
        if (!generated) {
            List<String> unmet = PasswordPolicy.unmetRequirements(password);
            if (!unmet.isEmpty()) {
                throw new UnsafeConfigurationException("FIRST_SUPER_ADMIN_PASSWORD does not meet the password policy: " + String.join("; ", unmet) + ".",
                        "Set FIRST_SUPER_ADMIN_PASSWORD to a stronger password, or unset it to get a random one printed once.");
            }
        }
        String account = StringUtils.hasText(email) ? email.strip().toLowerCase(Locale.ROOT) : DEFAULT_EMAIL;
        if (!account.matches("[^@\\s]+@[^@\\s]+")) {
            throw new UnsafeConfigurationException("FIRST_SUPER_ADMIN_EMAIL is not an email address: '" + email + "'",
                    "Set FIRST_SUPER_ADMIN_EMAIL to the address the first administrator signs in with.");
        }
        String secret = generated ? randomPassword() : password;
        String name = env.getProperty("FIRST_SUPER_ADMIN_NAME", "Administrator");
        Boolean created = transaction.execute(status -> {
            // Two nodes starting on an empty database at once: the lock makes the check-then-insert atomic.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('timetracker.first-super-admin'))").query().singleRow();
            if (users.count() > 0) {
                return false;
            }
            users.create(account, hashing.hash(secret), name, "super_admin");
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            if (generated) {
                log.warn("""

                        ========================================================================
                          First super admin created. This password is shown only this once:
                            email:    {}
                            password: {}
                          Sign in and change it (Settings -> Password).
                        ========================================================================""", account, secret);
            } else {
                log.info("First super admin {} created from FIRST_SUPER_ADMIN_EMAIL/FIRST_SUPER_ADMIN_PASSWORD", account);
            }
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder candidate = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                candidate.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (PasswordPolicy.unmetRequirements(candidate.toString()).isEmpty()) {
                return candidate.toString();
            }
        }
    }
}
