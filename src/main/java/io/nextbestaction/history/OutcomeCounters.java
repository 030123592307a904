package io.nextbestaction.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nextbestaction.rules.facts.Outcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * What flows back, for /q/metrics, counted once stored. Reported outcomes are counted by offer: the offer is one the
 * logged decision made, so the offers are the catalog's and the series few. Imported contacts come from elsewhere,
 * with offer ids the service does not check, and are counted apart, by outcome only, so that a backfill does not
 * read as the service's offers being accepted.
 */
@ApplicationScoped
public class OutcomeCounters {

    private final MeterRegistry metrics;

    public OutcomeCounters(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void reported(String offerId, Outcome outcome) {
        Counter.builder("nba.outcomes")
                .description("Outcomes reported for the offers of logged decisions (POST /decisions/{id}/outcomes), by offer"
                        + " and outcome; a repeated report is not counted again, imported contacts are not counted here")
                .tag("offer", offerId).tag("outcome", outcome.name())
                .register(metrics).increment();
    }

    void imported(List<ContactRecord> rows) {
        for (Outcome outcome : Outcome.values()) {
            long count = rows.stream().filter(row -> row.outcome() == outcome).count();
            if (count > 0) {
                Counter.builder("nba.contacts.imported")
                        .description("Contacts made elsewhere and imported through POST /contact-history, by outcome")
                        .tag("outcome", outcome.name())
                        .register(metrics).increment(count);
            }
        }
    }
}
