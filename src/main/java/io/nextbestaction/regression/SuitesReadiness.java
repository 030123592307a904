package io.nextbestaction.regression;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Not ready while the pinned suites (nba.regression.suites-dir) are missing, hold no case or cannot be read, unless
 * nba.regression.allow-no-suites says no suite is wanted: an activation gate that runs no case passes everything.
 * The suites are read again only when a file in the folder changed (name, size or time).
 */
@Readiness
@ApplicationScoped
public class SuitesReadiness implements HealthCheck {

    private static final String NAME = "regression-suites";

    private record Checked(String listing, HealthCheckResponse response) {
    }

    private final RegressionConfig config;
    private volatile Checked last = new Checked(null, null);

    public SuitesReadiness(RegressionConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Path folder = config.suitesDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            return noCase(folder, "The regression suite folder " + folder + " does not exist");
        }
        String listing = listing(folder);
        Checked checked = last;
        if (!listing.equals(checked.listing())) {
            checked = new Checked(listing, read(folder));
            last = checked;
        }
        return checked.response();
    }

    private HealthCheckResponse read(Path folder) {
        int cases;
        try {
            cases = SuiteLoader.load(folder).size();
        } catch (SuiteLoader.SuiteException e) {
            return HealthCheckResponse.named(NAME).down().withData("suitesDir", folder.toString())
                    .withData("reason", "A regression suite cannot be read, so no version can be activated: " + e.getMessage())
                    .build();
        }
        if (cases == 0) {
            return noCase(folder, "The regression suite folder " + folder + " holds no case");
        }
        return HealthCheckResponse.named(NAME).up().withData("suitesDir", folder.toString()).withData("cases", cases).build();
    }

    private HealthCheckResponse noCase(Path folder, String what) {
        if (config.allowNoSuites()) {
            return HealthCheckResponse.named(NAME).up().withData("suitesDir", folder.toString()).withData("cases", 0)
                    .withData("reason", what + "; nba.regression.allow-no-suites=true, so activations run no pinned case.")
                    .build();
        }
        return HealthCheckResponse.named(NAME).down().withData("suitesDir", folder.toString())
                .withData("reason", what + ": activating a version would run no regression case. Ship the suites there, "
                        + "point nba.regression.suites-dir at them, or set nba.regression.allow-no-suites=true.")
                .build();
    }

    /** Each file's path, size and time: cheap to take on every probe, and it changes whenever a suite does. */
    private static String listing(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder listing = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                listing.append(file).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
            return listing.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
