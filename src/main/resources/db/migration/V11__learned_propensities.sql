-- What the offers have learned, per offer and segment: the presentations counted in offer_rollup (a (decision, offer)
-- pair presented, once however often it was reported) and the acceptances among them (presented, and accepted or
-- purchased). A scheduled job (LearnedState) computes it under an advisory lock; every instance loads it into memory,
-- where a learning row of an offer table reads it as the evidence against its prior.
create table learned_propensity (
    offer_id        text not null,
    segment         text not null,   -- '' when the request named none
    presentations   bigint not null,
    acceptances     bigint not null check (acceptances <= presentations),
    refreshed_at    timestamptz not null,
    primary key (offer_id, segment)
);
