package io.nextbestaction.common.batch;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A pooled connection for one call of a {@link Batcher}, bounded in time: the server cancels each statement after the
 * timeout (a cancelled insert commits nothing), and a network that falls silent fails the call a second later, when
 * the server cannot even be reached to cancel. The connection goes back to the pool with its own network timeout.
 */
public final class BoundedConnection implements AutoCloseable {

    /** The grace, beyond the statement timeout, for the server's answer to a cancel. */
    private static final int NETWORK_GRACE_MILLIS = 1000;
    /** The driver sets the socket's timeout itself: nothing runs on this executor. */
    private static final Executor UNUSED = Runnable::run;

    private final Connection connection;
    private final int queryTimeoutSeconds;
    private final int poolNetworkTimeout;

    private BoundedConnection(Connection connection, Duration timeout) throws SQLException {
        this.connection = connection;
        this.queryTimeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        this.poolNetworkTimeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(UNUSED, queryTimeoutSeconds * 1000 + NETWORK_GRACE_MILLIS);
    }

    public static BoundedConnection open(DataSource dataSource, Duration timeout) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            return new BoundedConnection(connection, timeout);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A statement the server cancels after the timeout (rounded up to whole seconds, as JDBC counts it). */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(queryTimeoutSeconds);
        return statement;
    }

    public Array textArray(Object[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.setNetworkTimeout(UNUSED, poolNetworkTimeout);
        } catch (SQLException e) {
            // The driver closed a broken connection: it is not reused, there is nothing to restore.
        } finally {
            connection.close();
        }
    }
}
