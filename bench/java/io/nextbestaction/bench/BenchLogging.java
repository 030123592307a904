package io.nextbestaction.bench;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging as the service configures it (root INFO, org.drools and org.kie WARN), for harnesses that run the
 * service's classes outside Quarkus. Without this, the JBoss LogManager on the classpath keeps every record of every
 * level in Quarkus' delayed start-up handler: Drools' DEBUG records (agenda state changes, one per decision) would
 * cost time and hold each session and rule base alive, which is not what the service does.
 * Run the JVM with -Djava.util.logging.manager=org.jboss.logmanager.LogManager.
 */
public final class BenchLogging {

    private BenchLogging() {
    }

    public static void configure() {
        Logger.getLogger("").setLevel(Level.INFO);
        Logger.getLogger("org.drools").setLevel(Level.WARNING);
        Logger.getLogger("org.kie").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.poi").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.xmlbeans").setLevel(Level.WARNING);
        try {
            Class<?> configurator = Class.forName("io.quarkus.bootstrap.logging.InitialConfigurator");
            Object delayed = configurator.getField("DELAYED_HANDLER").get(null);
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.INFO);
            delayed.getClass().getMethod("setHandlers", Handler[].class).invoke(delayed, (Object) new Handler[]{console});
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("[bench] Quarkus' delayed log handler not found (" + e + "); logging left as it is");
        }
    }
}
