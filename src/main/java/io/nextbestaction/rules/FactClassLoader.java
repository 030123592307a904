package io.nextbestaction.rules;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader Drools compiles and runs rules with: the application's, remembering the names it does not have.
 * MVEL tries every identifier of a constraint as a class in each imported package ({@code import ...facts.*}), ECJ
 * asks for resources to tell packages from types, and in the packaged service each miss reopens the application
 * jar, which cost more than the rest of the compile. The application's classes never change while it runs, so a miss
 * stays a miss.
 */
final class FactClassLoader extends ClassLoader {

    static {
        // Drools builds rules on several threads: lock per class name, not on the whole loader.
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    FactClassLoader(ClassLoader application) {
        super("nba-rule-facts", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL found = super.getResource(name);
        if (found == null) {
            missingResources.add(name);
        }
        return found;
    }
}
