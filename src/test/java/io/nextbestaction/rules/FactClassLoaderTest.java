package io.nextbestaction.rules;

import io.nextbestaction.rules.facts.Account;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Remembering misses must not change what rules can see: the application's classes, and nothing else. */
class FactClassLoaderTest {

    private final FactClassLoader loader = new FactClassLoader(Account.class.getClassLoader());

    @Test
    void shouldLoadTheApplicationsOwnClasses() throws Exception {
        assertSame(Account.class, Class.forName("io.nextbestaction.rules.facts.Account", false, loader));
        assertNotNull(loader.getResource("rules/globals.drl"));
    }

    @Test
    void shouldKeepRefusingANameItDoesNotHave() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("io.nextbestaction.rules.facts.seatsUsed"));
            assertNull(loader.getResource("io/nextbestaction/rules/facts/seatsUsed.class"));
        }
    }
}
