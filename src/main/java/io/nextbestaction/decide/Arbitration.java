package io.nextbestaction.decide;

import io.nextbestaction.decide.DecisionResponse.OfferView;
import io.nextbestaction.decide.DecisionResponse.SuppressionView;
import io.nextbestaction.rules.Findings;
import io.nextbestaction.rules.OfferCatalog;
import io.nextbestaction.rules.ProposedOffer;
import io.nextbestaction.rules.RowRef;
import io.nextbestaction.rules.TriggeredGuardrail;
import io.nextbestaction.rules.facts.Action;
import io.nextbestaction.rules.facts.ServiceGuardrail;
import io.nextbestaction.rules.facts.Trigger;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the rules said into the answer: the first matching row per offer, guardrails, channel choice,
 * score, one offer per family, and the limit. Plain Java, so the ranking policy is the same for every ruleset.
 */
public final class Arbitration {

    private static final Logger LOG = Logger.getLogger(Arbitration.class);
    /** Enablement has no value; a floor value stands in for the value of teaching. */
    private static final double FLOOR_VALUE = 100.0;
    private static final Comparator<RowRef> ROW_ORDER = Comparator.comparing(RowRef::file)
            .thenComparing(r -> r.sheet() == null ? "" : r.sheet())
            .thenComparingInt(RowRef::row);

    public record Result(List<OfferView> offers, List<SuppressionView> suppressed) {
    }

    private record Candidate(ProposedOffer proposal, OfferCatalog.Offer offer) {
    }

    private Arbitration() {
    }

    public static Result rank(OfferCatalog catalog, Findings findings, DecisionRequest request, Propensities propensities) {
        List<Candidate> candidates = firstRowPerOffer(catalog, findings.proposals());
        Map<String, SuppressionView> suppressions = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            for (TriggeredGuardrail hit : findings.guardrails()) {
                Trigger trigger = hit.trigger().forOffer(candidate.offer().id());
                if (trigger != null && hit.offerTypes().contains(candidate.offer().type())) {
                    suppressions.merge(candidate.offer().id() + "/" + hit.code(),
                            new SuppressionView(candidate.offer().id(), hit.code(), trigger.reason(),
                                    trigger.eligibleAgainAt(), hit.row().toString()),
                            Arbitration::merge);
                }
            }
        }

        Set<String> suppressedOffers = new HashSet<>();
        suppressions.values().forEach(s -> suppressedOffers.add(s.offerId()));
        double weight = catalog.weightOf(request.placement());
        List<OfferView> scored = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String channel = channelFor(candidate.proposal().action(), request);
            if (channel == null) {
                String code = ServiceGuardrail.NO_CHANNEL.name();
                suppressions.put(candidate.offer().id() + "/" + code, new SuppressionView(candidate.offer().id(),
                        code, noChannelReason(request), null, null));
                continue;
            }
            if (suppressedOffers.contains(candidate.offer().id())) {
                continue;
            }
            scored.add(score(candidate, channel, weight, propensities.of(candidate.proposal())));
        }

        scored.sort(Comparator.comparingDouble(OfferView::score).reversed().thenComparing(OfferView::offerId));
        int limit = request.limit() == null ? 3 : request.limit();
        Set<String> families = new HashSet<>();
        List<OfferView> ranked = new ArrayList<>();
        for (OfferView offer : scored) {
            if (ranked.size() < limit && families.add(offer.family())) {
                ranked.add(new OfferView(ranked.size() + 1, offer.offerId(), offer.type(), offer.family(), offer.channel(),
                        offer.action(), offer.propensity(), offer.value(), offer.score(), offer.reasons()));
            }
        }
        return new Result(ranked, List.copyOf(suppressions.values()));
    }

    private static List<Candidate> firstRowPerOffer(OfferCatalog catalog, List<ProposedOffer> proposals) {
        Map<String, Candidate> first = new LinkedHashMap<>();
        proposals.stream()
                .sorted(Comparator.comparing(ProposedOffer::row, ROW_ORDER))
                .forEach(p -> {
                    if (first.containsKey(p.offerId())) {
                        return;
                    }
                    OfferCatalog.Offer offer = catalog.offer(p.offerId()).orElse(null);
                    if (offer == null || !p.isComplete()) {
                        LOG.warnf("%s proposes %s, which the catalog does not define or the row does not complete; skipped",
                                p.row(), p.offerId());
                        return;
                    }
                    first.put(p.offerId(), new Candidate(p, offer));
                });
        return List.copyOf(first.values());
    }

    /** Two rows of one guardrail on one offer: report both reasons; it applies until the later window ends. */
    private static SuppressionView merge(SuppressionView a, SuppressionView b) {
        Instant until = a.eligibleAgainAt() == null || b.eligibleAgainAt() == null ? null
                : a.eligibleAgainAt().isAfter(b.eligibleAgainAt()) ? a.eligibleAgainAt() : b.eligibleAgainAt();
        return new SuppressionView(a.offerId(), a.guardrail(), a.reason() + "; " + b.reason(), until, a.rule() + "; " + b.rule());
    }

    /** SELF_SERVE takes the first of IN_APP, EMAIL, SMS allowed by the request and consent; people-led actions always have their channel. */
    static String channelFor(Action action, DecisionRequest request) {
        if (action.personChannel().isPresent()) {
            return action.personChannel().get();
        }
        for (Channel channel : Channel.values()) {
            if (allowed(channel, request)) {
                return channel.name();
            }
        }
        return null;
    }

    private static boolean allowed(Channel channel, DecisionRequest request) {
        boolean requested = request.channels() == null || request.channels().contains(channel);
        if (!requested) {
            return false;
        }
        if (channel == Channel.IN_APP) {
            return true;
        }
        Map<Channel, Boolean> consent = request.account().consent();
        return consent != null && Boolean.TRUE.equals(consent.get(channel));
    }

    private static String noChannelReason(DecisionRequest request) {
        return "no channel left: requested " + (request.channels() == null ? "any" : request.channels())
                + ", consent " + (request.account().consent() == null ? "none" : request.account().consent());
    }

    private static OfferView score(Candidate candidate, String channel, double weight, Propensities.Estimate estimate) {
        OfferCatalog.Offer offer = candidate.offer();
        double propensity = estimate.propensity();
        double value = Math.max(offer.valueMonthly(), FLOOR_VALUE);
        // Rounded so that equal scores tie exactly and fall back to offerId order.
        double score = Math.round(propensity * value * offer.lever() * weight * 1e6) / 1e6;
        String factors = "score " + score + " = propensity " + propensity + " × value " + value + " × lever " + offer.lever()
                + " × placement weight " + weight;
        List<String> reasons = estimate.explanation() == null ? List.of(candidate.proposal().row().toString(), factors)
                : List.of(candidate.proposal().row().toString(), estimate.explanation(), factors);
        return new OfferView(0, offer.id(), offer.type().name(), offer.family(), channel, candidate.proposal().action().name(),
                propensity, offer.valueMonthly(), score, reasons);
    }
}
