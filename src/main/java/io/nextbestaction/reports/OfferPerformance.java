package io.nextbestaction.reports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Offer performance read from the rollup: a sum over a few rows per day, whatever the volume of decisions. */
@ApplicationScoped
public class OfferPerformance {

    private final AgroalDataSource dataSource;
    private final ReportRollup rollup;

    public OfferPerformance(AgroalDataSource dataSource, ReportRollup rollup) {
        this.dataSource = dataSource;
        this.rollup = rollup;
    }

    public OfferReport report(LocalDate from, LocalDate to, OfferReport.GroupBy by) throws SQLException {
        // Read first: the groups are at least as fresh as the report says.
        Instant asOf = rollup.upTo().orElse(null);
        List<OfferReport.Group> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select %s, sum(decisions), sum(presented), sum(clicked), sum(accepted), sum(purchased), sum(dismissed),
                            sum(presented_converted), sum(presented_dismissed)
                     from offer_rollup where day >= ? and day <= ?
                     group by 1 order by 1""".formatted(by.column))) {
            query.setObject(1, from);
            query.setObject(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long presented = rows.getLong(3);
                    groups.add(new OfferReport.Group(rows.getString(1), rows.getLong(2), presented, rows.getLong(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7),
                            Proportion.of(rows.getLong(8), presented), Proportion.of(rows.getLong(9), presented)));
                }
            }
        }
        return new OfferReport(from, to, by, asOf, groups);
    }
}
