package io.nextbestaction;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test profile whose service reaches PostgreSQL through {@link #PROXY}, which the test may cut; the test's own
 * connections go straight to the server ({@link #DIRECT}).
 */
public class ProxiedDatabase implements QuarkusTestProfile {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://)([^/:]+)(?::(\\d+))?(/.*)");
    /** The URL the tests are run with (-Dquarkus.datasource.jdbc.url), else the test profile's. */
    static final String DIRECT = configuredUrl();
    static final TcpProxy PROXY = startProxy();

    @Override
    public Map<String, String> getConfigOverrides() {
        Matcher url = url();
        return Map.of("quarkus.datasource.jdbc.url", url.group(1) + "127.0.0.1:" + PROXY.port() + url.group(4));
    }

    private static String configuredUrl() {
        String url = System.getProperty("quarkus.datasource.jdbc.url");
        if (url != null) {
            return url;
        }
        try (InputStream in = ProxiedDatabase.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("%test.quarkus.datasource.jdbc.url");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Matcher url() {
        Matcher url = URL.matcher(DIRECT);
        if (!url.matches()) {
            throw new IllegalStateException("not a jdbc:postgresql://host[:port]/... URL: " + DIRECT);
        }
        return url;
    }

    private static TcpProxy startProxy() {
        Matcher url = url();
        try {
            return TcpProxy.to(url.group(2), url.group(3) == null ? 5432 : Integer.parseInt(url.group(3)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
